import { defineNodeSpec } from '@omniflow/flow-schema';
import { Type, type Static } from 'typebox';
import { expressionSchema, mapOf } from '../nodeSchemaParts.ts';

/** Schema of a `transaction` node's config. */
export const transactionConfigSchema = Type.Object(
  {
    /** Name of a handler registered with the engine (or runtime). */
    handler: Type.String({ minLength: 1 }),
    /** Arguments passed to the handler, each a safe expression over the flow variables. */
    args: Type.Optional(mapOf(expressionSchema)),
    /** Variables to set from the handler's result: `{ "customerName": "name" }` copies `result.name`. */
    results: Type.Optional(
      mapOf(Type.String(), { propertyNames: { 'x-kind': 'variable', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' } }),
    ),
    /** Extra named outcomes the handler may return as ports, e.g. `notFound`. */
    outcomes: Type.Optional(Type.Array(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]*$' }))),
    timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 120000 })),
    retries: Type.Optional(Type.Integer({ minimum: 0, maximum: 5 })),
  },
  { additionalProperties: false },
);

/** A `transaction` node's config. */
export type TransactionConfig = Static<typeof transactionConfigSchema>;

/** `transaction` — runs a handler registered by name with a timeout; ports `success`, `error`, `timeout` and each outcome. */
export const transactionSpec = defineNodeSpec({
  type: 'transaction',
  version: 1,
  category: 'Integration',
  icon: '⚙',
  behaviour: 'async',
  config: transactionConfigSchema,
  defaults: { handler: '', args: {}, results: {}, outcomes: [], timeoutMs: 10000, retries: 0 },
  ports: [{ name: 'success' }, { fromConfig: '/outcomes', key: '' }, { name: 'error' }, { name: 'timeout' }],
  ui: {
    '/handler': { widget: 'text', order: 1 },
    '/args': { widget: 'json', order: 2 },
    '/results': { widget: 'json', order: 3 },
    '/outcomes': { widget: 'json', order: 4 },
    '/timeoutMs': { widget: 'number', order: 5 },
    '/retries': { widget: 'number', order: 6 },
  },
  labels: {
    en: {
      title: 'Transaction',
      description: 'Calls a back-end handler registered with the runtime, with a timeout and retries.',
      fields: {
        '/handler': { label: 'Handler' },
        '/args': { label: 'Arguments (expressions)' },
        '/results': { label: 'Store results (variable: result field)' },
        '/outcomes': { label: 'Extra outcomes' },
        '/timeoutMs': { label: 'Timeout (ms)' },
        '/retries': { label: 'Retries' },
      },
      ports: { success: 'Success', error: 'Error', timeout: 'Timeout' },
    },
    'zh-CN': {
      title: '事务',
      category: '集成',
      description: '调用运行时注册的后端处理程序，带超时与重试。',
      fields: {
        '/handler': { label: '处理程序' },
        '/args': { label: '参数（表达式）' },
        '/results': { label: '保存结果（变量: 结果字段）' },
        '/outcomes': { label: '额外结果' },
        '/timeoutMs': { label: '超时（毫秒）' },
        '/retries': { label: '重试次数' },
      },
      ports: { success: '成功', error: '错误', timeout: '超时' },
    },
    ko: {
      title: '트랜잭션',
      category: '연동',
      description: '런타임에 등록된 백엔드 처리기를 타임아웃과 재시도로 호출합니다.',
      fields: {
        '/handler': { label: '처리기' },
        '/args': { label: '인자 (식)' },
        '/results': { label: '결과 저장 (변수: 결과 필드)' },
        '/outcomes': { label: '추가 결과' },
        '/timeoutMs': { label: '타임아웃 (ms)' },
        '/retries': { label: '재시도 횟수' },
      },
      ports: { success: '성공', error: '오류', timeout: '타임아웃' },
    },
  },
});
