import type { MessageConfig } from './messageSpec.ts';
import type { AutomaticRuntime } from '../../nodeTypes/nodeRuntime.ts';
import { sayOutput } from '../sayOutput.ts';

/** Says the message in the session's channel and locale, then leaves by `next`. */
export const messageRuntime: AutomaticRuntime<MessageConfig> = {
  kind: 'automatic',
  run: (config, scope) => ({ port: 'next', outputs: [sayOutput(scope, config.prompt, config.bargeIn ?? true)] }),
};
