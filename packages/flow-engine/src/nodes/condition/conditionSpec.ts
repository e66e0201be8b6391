import { defineNodeSpec } from '@omniflow/flow-schema';
import { Type, type Static } from 'typebox';
import { expressionSchema } from '../nodeSchemaParts.ts';

const conditionCaseSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_-]*$' }),
    label: Type.Optional(Type.String()),
    when: expressionSchema,
  },
  { additionalProperties: false },
);

/** Schema of a `condition` node's config. */
export const conditionConfigSchema = Type.Object(
  { cases: Type.Array(conditionCaseSchema) },
  { additionalProperties: false },
);

/** A `condition` node's config. */
export type ConditionConfig = Static<typeof conditionConfigSchema>;

/** One ordered case of a `condition` node; its `id` is its port. */
export type ConditionCase = Static<typeof conditionCaseSchema>;

/** `condition` — takes the first case whose expression is true, else `default`. */
export const conditionSpec = defineNodeSpec({
  type: 'condition',
  version: 1,
  category: 'Logic',
  icon: '🔀',
  behaviour: 'automatic',
  config: conditionConfigSchema,
  defaults: { cases: [{ id: 'yes', label: 'Yes', when: 'true' }] },
  ports: [{ fromConfig: '/cases', key: 'id', label: 'label' }, { name: 'default' }],
  ui: { '/cases': { widget: 'table', columns: ['id', 'label', 'when'], order: 1 } },
  labels: {
    en: {
      title: 'Condition',
      description: 'Branches on the first case whose expression is true.',
      fields: {
        '/cases/*/id': { label: 'Id' },
        '/cases/*/label': { label: 'Label' },
        '/cases/*/when': { label: 'When' },
        '/cases': { label: 'Cases (first true wins)' },
      },
      ports: { default: 'Otherwise' },
    },
    'zh-CN': {
      title: '条件',
      category: '逻辑',
      description: '按第一个表达式为真的分支走。',
      fields: {
        '/cases/*/id': { label: '编号' },
        '/cases/*/label': { label: '显示文字' },
        '/cases/*/when': { label: '条件' },
        '/cases': { label: '分支（第一个为真者生效）' },
      },
      ports: { default: '否则' },
    },
    ko: {
      title: '조건',
      category: '로직',
      description: '식이 참인 첫 번째 분기로 갑니다.',
      fields: {
        '/cases/*/id': { label: 'ID' },
        '/cases/*/label': { label: '표시 문구' },
        '/cases/*/when': { label: '조건' },
        '/cases': { label: '분기 (처음 참인 것이 적용)' },
      },
      ports: { default: '그 외' },
    },
  },
});
