import type { Channel } from '@omniflow/flow-schema';
import { exhaustive } from '@omniflow/flow-schema';
import { matchingLanguage, type MatchingLanguage } from './normalizeText.ts';
import { joinAlternatives, joinSentences, koreanParticle, spokenKey } from './wording.ts';

/** A menu option with its label resolved to the session's locale. */
export interface MenuOptionText {
  key: string;
  label: string;
}

/** A quick-reply button for chat: `value` is sent back as the caller's text when pressed. */
export interface QuickReply {
  value: string;
  label: string;
}

/** A rendered menu: the text to say or show, and quick replies on chat (empty on DTMF and voice). */
export interface RenderedMenu {
  text: string;
  choices: QuickReply[];
}

/**
 * The lines after the prompt that tell a keypad or voice caller how to answer: generated from the options
 * (`auto`), none because the prompt already says it (`off`), or the analyst's own sentence (`{ custom }`).
 */
export type MenuInstructions = 'auto' | 'off' | { custom: string };

/** Extras of renderMenu. */
export interface RenderMenuExtras {
  /** A key that repeats the menu; DTMF and voice mention it when the instructions are `auto`. */
  repeatKey?: string;
  /** Default `auto`. Chat is not affected: its quick replies are the instructions. */
  instructions?: MenuInstructions;
}

/**
 * Renders a menu for one channel and locale (en, zh and ko wording; other locales fall back to English):
 * DTMF reads each option with its key ("For balance, press 1."), voice lists what to say ("You can say
 * balance or card activation."), chat shows the prompt with quick replies.
 */
export function renderMenu(
  options: readonly MenuOptionText[],
  channel: Channel,
  locale: string,
  promptText: string,
  extras: RenderMenuExtras = {},
): RenderedMenu {
  const language = matchingLanguage(locale);
  const instructions = extras.instructions ?? 'auto';
  // Only `auto` generates wording: the analyst who wrote "press 1 for…" in the prompt must not hear it twice.
  const own = instructions === 'auto' ? null : instructions === 'off' ? [] : [instructions.custom];
  switch (channel) {
    case 'dtmf':
      return {
        text: joinSentences(
          [
            promptText,
            ...(own ?? [...options.map((option) => pressLine(option, language)), repeatLine(extras, language)]),
          ],
          language,
        ),
        choices: [],
      };
    case 'voice':
      return {
        text: joinSentences(
          [
            promptText,
            ...(own ?? [
              sayLine(
                options.map((option) => option.label),
                language,
              ),
              repeatLine(extras, language),
            ]),
          ],
          language,
        ),
        choices: [],
      };
    case 'chat':
      return {
        text: promptText.trim(),
        choices: options.map((option) => ({ value: option.key, label: option.label })),
      };
    default:
      return exhaustive(channel);
  }
}

/** One "For X, press N." sentence in the language. */
export function pressLine(option: MenuOptionText, language: MatchingLanguage): string {
  const key = spokenKey(option.key, language);
  switch (language) {
    case 'en':
      return `For ${option.label}, press ${key}.`;
    case 'zh':
      return `${option.label}请按${key}。`;
    case 'ko': {
      const topic = koreanParticle(option.label, '은', '는');
      return `${option.label}${topic} ${koreanKeyObject(option.key, key)} 누르세요.`;
    }
    default:
      return exhaustive(language);
  }
}

/** The "You can say a, b, or c." sentence in the language, or '' with nothing to say. */
export function sayLine(labels: readonly string[], language: MatchingLanguage): string {
  if (labels.length === 0) return '';
  const list = joinAlternatives(labels, language);
  switch (language) {
    case 'en':
      return `You can say ${list}.`;
    case 'zh':
      return `您可以说：${list}。`;
    case 'ko':
      return `${list}${koreanParticle(list, '이라고', '라고')} 말씀하세요.`;
    default:
      return exhaustive(language);
  }
}

function repeatLine(extras: RenderMenuExtras, language: MatchingLanguage): string {
  if (extras.repeatKey === undefined || extras.repeatKey === '') return '';
  const key = spokenKey(extras.repeatKey, language);
  switch (language) {
    case 'en':
      return `To hear these options again, press ${key}.`;
    case 'zh':
      return `重听请按${key}。`;
    case 'ko':
      return `다시 들으시려면 ${koreanKeyObject(extras.repeatKey, key)} 누르세요.`;
    default:
      return exhaustive(language);
  }
}

/** "1번을", "별표를": a key as the object of 누르세요. */
export function koreanKeyObject(key: string, spoken: string): string {
  if (/^\d+$/u.test(key)) return `${key}번을`;
  return `${spoken}${koreanParticle(spoken, '을', '를')}`;
}
