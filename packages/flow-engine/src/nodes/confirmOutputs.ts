import { buildJsgfGrammar } from '../matching/buildJsgfGrammar.ts';
import { renderAskHint, yesNoQuickReplies } from '../matching/renderAskHint.ts';
import { renderConfirmation } from '../matching/renderConfirmation.ts';
import { matchingLanguage } from '../matching/normalizeText.ts';
import { joinSentences } from '../matching/wording.ts';
import type { NodeScope } from '../nodeTypes/nodeRuntime.ts';
import type { OutputEvent } from '../session/sessionEvents.ts';
import { promptOutputs } from './promptOutputs.ts';

/** "Did you say balance?" with a yes/no prompt (keys 1/2, a yes/no grammar, quick replies), for a low-confidence match. */
export function confirmOutputs(scope: NodeScope, heard: string): OutputEvent[] {
  const question = renderConfirmation(heard, scope.locale);
  const hint = renderAskHint({ type: 'yesNo' }, scope.channel, scope.locale);
  return promptOutputs(scope, joinSentences([question, hint], matchingLanguage(scope.locale)), {
    dtmf: { minDigits: 1, maxDigits: 1 },
    grammar: scope.channel === 'voice' ? buildJsgfGrammar({ name: 'yesno', yesNo: true }, scope.locale) : null,
    choices: yesNoQuickReplies(scope.locale),
    sensitive: false,
    bargeIn: true,
  });
}
