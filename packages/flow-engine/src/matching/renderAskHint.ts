import type { Channel } from '@omniflow/flow-schema';
import { exhaustive } from '@omniflow/flow-schema';
import type { SlotConfig } from '../nodes/ask/askSpec.ts';
import { matchingLanguage, type MatchingLanguage } from './normalizeText.ts';
import { pressLine, sayLine, koreanKeyObject, type QuickReply } from './renderMenu.ts';
import { joinSentences, spokenKey } from './wording.ts';

/** What renderAskHint needs to know about an `ask` node's slot: the schema's SlotConfig bounds, plus two extras. */
export type AskHintSlot = Pick<SlotConfig, 'type' | 'minLength' | 'maxLength' | 'terminator' | 'min' | 'max'> & {
  /** `choice`: the labels, resolved to the locale; on the keypad the first is key 1, the second key 2, … */
  choiceLabels?: readonly string[];
  /** Sensitive slots are keypad-only, so voice callers are told to use the keypad. */
  sensitive?: boolean;
};

/**
 * The sentence telling the caller how to answer an `ask` node on a channel, in the locale's language
 * ("Enter the 4 digits, then press pound."), or '' when the prompt needs no hint (free text; chat yes/no
 * and choices, which come as quick replies).
 */
export function renderAskHint(slot: AskHintSlot, channel: Channel, locale: string): string {
  const language = matchingLanguage(locale);
  const keypad = channel === 'dtmf' || (channel === 'voice' && slot.sensitive === true);
  switch (slot.type) {
    case 'digits':
      return digitsHint(slot, channel, keypad, language);
    case 'number':
      return numberHint(slot, channel, keypad, language);
    case 'amount':
      return AMOUNT_HINTS[language][keypad ? 'dtmf' : channel];
    case 'date':
      return DATE_HINTS[language][keypad ? 'dtmf' : channel];
    case 'yesNo':
      return channel === 'chat' ? '' : YES_NO_HINTS[language][keypad ? 'dtmf' : 'voice'];
    case 'choice':
      return choiceHint(slot.choiceLabels ?? [], channel, keypad, language);
    case 'text':
      return '';
    default:
      return exhaustive(slot.type);
  }
}

/** Yes and no quick replies for chat; their values are understood by parseYesNo. */
export function yesNoQuickReplies(locale: string): QuickReply[] {
  const labels: Record<MatchingLanguage, [string, string]> = {
    en: ['Yes', 'No'],
    zh: ['是', '否'],
    ko: ['예', '아니요'],
  };
  const [yes, no] = labels[matchingLanguage(locale)];
  return [
    { value: 'yes', label: yes },
    { value: 'no', label: no },
  ];
}

type ChannelHints = Record<Channel, string>;

const AMOUNT_HINTS: Record<MatchingLanguage, ChannelHints> = {
  en: {
    dtmf: 'Enter the amount, using star for the decimal point, then press pound.',
    voice: 'Say the amount, for example twelve dollars fifty.',
    chat: 'Type the amount, for example 12.50.',
  },
  zh: {
    dtmf: '请输入金额，用星号键表示小数点，以井号键结束。',
    voice: '请说出金额，例如十二块五。',
    chat: '请输入金额，例如12.50。',
  },
  ko: {
    dtmf: '금액을 입력하신 후 우물 정자를 누르세요. 소수점은 별표를 누르세요.',
    voice: '금액을 말씀하세요. 예를 들어 만 이천 원.',
    chat: '금액을 입력하세요. 예: 12500',
  },
};

const DATE_HINTS: Record<MatchingLanguage, ChannelHints> = {
  en: {
    dtmf: 'Enter the date as eight digits: year, month, then day. For example, 1 9 9 0 0 5 1 7.',
    voice: 'Say the date, for example May 17, 1990.',
    chat: 'Type the date, for example 1990-05-17.',
  },
  zh: {
    dtmf: '请输入八位数字的日期，依次为年、月、日，例如19900517。',
    voice: '请说出日期，例如1990年5月17日。',
    chat: '请输入日期，例如1990-05-17。',
  },
  ko: {
    dtmf: '날짜를 연, 월, 일 순서로 여덟 자리 숫자로 입력하세요. 예: 19900517.',
    voice: '날짜를 말씀하세요. 예를 들어 1990년 5월 17일.',
    chat: '날짜를 입력하세요. 예: 1990-05-17.',
  },
};

const YES_NO_HINTS: Record<MatchingLanguage, Record<'dtmf' | 'voice', string>> = {
  en: { dtmf: 'For yes, press 1. For no, press 2.', voice: 'Please say yes or no.' },
  zh: { dtmf: '是请按1，否请按2。', voice: '请回答是或不是。' },
  ko: { dtmf: '예는 1번, 아니요는 2번을 누르세요.', voice: '예 또는 아니요로 대답해 주세요.' },
};

function digitsHint(slot: AskHintSlot, channel: Channel, keypad: boolean, language: MatchingLanguage): string {
  const min = slot.minLength;
  const max = slot.maxLength;
  const terminatorKey = slot.terminator ?? '#';
  const terminator = spokenKey(terminatorKey, language);
  // A fixed-length entry completes at its last digit (issue 20): asking for the terminator too would leave a stray
  // key that reaches the next node.
  const fixed = min !== undefined && min === max;
  switch (language) {
    case 'en': {
      const what =
        min !== undefined && min === max
          ? `the ${min} digits`
          : min !== undefined && max !== undefined
            ? `${min} to ${max} digits`
            : max !== undefined
              ? `up to ${max} digits`
              : 'the digits';
      if (channel === 'chat') return `Type ${what}.`;
      if (!keypad) return `Say or enter ${what}.`;
      return `Enter ${what}${channel === 'voice' ? ' on your keypad' : ''}${fixed ? '' : `, then press ${terminator}`}.`;
    }
    case 'zh': {
      const count =
        min !== undefined && min === max
          ? `${min}位`
          : min !== undefined && max !== undefined
            ? `${min}到${max}位`
            : max !== undefined
              ? `最多${max}位`
              : '';
      if (channel === 'chat') return `请输入${count}数字。`;
      if (!keypad) return `请说出或输入${count}数字。`;
      return `请${channel === 'voice' ? '在电话键盘上' : ''}输入${count}数字${fixed ? '' : `，以${terminator}结束`}。`;
    }
    case 'ko': {
      const count =
        min !== undefined && min === max
          ? `${min}자리 `
          : min !== undefined && max !== undefined
            ? `${min}~${max}자리 `
            : max !== undefined
              ? `최대 ${max}자리 `
              : '';
      if (channel === 'chat') return `${count}숫자를 입력하세요.`;
      if (!keypad) return `${count}숫자를 말씀하시거나 입력하세요.`;
      const entered = fixed ? '입력하세요.' : `입력하신 후 ${koreanKeyObject(terminatorKey, terminator)} 누르세요.`;
      return `${channel === 'voice' ? '키패드로 ' : ''}${count}숫자를 ${entered}`;
    }
    default:
      return exhaustive(language);
  }
}

function numberHint(slot: AskHintSlot, channel: Channel, keypad: boolean, language: MatchingLanguage): string {
  const bounded = slot.min !== undefined && slot.max !== undefined;
  const terminatorKey = slot.terminator ?? '#';
  const terminator = spokenKey(terminatorKey, language);
  switch (language) {
    case 'en': {
      const what = bounded ? `a number between ${slot.min} and ${slot.max}` : 'the number';
      if (channel === 'chat') return `Type ${what}.`;
      return keypad ? `Enter ${what}, then press ${terminator}.` : `Say ${what}.`;
    }
    case 'zh': {
      const what = bounded ? `${slot.min}到${slot.max}之间的数字` : '数字';
      if (channel === 'chat') return `请输入${what}。`;
      return keypad ? `请输入${what}，以${terminator}结束。` : `请说出${what}。`;
    }
    case 'ko': {
      const what = bounded ? `${slot.min}에서 ${slot.max} 사이의 숫자를` : '숫자를';
      if (channel === 'chat') return `${what} 입력하세요.`;
      return keypad
        ? `${what} 입력하신 후 ${koreanKeyObject(terminatorKey, terminator)} 누르세요.`
        : `${what} 말씀하세요.`;
    }
    default:
      return exhaustive(language);
  }
}

function choiceHint(labels: readonly string[], channel: Channel, keypad: boolean, language: MatchingLanguage): string {
  if (channel === 'chat') return '';
  if (keypad)
    return joinSentences(
      labels.map((label, index) => pressLine({ key: String(index + 1), label }, language)),
      language,
    );
  return sayLine(labels, language);
}
