import type { PluginPack } from '@omniflow/flow-engine';
import { createFlightHandlers, namedFlightHandlers } from './flightHandlers.ts';

/**
 * The flight-rebooking example's handlers as a plugin pack, so a runtime or the CLI can load them by file path
 * (`OMNIFLOW_PLUGINS=/path/to/examples/handlers/flightsPack.ts`) without importing example code.
 */
export const flightsPack: PluginPack = {
  name: 'flights',
  definitions: [],
  handlers: namedFlightHandlers(createFlightHandlers()),
};
