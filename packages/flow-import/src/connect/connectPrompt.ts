import type { Prompt } from '@omniflow/flow-schema';
import { stringAt } from '../shared/jsonGuards.ts';
import { ssmlToText } from '../shared/ssmlText.ts';
import type { ConnectAction } from './connectAction.ts';
import type { ConnectContext } from './ConnectContext.ts';
import { connectTextToTemplate } from './connectReferences.ts';

/** The prompt of a Connect block from its `Text`, `SSML` or `PromptId` parameter, with `$.` references as `{{var}}`. */
export function connectPrompt(action: ConnectAction, ctx: ConnectContext, fallback: string): Prompt {
  const text = stringAt(action.parameters, 'Text');
  const ssml = stringAt(action.parameters, 'SSML');
  if (ssml !== undefined && ssml.trim() !== '') {
    const template = connectTextToTemplate(ssml, ctx.builder, action.id);
    const spoken = ssmlToText(template);
    return ctx.builder.prompt(spoken === '' ? fallback : spoken, template);
  }
  if (text !== undefined && text.trim() !== '')
    return ctx.builder.prompt(connectTextToTemplate(text, ctx.builder, action.id));
  const promptId = stringAt(action.parameters, 'PromptId');
  if (promptId !== undefined) {
    ctx.builder.note(
      'unsupported',
      action.id,
      `The recorded prompt "${promptId}" lives in Amazon Connect; the prompt text is a placeholder to replace (or add an audio URL).`,
    );
    return ctx.builder.prompt(`(recorded prompt ${promptId.split('/').pop() ?? promptId})`);
  }
  ctx.builder.note('approximate', action.id, `The block has no prompt text; "${fallback}" was used.`);
  return ctx.builder.prompt(fallback);
}
