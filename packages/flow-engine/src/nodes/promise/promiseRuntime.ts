import { matchingLanguage } from '../../matching/normalizeText.ts';
import { joinSentences } from '../../matching/wording.ts';
import type { InteractiveRuntime, NodeScope } from '../../nodeTypes/nodeRuntime.ts';
import { promptOutputs } from '../promptOutputs.ts';
import { sayOutput } from '../sayOutput.ts';
import type { PromiseConfig } from './promiseSpec.ts';
import { readPromise } from './readPromise.ts';

/** Captures a promise to pay in one answer and stores the amount and the date. */
export const promiseRuntime: InteractiveRuntime<PromiseConfig> = {
  kind: 'interactive',
  freeForm: () => true,
  render(config, scope, request) {
    const rendered = scope.prompt(request.reprompt ?? config.prompt);
    const intro = rendered.text;
    const language = matchingLanguage(scope.locale);
    const hint =
      HINTS[language === 'zh' || language === 'ko' ? language : 'en'][scope.channel === 'dtmf' ? 'keys' : 'words'];
    return promptOutputs(
      scope,
      joinSentences([intro, hint], language),
      {
        dtmf: { minDigits: 9, maxDigits: 24, terminator: '#' },
        grammar: null,
        choices: [],
        sensitive: false,
        bargeIn: config.bargeIn ?? true,
        endOfSpeechMs: 1000,
      },
      rendered,
    );
  },
  onInput(config, input, scope) {
    const raw = input.type === 'dtmf' ? input.digits : input.type === 'speech' ? input.transcript : input.text;
    const answer = readPromise(raw, scope.locale, input.type === 'dtmf');
    if (answer === null) return { type: 'noMatch' };
    if (!withinDays(answer.date, config.maxDays, scope))
      return {
        type: 'invalid',
        outputs: config.invalidPrompt ? [sayOutput(scope, config.invalidPrompt, config.bargeIn ?? true)] : [],
      };
    return {
      type: 'port',
      port: 'next',
      variables: { [config.amountVariable]: answer.amount, [config.dateVariable]: answer.date },
    };
  },
};

/** Whether `date` is today or later, and at most `maxDays` days on when set (UTC days of the session's clock). */
function withinDays(date: string, maxDays: number | undefined, scope: NodeScope): boolean {
  const today = Date.UTC(...utcDay(scope.now()));
  const promised = Date.parse(`${date}T00:00:00Z`);
  return promised >= today && (maxDays === undefined || promised <= today + maxDays * 86_400_000);
}

function utcDay(now: number): [number, number, number] {
  const day = new Date(now);
  return [day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()];
}

const HINTS = {
  en: {
    keys: 'Enter the amount, then star, then the date as year, month and day, then the hash key.',
    words: 'Tell me the amount and the date, for example 200 dollars on December 15th, 2026.',
  },
  zh: {
    keys: '请输入金额，按星号键，再输入八位日期（年月日），最后按井号键。',
    words: '请告诉我金额和日期，例如2026年12月15日前还500元。',
  },
  ko: {
    keys: '금액을 입력하고 별표를 누른 뒤 날짜를 연월일 여덟 자리로 입력하고 우물 정자를 눌러 주세요.',
    words: '금액과 날짜를 말씀해 주세요. 예를 들어 2026년 12월 15일까지 5만 원.',
  },
} as const;
