import type { TransferConfig } from './transferSpec.ts';
import type { TerminalRuntime } from '../../nodeTypes/nodeRuntime.ts';
import type { OutputEvent } from '../../session/sessionEvents.ts';
import { sayOutput } from '../sayOutput.ts';

/** Says the hand-over prompt and asks the engine for a transfer output (it adds variables and transcript). */
export const transferRuntime: TerminalRuntime<TransferConfig> = {
  kind: 'terminal',
  run: (config, scope) => {
    const outputs: OutputEvent[] = config.prompt ? [sayOutput(scope, config.prompt, false)] : [];
    const reason =
      config.reason === undefined ? undefined : scope.prompt({ text: { [scope.locale]: config.reason } }).text;
    return {
      outputs,
      end: { reason: 'transferred' },
      transfer: {
        ...(config.queue === undefined ? {} : { queue: config.queue }),
        ...(config.agent === undefined ? {} : { agent: config.agent }),
        ...(reason === undefined ? {} : { reason }),
      },
    };
  },
};
