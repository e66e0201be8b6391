import type { AskConfig, SlotConfig } from './askSpec.ts';
import { isTruthy } from '@omniflow/flow-schema';
import { matchingLanguage } from '../../matching/normalizeText.ts';
import { renderAskHint, yesNoQuickReplies } from '../../matching/renderAskHint.ts';
import { joinSentences } from '../../matching/wording.ts';
import type { CallerInput, InputOutcome, InteractiveRuntime, NodeScope } from '../../nodeTypes/nodeRuntime.ts';
import { speechDecision } from '../../matching/speechDecision.ts';
import type { OutputEvent } from '../../session/sessionEvents.ts';
import { buildJsgfGrammar } from '../../matching/buildJsgfGrammar.ts';
import { promptOutputs, type ExpectSpec } from '../promptOutputs.ts';
import { sayOutput } from '../sayOutput.ts';
import { isStrayTerminator } from '../../matching/isStrayTerminator.ts';
import { parseSlotValue } from './parseSlotValue.ts';

/** Asks for one typed value, validates it and stores it in the node's variable; sensitive slots are keypad-only. */
export const askRuntime: InteractiveRuntime<AskConfig> = {
  kind: 'interactive',
  sensitive: (config, sensitiveVariables) => sensitiveVariables.has(config.variable),
  freeForm: (config) => config.slot.type === 'text',
  render(config, scope, request) {
    const sensitive = scope.sensitive.has(config.variable);
    const rendered = scope.prompt(request.reprompt ?? config.prompt);
    const intro = rendered.text;
    const choiceLabels = (config.slot.choices ?? []).map((choice) => scope.text(choice.label));
    const hint = renderAskHint({ ...config.slot, choiceLabels, sensitive }, scope.channel, scope.locale);
    return promptOutputs(
      scope,
      joinSentences([intro, hint], matchingLanguage(scope.locale)),
      expectFor(config, scope, sensitive),
      rendered,
    );
  },
  onInput(config, input, scope) {
    // Sensitive values are never taken by speech: the recognizer's transcript would hold them in clear.
    if (input.type === 'speech' && scope.sensitive.has(config.variable)) return { type: 'noMatch' };
    // Nothing typed but the end key: the stray `#` after the previous fixed-length answer, not an empty answer.
    if (input.type === 'dtmf' && isStrayTerminator(input.digits, config.slot.terminator)) return { type: 'ignore' };
    if (input.type === 'speech' && (config.slot.type === 'choice' || config.slot.type === 'yesNo'))
      return hearAnswer(config, input, scope);
    return readAnswer(config, input, scope);
  },
};

/** Reads, bounds-checks and validates one answer (confidence aside). */
function readAnswer(config: AskConfig, input: CallerInput, scope: NodeScope): InputOutcome {
  const parsed = parseSlotValue(config.slot, input, scope);
  if (parsed === null) return { type: 'noMatch' };
  const invalid: OutputEvent[] = config.invalidPrompt
    ? [sayOutput(scope, config.invalidPrompt, config.bargeIn ?? true)]
    : [];
  if (!withinBounds(config.slot, parsed.value)) return { type: 'invalid', outputs: invalid };
  if (config.slot.validate && !isTruthy(scope.evaluate(config.slot.validate, { value: parsed.value })))
    return { type: 'invalid', outputs: invalid };
  return { type: 'port', port: 'next', variables: { [config.variable]: parsed.value } };
}

/**
 * A spoken choice or yes/no under the voice confidence policy, as menus do: the transcript, then its alternatives;
 * a confident answer is taken, one in the confirmation band is asked back ("Did you say evening?"), the rest rejected.
 */
function hearAnswer(
  config: AskConfig,
  input: Extract<CallerInput, { type: 'speech' }>,
  scope: NodeScope,
): InputOutcome {
  const heard = [{ transcript: input.transcript, confidence: input.confidence }, ...(input.alternatives ?? [])];
  let unsure: InputOutcome | null = null;
  for (const candidate of heard) {
    const decision = speechDecision(candidate.confidence, scope.settings.minConfidence ?? 0.5);
    if (decision === 'reject') continue;
    const outcome = readAnswer(config, { type: 'speech', transcript: candidate.transcript }, scope);
    if (outcome.type === 'noMatch') continue;
    if (decision === 'accept') return outcome;
    if (outcome.type === 'port' && outcome.variables)
      unsure ??= {
        type: 'confirm',
        port: outcome.port,
        heard: spokenAnswer(config, scope, outcome.variables[config.variable], candidate.transcript),
        variables: outcome.variables,
      };
  }
  return unsure ?? { type: 'noMatch' };
}

/** How the confirmation names what was heard: the choice's label, or the caller's own words for yes/no. */
function spokenAnswer(config: AskConfig, scope: NodeScope, value: unknown, transcript: string): string {
  const choice = config.slot.choices?.find((item) => item.value === value);
  return choice ? scope.text(choice.label) : transcript;
}

function withinBounds(slot: SlotConfig, value: string | number | boolean): boolean {
  if (typeof value === 'string' && (slot.type === 'digits' || slot.type === 'text')) {
    return value.length >= (slot.minLength ?? 0) && value.length <= (slot.maxLength ?? Number.POSITIVE_INFINITY);
  }
  if (typeof value === 'number')
    return value >= (slot.min ?? Number.NEGATIVE_INFINITY) && value <= (slot.max ?? Number.POSITIVE_INFINITY);
  return true;
}

function expectFor(config: AskConfig, scope: NodeScope, sensitive: boolean): ExpectSpec {
  const slot = config.slot;
  const terminator = slot.terminator ?? '#';
  const base = {
    sensitive,
    bargeIn: config.bargeIn ?? true,
    ...(config.endOfSpeechMs === undefined ? {} : { endOfSpeechMs: config.endOfSpeechMs }),
  };
  const voice = scope.channel === 'voice';
  switch (slot.type) {
    case 'digits':
      return {
        ...base,
        dtmf: { minDigits: slot.minLength ?? 1, maxDigits: slot.maxLength ?? 20, terminator },
        grammar: voice
          ? buildJsgfGrammar(
              { name: 'digits', digits: { min: slot.minLength ?? 1, max: slot.maxLength ?? 20 } },
              scope.locale,
            )
          : null,
        choices: [],
      };
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
      const choices = (slot.choices ?? []).map((choice) => ({
        value: choice.value,
        label: scope.text(choice.label),
        synonyms: choice.synonyms?.[scope.locale] ?? [],
      }));
      const grammar = voice
        ? buildJsgfGrammar(
            {
              name: 'choice',
              taggedChoices: choices.map((choice) => ({
                tag: choice.value,
                phrases: [choice.label, ...choice.synonyms],
              })),
              keys: choices.map((_, index) => String(index + 1)),
            },
            scope.locale,
          )
        : null;
      return {
        ...base,
        dtmf: { minDigits: 1, maxDigits: 1 },
        grammar,
        choices: choices.map(({ value, label }) => ({ value, label })),
      };
    }
  }
}
