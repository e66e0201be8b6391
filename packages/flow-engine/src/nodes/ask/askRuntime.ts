import type { AskConfig, SlotConfig } from '@omniflow/flow-schema';
import { isTruthy } from '@omniflow/flow-schema';
import { matchingLanguage } from '../../matching/normalizeText.ts';
import { renderAskHint, yesNoQuickReplies } from '../../matching/renderAskHint.ts';
import { joinSentences } from '../../matching/wording.ts';
import type { InteractiveRuntime, NodeScope } from '../../nodeTypes/nodeRuntime.ts';
import type { OutputEvent } from '../../session/sessionEvents.ts';
import { buildJsgfGrammar } from '../../matching/buildJsgfGrammar.ts';
import { promptOutputs, type ExpectSpec } from '../promptOutputs.ts';
import { sayOutput } from '../sayOutput.ts';
import { parseSlotValue } from './parseSlotValue.ts';

/** Asks for one typed value, validates it and stores it in the node's variable; sensitive slots are keypad-only. */
export const askRuntime: InteractiveRuntime<AskConfig> = {
  kind: 'interactive',
  sensitive: (config, sensitiveVariables) => sensitiveVariables.has(config.variable),
  freeForm: (config) => config.slot.type === 'text',
  render(config, scope, request) {
    const sensitive = scope.sensitive.has(config.variable);
    const intro = scope.prompt(request.reprompt ?? config.prompt).text;
    const choiceLabels = (config.slot.choices ?? []).map((choice) => scope.text(choice.label));
    const hint = renderAskHint({ ...config.slot, choiceLabels, sensitive }, scope.channel, scope.locale);
    return promptOutputs(scope, joinSentences([intro, hint], matchingLanguage(scope.locale)), expectFor(config, scope, sensitive));
  },
  onInput(config, input, scope) {
    // Sensitive values are never taken by speech: the recognizer's transcript would hold them in clear.
    if (input.type === 'speech' && scope.sensitive.has(config.variable)) return { type: 'noMatch' };
    const parsed = parseSlotValue(config.slot, input, scope);
    if (parsed === null) return { type: 'noMatch' };
    const invalid: OutputEvent[] = config.invalidPrompt ? [sayOutput(scope, config.invalidPrompt, config.bargeIn ?? true)] : [];
    if (!withinBounds(config.slot, parsed.value)) return { type: 'invalid', outputs: invalid };
    if (config.slot.validate && !isTruthy(scope.evaluate(config.slot.validate, { value: parsed.value }))) return { type: 'invalid', outputs: invalid };
    return { type: 'port', port: 'next', variables: { [config.variable]: parsed.value } };
  },
};

function withinBounds(slot: SlotConfig, value: string | number | boolean): boolean {
  if (typeof value === 'string' && (slot.type === 'digits' || slot.type === 'text')) {
    return value.length >= (slot.minLength ?? 0) && value.length <= (slot.maxLength ?? Number.POSITIVE_INFINITY);
  }
  if (typeof value === 'number') return value >= (slot.min ?? Number.NEGATIVE_INFINITY) && value <= (slot.max ?? Number.POSITIVE_INFINITY);
  return true;
}

function expectFor(config: AskConfig, scope: NodeScope, sensitive: boolean): ExpectSpec {
  const slot = config.slot;
  const terminator = slot.terminator ?? '#';
  const base = { sensitive, bargeIn: config.bargeIn ?? true, ...(config.endOfSpeechMs === undefined ? {} : { endOfSpeechMs: config.endOfSpeechMs }) };
  const voice = scope.channel === 'voice';
  switch (slot.type) {
    case 'digits':
      return { ...base, dtmf: { minDigits: slot.minLength ?? 1, maxDigits: slot.maxLength ?? 20, terminator }, grammar: voice ? buildJsgfGrammar({ name: 'digits', digits: { min: slot.minLength ?? 1, max: slot.maxLength ?? 20 } }, scope.locale) : null, choices: [] };
    case 'number':
    case 'amount':
    case 'text':
      return { ...base, dtmf: { minDigits: 1, maxDigits: 15, terminator }, grammar: null, choices: [] };
    case 'date':
      return { ...base, dtmf: { minDigits: 8, maxDigits: 8 }, grammar: null, choices: [] };
    case 'yesNo': {
      const replies = yesNoQuickReplies(scope.locale);
      const grammar = voice ? buildJsgfGrammar({ name: 'yesno', yesNo: true }, scope.locale) : null;
      return { ...base, dtmf: { minDigits: 1, maxDigits: 1 }, grammar, choices: replies };
    }
    case 'choice': {
      const choices = (slot.choices ?? []).map((choice) => ({ value: choice.value, label: scope.text(choice.label), synonyms: choice.synonyms?.[scope.locale] ?? [] }));
      const grammar = voice
        ? buildJsgfGrammar({ name: 'choice', taggedChoices: choices.map((choice) => ({ tag: choice.value, phrases: [choice.label, ...choice.synonyms] })), keys: choices.map((_, index) => String(index + 1)) }, scope.locale)
        : null;
      return { ...base, dtmf: { minDigits: 1, maxDigits: 1 }, grammar, choices: choices.map(({ value, label }) => ({ value, label })) };
    }
  }
}
