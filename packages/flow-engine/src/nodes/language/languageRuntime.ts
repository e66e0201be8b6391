import type { MatchableChoice } from '../../matching/matchChoice.ts';
import { buildJsgfGrammar } from '../../matching/buildJsgfGrammar.ts';
import { matchSpokenOrTyped } from '../../matching/matchSpokenOrTyped.ts';
import { isStrayTerminator } from '../../matching/isStrayTerminator.ts';
import { matchingLanguage } from '../../matching/normalizeText.ts';
import { pressLine, sayLine } from '../../matching/renderMenu.ts';
import type { InputOutcome, InteractiveRuntime, NodeScope } from '../../nodeTypes/nodeRuntime.ts';
import type { OutputEvent } from '../../session/sessionEvents.ts';
import { promptOutputs } from '../promptOutputs.ts';
import type { LanguageConfig, LanguageOption } from './languageSpec.ts';

/**
 * Offers each language in its own language — "For English, press 1." then "中文请按2。" on the keypad, "You can say
 * English." then "您可以说：中文。" on voice (its grammar holds the names), quick replies in chat — and, on a
 * choice, leaves by `next` in the chosen locale.
 */
export const languageRuntime: InteractiveRuntime<LanguageConfig> = {
  kind: 'interactive',
  render(config, scope, request) {
    const intro = request.reprompt ?? config.prompt;
    const outputs: OutputEvent[] = [];
    if (intro !== undefined) {
      const rendered = scope.prompt(intro);
      if (rendered.text)
        outputs.push({
          type: 'say',
          nodeId: scope.nodeId,
          text: rendered.text,
          locale: rendered.locale,
          bargeIn: config.bargeIn ?? true,
        });
    }
    // Chat shows the names as buttons; spoken channels read one line per language, in that language's voice.
    if (scope.channel !== 'chat') {
      for (const option of config.languages)
        outputs.push({
          type: 'say',
          nodeId: scope.nodeId,
          text: optionLine(option, scope),
          locale: option.locale,
          bargeIn: config.bargeIn ?? true,
        });
    }
    const choices = languageChoices(config);
    return [
      ...outputs,
      ...promptOutputs(scope, '', {
        dtmf: { minDigits: 1, maxDigits: 1 },
        grammar:
          scope.channel === 'voice'
            ? buildJsgfGrammar(
                {
                  name: 'language',
                  taggedChoices: choices.map((choice) => ({
                    tag: choice.key,
                    phrases: [choice.label, ...choice.synonyms],
                  })),
                  keys: choices.map((choice) => choice.key),
                },
                scope.locale,
              )
            : null,
        choices: config.languages.map((option) => ({ value: option.key, label: option.label })),
        sensitive: false,
        bargeIn: config.bargeIn ?? true,
        ...(config.endOfSpeechMs === undefined ? {} : { endOfSpeechMs: config.endOfSpeechMs }),
      }),
    ];
  },
  onInput(config, input, scope) {
    // Languages are keyed 0-9: a lone `#` is a key typed ahead at the node before, not a choice.
    if (input.type === 'dtmf' && isStrayTerminator(input.digits)) return { type: 'ignore' };
    const key =
      input.type === 'dtmf'
        ? input.digits.charAt(0)
        : chosenKey(matchSpokenOrTyped(input, languageChoices(config), scope));
    const chosen = config.languages.find((option) => option.key === key);
    return chosen ? { type: 'port', port: 'next', locale: chosen.locale } : { type: 'noMatch' };
  },
};

/** The line offering one language, worded in that language. */
function optionLine(option: LanguageOption, scope: NodeScope): string {
  const language = matchingLanguage(option.locale);
  return scope.channel === 'voice'
    ? sayLine([option.label], language)
    : pressLine({ key: option.key, label: option.label }, language);
}

function languageChoices(config: LanguageConfig): MatchableChoice[] {
  return config.languages.map((option) => ({ key: option.key, label: option.label, synonyms: option.synonyms ?? [] }));
}

/**
 * The key a spoken or typed answer chose. An unsure recognition counts as no match rather than a "Did you say…?"
 * question: that question would be asked in the old language about the new one, and the keypad is always there.
 */
function chosenKey(outcome: InputOutcome): string | undefined {
  return outcome.type === 'port' ? outcome.port : undefined;
}
