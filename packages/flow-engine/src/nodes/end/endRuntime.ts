import type { EndConfig } from './endSpec.ts';
import type { TerminalRuntime } from '../../nodeTypes/nodeRuntime.ts';
import type { OutputEvent } from '../../session/sessionEvents.ts';
import { sayOutput } from '../sayOutput.ts';

/** Says the goodbye (if any) and ends the session as `completed` with the configured outcome. */
export const endRuntime: TerminalRuntime<EndConfig> = {
  kind: 'terminal',
  run: (config, scope) => {
    const outputs: OutputEvent[] = config.prompt ? [sayOutput(scope, config.prompt, false)] : [];
    return {
      outputs,
      end: config.outcome ? { reason: 'completed', outcome: config.outcome } : { reason: 'completed' },
    };
  },
};
