import { fileURLToPath } from 'node:url';
import type { NodeTypeRegistry } from '@omniflow/flow-engine';
import cardActivation from './flows/card-activation.json' with { type: 'json' };
import bankMainMenu from './flows/bank-main-menu.json' with { type: 'json' };
import flightRebooking from './flows/flight-rebooking.json' with { type: 'json' };
import bilingualWelcome from './flows/bilingual-welcome.json' with { type: 'json' };
import paymentReminder from './campaigns/payment-reminder/flow.json' with { type: 'json' };
import satisfactionSurvey from './campaigns/satisfaction-survey/flow.json' with { type: 'json' };
import { registerFlightHandlers, type FlightHandlers } from './handlers/flightHandlers.ts';

/** One example flow: its file under `examples/flows/` and its parsed JSON (validate before use). */
export interface ExampleFlow {
  file: string;
  flow: unknown;
}

/** The directory holding the example flow files, which a runtime seeds from (`OMNIFLOW_SEED_DIR`). */
export const exampleFlowsDir: string = fileURLToPath(new URL('./flows', import.meta.url));

/** Every example flow, as parsed JSON with its file name. */
export const exampleFlows: readonly ExampleFlow[] = [
  { file: 'card-activation.json', flow: cardActivation },
  { file: 'bank-main-menu.json', flow: bankMainMenu },
  { file: 'flight-rebooking.json', flow: flightRebooking },
  { file: 'bilingual-welcome.json', flow: bilingualWelcome },
  // The outbound campaigns' flows (issue 18) live beside their campaign settings and lists.
  { file: '../campaigns/payment-reminder/flow.json', flow: paymentReminder },
  { file: '../campaigns/satisfaction-survey/flow.json', flow: satisfactionSurvey },
];

/** The example flow stored in `file`; a missing name is a programmer error. */
export function exampleFlow(file: string): unknown {
  const found = exampleFlows.find((example) => example.file === file);
  if (found === undefined) {
    throw new Error(`No example flow "${file}"; use one of ${exampleFlows.map((e) => e.file).join(', ')}.`);
  }
  return found.flow;
}

/** Registers the named transaction handlers the examples call (`flights.*`) with a registry. */
export function registerExampleHandlers(registry: NodeTypeRegistry): FlightHandlers {
  return registerFlightHandlers(registry);
}
