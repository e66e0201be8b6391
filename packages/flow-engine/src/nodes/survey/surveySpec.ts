import { defineNodeSpec } from '@omniflow/flow-schema';
import { Type, type Static } from 'typebox';
import { promptSchema, retryPolicyLabels, retryPolicySchema, variableNameSchema } from '../nodeSchemaParts.ts';

/** Schema of a `survey` node's config: one question on a scale (or a free comment), answered by key, voice or text. */
export const surveyConfigSchema = Type.Object(
  {
    prompt: promptSchema,
    /** `rating`: 1–5; `nps`: 0–10 (how likely to recommend); `comment`: free words. */
    scale: Type.Enum(['rating', 'nps', 'comment'], { type: 'string' }),
    /** Name of the declared variable that receives the answer (a number, or the comment's text). */
    variable: variableNameSchema,
    noInput: Type.Optional(retryPolicySchema),
    noMatch: Type.Optional(retryPolicySchema),
    bargeIn: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** A `survey` node's config. */
export type SurveyConfig = Static<typeof surveyConfigSchema>;

/** `survey` — one satisfaction question: a 1–5 rating, a 0–10 NPS score or a free comment. */
export const surveySpec = defineNodeSpec({
  type: 'survey',
  version: 1,
  category: 'Conversation',
  icon: '⭐',
  behaviour: 'interactive',
  config: surveyConfigSchema,
  defaults: {
    prompt: { text: { 'en-US': '' } },
    scale: 'rating',
    variable: '',
    noInput: { maxRetries: 1 },
    noMatch: { maxRetries: 1 },
  },
  ports: [{ name: 'next' }, { name: 'noInput' }, { name: 'noMatch' }],
  ui: {
    '/prompt': { widget: 'prompt', order: 1 },
    '/scale': { order: 2 },
    '/variable': { widget: 'variable', order: 3 },
    '/noInput': { widget: 'json', order: 4 },
    '/noMatch': { widget: 'json', order: 5 },
    '/bargeIn': { order: 6 },
  },
  labels: {
    en: {
      title: 'Survey question',
      description:
        'Asks for a 1–5 rating, a 0–10 likelihood to recommend (NPS) or a free comment, by key, voice or text.',
      fields: {
        '/prompt': { label: 'Question' },
        '/scale': {
          label: 'Answer',
          options: { rating: 'Rating 1 to 5', nps: 'Score 0 to 10 (NPS)', comment: 'Free comment' },
        },
        '/variable': { label: 'Store answer in' },
        ...retryPolicyLabels.en,
        '/bargeIn': { label: 'Caller may interrupt the question' },
      },
      ports: { next: 'Answered', noInput: 'No input', noMatch: 'No match' },
    },
    'zh-CN': {
      title: '问卷问题',
      category: '对话',
      description: '请来电者给出 1–5 分评价、0–10 分推荐意愿（NPS）或自由意见，可按键、语音或文字回答。',
      fields: {
        '/prompt': { label: '问题' },
        '/scale': {
          label: '回答方式',
          options: { rating: '1 到 5 分评价', nps: '0 到 10 分（NPS）', comment: '自由意见' },
        },
        '/variable': { label: '答案保存到' },
        ...retryPolicyLabels['zh-CN'],
        '/bargeIn': { label: '来电者可打断提问' },
      },
      ports: { next: '已回答', noInput: '无输入', noMatch: '无匹配' },
    },
    ko: {
      title: '설문 질문',
      category: '대화',
      description: '1–5점 평가, 0–10점 추천 의향(NPS) 또는 자유 의견을 키패드, 음성, 텍스트로 받습니다.',
      fields: {
        '/prompt': { label: '질문' },
        '/scale': { label: '답변 방식', options: { rating: '1~5점 평가', nps: '0~10점 (NPS)', comment: '자유 의견' } },
        '/variable': { label: '답변 저장 변수' },
        ...retryPolicyLabels.ko,
        '/bargeIn': { label: '질문 중 끼어들기 허용' },
      },
      ports: { next: '응답함', noInput: '무입력', noMatch: '불일치' },
    },
  },
});
