import { defineNodeSpec } from '@omniflow/flow-schema';
import { Type, type Static } from 'typebox';
import { expressionSchema, mapOf } from '../nodeSchemaParts.ts';

/** Schema of a `subflow` node's config. */
export const subflowConfigSchema = Type.Object(
  {
    flowId: Type.String({ 'x-kind': 'flow', minLength: 1 }),
    /** Child variables set on entry: `{ childVar: "expression over parent variables" }`. */
    inputs: Type.Optional(mapOf(expressionSchema)),
    /** Parent variables set on return: `{ parentVar: "childVar" }`. */
    outputs: Type.Optional(mapOf(Type.String({ minLength: 1 }), { propertyNames: { 'x-kind': 'variable' } })),
  },
  { additionalProperties: false },
);

/** A `subflow` node's config. */
export type SubflowConfig = Static<typeof subflowConfigSchema>;

/** `subflow` — runs another flow (inlined at compile time) and returns; ports `next`, `error`. */
export const subflowSpec = defineNodeSpec({
  type: 'subflow',
  version: 1,
  category: 'Flow',
  icon: '↳',
  behaviour: 'subflow',
  config: subflowConfigSchema,
  defaults: { flowId: '', inputs: {}, outputs: {} },
  ports: [{ name: 'next' }, { name: 'error' }],
  ui: {
    '/flowId': { widget: 'flow', order: 1 },
    '/inputs': { widget: 'json', order: 2 },
    '/outputs': { widget: 'json', order: 3 },
  },
  labels: {
    en: {
      title: 'Subflow',
      description: "Runs another flow, then continues here. The other flow's end returns; its transfer transfers.",
      fields: {
        '/flowId': { label: 'Flow' },
        '/inputs': { label: 'Inputs (child variable: expression)' },
        '/outputs': { label: 'Outputs (variable: child variable)' },
      },
      ports: { next: 'Next', error: 'Error' },
    },
    'zh-CN': {
      title: '子流程',
      category: '流程',
      description: '运行另一个流程后回到这里继续。子流程结束即返回，子流程转接即转接。',
      fields: {
        '/flowId': { label: '流程' },
        '/inputs': { label: '输入（子流程变量: 表达式）' },
        '/outputs': { label: '输出（变量: 子流程变量）' },
      },
      ports: { next: '下一步', error: '错误' },
    },
    ko: {
      title: '하위 플로우',
      category: '흐름',
      description: '다른 플로우를 실행한 뒤 여기서 계속합니다. 하위 플로우가 끝나면 돌아오고, 연결하면 연결됩니다.',
      fields: {
        '/flowId': { label: '플로우' },
        '/inputs': { label: '입력 (하위 변수: 식)' },
        '/outputs': { label: '출력 (변수: 하위 변수)' },
      },
      ports: { next: '다음', error: '오류' },
    },
  },
});
