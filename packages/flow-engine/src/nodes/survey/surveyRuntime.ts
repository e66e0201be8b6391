import { matchingLanguage } from '../../matching/normalizeText.ts';
import { parseNumber } from '../../matching/parseNumber.ts';
import { joinSentences } from '../../matching/wording.ts';
import type { InteractiveRuntime, NodeScope } from '../../nodeTypes/nodeRuntime.ts';
import { promptOutputs, type ExpectSpec } from '../promptOutputs.ts';
import type { SurveyConfig } from './surveySpec.ts';

/** The bounds of each numeric scale. */
const SCALES = { rating: { min: 1, max: 5 }, nps: { min: 0, max: 10 } } as const;

/** Asks one survey question and stores the score (or comment) in the node's variable. */
export const surveyRuntime: InteractiveRuntime<SurveyConfig> = {
  kind: 'interactive',
  freeForm: (config) => config.scale === 'comment',
  render(config, scope, request) {
    const rendered = scope.prompt(request.reprompt ?? config.prompt);
    const intro = rendered.text;
    const hint = surveyHint(config.scale, scope);
    return promptOutputs(
      scope,
      joinSentences([intro, hint], matchingLanguage(scope.locale)),
      expectFor(config, scope),
      rendered,
    );
  },
  onInput(config, input, scope) {
    const raw =
      input.type === 'dtmf' ? input.digits.replace(/#$/, '') : input.type === 'speech' ? input.transcript : input.text;
    if (config.scale === 'comment') {
      // On the keypad a comment cannot be spoken: any key skips it with an empty answer.
      const comment = input.type === 'dtmf' ? '' : raw.trim();
      // A comment says something in words: only digits or signs ("12", "?") is no comment.
      if (input.type !== 'dtmf' && !/\p{L}/u.test(comment)) return { type: 'noMatch' };
      return { type: 'port', port: 'next', variables: { [config.variable]: comment } };
    }
    const { min, max } = SCALES[config.scale];
    const value = input.type === 'dtmf' ? (/^\d{1,2}$/.test(raw) ? Number(raw) : null) : parseNumber(raw, scope.locale);
    if (value === null || !Number.isInteger(value) || value < min || value > max) return { type: 'noMatch' };
    return { type: 'port', port: 'next', variables: { [config.variable]: value } };
  },
};

function expectFor(config: SurveyConfig, scope: NodeScope): ExpectSpec {
  const base = { sensitive: false, bargeIn: config.bargeIn ?? true, grammar: null };
  if (config.scale === 'comment')
    return { ...base, dtmf: { minDigits: 1, maxDigits: 1 }, choices: [], endOfSpeechMs: 1200 };
  const { min, max } = SCALES[config.scale];
  const choices = Array.from({ length: max - min + 1 }, (_, i) => ({ value: String(min + i), label: String(min + i) }));
  // 0–10 needs two keys for 10, so the keypad entry ends with # (or the inter-digit pause).
  const dtmf =
    config.scale === 'nps' ? { minDigits: 1, maxDigits: 2, terminator: '#' } : { minDigits: 1, maxDigits: 1 };
  return { ...base, dtmf, choices: scope.channel === 'chat' ? choices : [] };
}

/** How to answer, in the scope's language and channel. */
function surveyHint(scale: SurveyConfig['scale'], scope: NodeScope): string {
  const language = matchingLanguage(scope.locale);
  const words = HINTS[language === 'zh' || language === 'ko' ? language : 'en'];
  const how = scope.channel === 'dtmf' ? 'press' : scope.channel === 'voice' ? 'say' : 'type';
  return words[scale][how];
}

type Hint = Record<'press' | 'say' | 'type', string>;

const HINTS: Record<'en' | 'zh' | 'ko', Record<SurveyConfig['scale'], Hint>> = {
  en: {
    rating: {
      press: 'Press 1 to 5.',
      say: 'Say or press a number from 1 to 5.',
      type: 'Reply with a number from 1 to 5.',
    },
    nps: {
      press: 'Press 0 to 10, then the hash key.',
      say: 'Say a number from 0 to 10.',
      type: 'Reply with a number from 0 to 10.',
    },
    comment: { press: 'Press any key to skip.', say: 'Please say your comment.', type: 'Please type your comment.' },
  },
  zh: {
    rating: { press: '请按1到5。', say: '请说出或按下1到5之间的数字。', type: '请回复1到5之间的数字。' },
    nps: { press: '请按0到10，再按井号键。', say: '请说出0到10之间的数字。', type: '请回复0到10之间的数字。' },
    comment: { press: '按任意键跳过。', say: '请说出您的意见。', type: '请输入您的意见。' },
  },
  ko: {
    rating: {
      press: '1부터 5까지 눌러 주세요.',
      say: '1부터 5까지 숫자를 말씀하시거나 눌러 주세요.',
      type: '1부터 5까지 숫자로 답해 주세요.',
    },
    nps: {
      press: '0부터 10까지 누르신 후 우물 정자를 눌러 주세요.',
      say: '0부터 10까지 숫자를 말씀해 주세요.',
      type: '0부터 10까지 숫자로 답해 주세요.',
    },
    comment: { press: '건너뛰시려면 아무 키나 누르세요.', say: '의견을 말씀해 주세요.', type: '의견을 입력해 주세요.' },
  },
};
