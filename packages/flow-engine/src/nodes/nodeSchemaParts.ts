import type { UiLanguage } from '@omniflow/flow-schema';
import { Type, type Static, type TSchema } from 'typebox';

/**
 * A string-keyed map whose values follow `value`, written as `additionalProperties` — the shape ajv, field
 * collection and the designer's key/value editor read (TypeBox's `Record` emits `patternProperties` instead).
 */
export function mapOf<Value extends TSchema>(
  value: Value,
  options: { minProperties?: number; propertyNames?: Record<string, string> } = {},
) {
  return Type.Unsafe<Record<string, Static<Value>>>({ type: 'object', ...options, additionalProperties: value });
}

/** Schema of a per-locale text map. */
export const localizedTextSchema = mapOf(Type.String(), { minProperties: 1 });

const channelText = Type.Object({ text: localizedTextSchema });

/** Schema of a channel-neutral prompt (`x-kind: prompt`). */
export const promptSchema = Type.Object(
  {
    text: localizedTextSchema,
    ssml: Type.Optional(localizedTextSchema),
    audio: Type.Optional(localizedTextSchema),
    channels: Type.Optional(
      Type.Object(
        { dtmf: Type.Optional(channelText), voice: Type.Optional(channelText), chat: Type.Optional(channelText) },
        { additionalProperties: false },
      ),
    ),
    /** The wording for an upset caller (issue 17); a locale without one speaks the calm text. */
    empathetic: Type.Optional(localizedTextSchema),
  },
  { 'x-kind': 'prompt', additionalProperties: false },
);

/** Schema of a no-input / no-match retry policy. */
export const retryPolicySchema = Type.Object(
  {
    maxRetries: Type.Integer({ minimum: 0, maximum: 10 }),
    reprompts: Type.Optional(Type.Array(promptSchema)),
  },
  { additionalProperties: false },
);

/**
 * Field labels of the `noInput` and `noMatch` retry policies in every UI language, for the specs that have both; the
 * nested fields need them too or the form would invent "Max Retries".
 */
export const retryPolicyLabels: Record<UiLanguage, Record<string, { label: string; help?: string }>> = {
  en: {
    '/noInput': { label: 'No-input retries' },
    '/noInput/maxRetries': { label: 'Times to ask again' },
    '/noInput/reprompts': { label: 'Retry prompts' },
    '/noMatch': { label: 'No-match retries' },
    '/noMatch/maxRetries': { label: 'Times to ask again' },
    '/noMatch/reprompts': { label: 'Retry prompts' },
  },
  'zh-CN': {
    '/noInput': { label: '无输入重试' },
    '/noInput/maxRetries': { label: '重问次数' },
    '/noInput/reprompts': { label: '重问提示' },
    '/noMatch': { label: '无匹配重试' },
    '/noMatch/maxRetries': { label: '重问次数' },
    '/noMatch/reprompts': { label: '重问提示' },
  },
  ko: {
    '/noInput': { label: '무입력 재시도' },
    '/noInput/maxRetries': { label: '다시 묻는 횟수' },
    '/noInput/reprompts': { label: '다시 물을 때 멘트' },
    '/noMatch': { label: '불일치 재시도' },
    '/noMatch/maxRetries': { label: '다시 묻는 횟수' },
    '/noMatch/reprompts': { label: '다시 물을 때 멘트' },
  },
};

/** Schema of per-locale synonym lists. */
export const synonymsSchema = mapOf(Type.Array(Type.String({ minLength: 1 })));

/** Schema of a declared variable's name (`x-kind: variable`). */
export const variableNameSchema = Type.String({ 'x-kind': 'variable', minLength: 1 });

/** Schema of a safe expression (`x-kind: expression`). */
export const expressionSchema = Type.String({ 'x-kind': 'expression', minLength: 1 });

/** Schema of a `{{variable}}` template (`x-kind: template`). */
export const templateSchema = Type.String({ 'x-kind': 'template' });

/** Schema of the milliseconds of silence that end an utterance on voice. */
export const endOfSpeechSchema = Type.Integer({ minimum: 300, maximum: 1000 });
