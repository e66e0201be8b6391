import type { Prompt } from '@omniflow/flow-schema';
import type { NodeScope } from '../nodeTypes/nodeRuntime.ts';
import type { OutputEvent } from '../session/sessionEvents.ts';
import { sayOutput } from './sayOutput.ts';

/** What a node that hands the caller to people says first, and the reason shown to the agent (template filled). */
export function handOverStart(
  config: { prompt?: Prompt; reason?: string },
  scope: NodeScope,
): { outputs: OutputEvent[]; reason?: string } {
  const outputs: OutputEvent[] = config.prompt ? [sayOutput(scope, config.prompt, false)] : [];
  if (config.reason === undefined) return { outputs };
  return { outputs, reason: scope.prompt({ text: { [scope.locale]: config.reason } }).text };
}
