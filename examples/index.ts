export { exampleFlows, exampleFlow, registerExampleHandlers } from './exampleFlows.ts';
export type { ExampleFlow } from './exampleFlows.ts';
export { createFlightHandlers, registerFlightHandlers } from './handlers/flightHandlers.ts';
export type { FlightHandlers, FlightData } from './handlers/flightHandlers.ts';
export { createExampleRegistry, startExampleHarness } from './exampleHarness.ts';
export type { ExampleHarness } from './exampleHarness.ts';
