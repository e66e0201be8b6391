import type { TransferConfig } from './transferSpec.ts';
import type { TerminalRuntime } from '../../nodeTypes/nodeRuntime.ts';
import { handOverStart } from '../handOverStart.ts';

/** Says the hand-over prompt and asks the engine for a transfer output (it adds variables and transcript). */
export const transferRuntime: TerminalRuntime<TransferConfig> = {
  kind: 'terminal',
  run: (config, scope) => {
    const { outputs, reason } = handOverStart(config, scope);
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
