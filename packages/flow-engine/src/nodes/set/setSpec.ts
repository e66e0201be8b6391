import { defineNodeSpec } from '@omniflow/flow-schema';
import { Type, type Static } from 'typebox';
import { expressionSchema, variableNameSchema } from '../nodeSchemaParts.ts';

/** Schema of a `set` node's config. */
export const setConfigSchema = Type.Object(
  {
    assignments: Type.Array(
      Type.Object({ variable: variableNameSchema, value: expressionSchema }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);

/** A `set` node's config. */
export type SetConfig = Static<typeof setConfigSchema>;

/** `set` — assigns computed values to variables, in order. */
export const setSpec = defineNodeSpec({
  type: 'set',
  version: 1,
  category: 'Logic',
  icon: '＝',
  behaviour: 'automatic',
  config: setConfigSchema,
  defaults: { assignments: [] },
  ports: [{ name: 'next' }],
  ui: { '/assignments': { widget: 'table', columns: ['variable', 'value'], order: 1 } },
  labels: {
    en: {
      title: 'Set variables',
      description: 'Computes values with expressions and stores them in variables.',
      fields: {
        '/assignments/*/variable': { label: 'Variable' },
        '/assignments/*/value': { label: 'Value' },
        '/assignments': { label: 'Assignments (in order)' },
      },
      ports: { next: 'Next' },
    },
    'zh-CN': {
      title: '设置变量',
      category: '逻辑',
      description: '用表达式计算值并存入变量。',
      fields: {
        '/assignments/*/variable': { label: '变量' },
        '/assignments/*/value': { label: '值' },
        '/assignments': { label: '赋值（按顺序）' },
      },
      ports: { next: '下一步' },
    },
    ko: {
      title: '변수 설정',
      category: '로직',
      description: '식으로 값을 계산해 변수에 저장합니다.',
      fields: {
        '/assignments/*/variable': { label: '변수' },
        '/assignments/*/value': { label: '값' },
        '/assignments': { label: '할당 (순서대로)' },
      },
      ports: { next: '다음' },
    },
  },
});
