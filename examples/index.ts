export { exampleFlows, exampleFlow, exampleFlowsDir, registerExampleHandlers } from './exampleFlows.ts';
export type { ExampleFlow } from './exampleFlows.ts';
export { createFlightHandlers, namedFlightHandlers, registerFlightHandlers } from './handlers/flightHandlers.ts';
export { flightsPack } from './handlers/flightsPack.ts';
export type { FlightHandlers, FlightData } from './handlers/flightHandlers.ts';
export { createExampleRegistry, startExampleHarness } from './exampleHarness.ts';
export type { ExampleHarness } from './exampleHarness.ts';
