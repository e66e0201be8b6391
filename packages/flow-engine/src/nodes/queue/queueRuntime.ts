import type { TerminalRuntime } from '../../nodeTypes/nodeRuntime.ts';
import { handOverStart } from '../handOverStart.ts';
import type { QueueConfig } from './queueSpec.ts';

/** Says the queueing prompt and hands over to the queue with the priority and waiting treatment for the router. */
export const queueRuntime: TerminalRuntime<QueueConfig> = {
  kind: 'terminal',
  run: (config, scope) => {
    const { outputs, reason } = handOverStart(config, scope);
    return {
      outputs,
      end: { reason: 'transferred' },
      transfer: {
        queue: config.queue,
        ...(reason === undefined ? {} : { reason }),
        routing: {
          priority: config.priority ?? 0,
          waiting: {
            everySeconds: config.updateEverySeconds ?? 30,
            announcePosition: config.announcePosition ?? true,
            ...(config.waitingMessage === undefined ? {} : { message: config.waitingMessage }),
          },
        },
      },
    };
  },
};
