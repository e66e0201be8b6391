import { defineNodeSpec } from '@omniflow/flow-schema';
import { Type, type Static } from 'typebox';
import { httpMappingMigration } from './httpMappingMigration.ts';
import { mapOf, templateSchema, variableNameSchema } from '../nodeSchemaParts.ts';

const responseMappingSchema = Type.Object(
  {
    variable: variableNameSchema,
    /** An expression over `response` (`{ status, body }`, body parsed as JSON) and the flow variables: `response.body.a[0]`. */
    value: Type.String({ 'x-kind': 'expression', 'x-implicit': ['response'], minLength: 1 }),
  },
  { additionalProperties: false },
);

/**
 * Schema of an `http` node's config. `url`, header values and `body` are templates over flow variables
 * (`{{name}}`) and named secrets (`{{secret:NAME}}`, never logged).
 */
export const httpConfigSchema = Type.Object(
  {
    method: Type.Enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], { type: 'string' }),
    url: Type.String({ 'x-kind': 'template', minLength: 1 }),
    headers: Type.Optional(mapOf(templateSchema)),
    body: Type.Optional(templateSchema),
    /** `json` (default) escapes values for a JSON string and sends `content-type: application/json`. */
    bodyType: Type.Optional(Type.Enum(['json', 'text'], { type: 'string' })),
    /** Per attempt (default 5000); then the `timeout` port. */
    timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 60000 })),
    /** Extra attempts the engine makes, with exponential backoff, when a call takes `error` or `timeout` (default 0). */
    retries: Type.Optional(Type.Integer({ minimum: 0, maximum: 5 })),
    responseMapping: Type.Optional(Type.Array(responseMappingSchema)),
    /** Variable that receives the HTTP status of the last reply. */
    statusVariable: Type.Optional(variableNameSchema),
  },
  { additionalProperties: false },
);

/** An `http` node's config; ports `success` (2xx), `error`, `timeout`. */
export type HttpNodeConfig = Static<typeof httpConfigSchema>;

/** HTTP methods the `http` node can send. */
export type HttpMethod = HttpNodeConfig['method'];

/** One response value copied into a flow variable. */
export type HttpResponseMapping = Static<typeof responseMappingSchema>;

/** `http` — the built-in generic HTTP request node. */
export const httpSpec = defineNodeSpec({
  type: 'http',
  version: 2,
  category: 'Integration',
  icon: '🌐',
  behaviour: 'async',
  config: httpConfigSchema,
  defaults: { method: 'GET', url: 'https://', timeoutMs: 5000, retries: 0, responseMapping: [] },
  migrations: [httpMappingMigration],
  ports: [{ name: 'success' }, { name: 'error' }, { name: 'timeout' }],
  ui: {
    '/method': { widget: 'select', order: 1 },
    '/url': { widget: 'text', order: 2 },
    '/headers': { widget: 'json', order: 3 },
    '/body': { widget: 'textarea', order: 4 },
    '/bodyType': { widget: 'select', order: 5 },
    '/timeoutMs': { widget: 'number', order: 6 },
    '/retries': { widget: 'number', order: 7 },
    '/responseMapping': { widget: 'table', columns: ['variable', 'value'], order: 10 },
    '/statusVariable': { widget: 'variable', order: 11 },
  },
  labels: {
    en: {
      title: 'HTTP request',
      description: 'Calls an HTTP API with templated URL, headers and body, and maps the JSON reply into variables.',
      fields: {
        '/responseMapping/*/variable': { label: 'Variable' },
        '/responseMapping/*/value': { label: 'Value' },
        '/method': { label: 'Method' },
        '/url': { label: 'URL', help: 'Use {{variable}} and {{secret:NAME}} placeholders.' },
        '/headers': { label: 'Headers', help: 'Header values may reference secrets as {{secret:NAME}}.' },
        '/body': { label: 'Body' },
        '/bodyType': { label: 'Body type' },
        '/timeoutMs': { label: 'Timeout per attempt (ms)' },
        '/retries': { label: 'Retries on error or timeout' },
        '/responseMapping': {
          label: 'Response → variables',
          help: 'Expressions over response, as in response.body.items[0].id.',
        },
        '/statusVariable': { label: 'Status code variable' },
      },
      ports: { success: 'Success', error: 'Error', timeout: 'Timeout' },
    },
    'zh-CN': {
      title: 'HTTP 请求',
      category: '集成',
      description: '以模板化的 URL、请求头和请求体调用 HTTP API，并把 JSON 响应映射到变量。',
      fields: {
        '/responseMapping/*/variable': { label: '变量' },
        '/responseMapping/*/value': { label: '值' },
        '/method': { label: '方法' },
        '/url': { label: 'URL', help: '可使用 {{variable}} 和 {{secret:NAME}} 占位符。' },
        '/headers': { label: '请求头', help: '请求头的值可用 {{secret:NAME}} 引用密钥。' },
        '/body': { label: '请求体' },
        '/bodyType': { label: '请求体类型' },
        '/timeoutMs': { label: '每次尝试的超时（毫秒）' },
        '/retries': { label: '出错或超时后的重试次数' },
        '/responseMapping': { label: '响应 → 变量', help: '对 response 的表达式，例如 response.body.items[0].id。' },
        '/statusVariable': { label: '状态码变量' },
      },
      ports: { success: '成功', error: '错误', timeout: '超时' },
    },
    ko: {
      title: 'HTTP 요청',
      category: '연동',
      description: '템플릿 URL, 헤더, 본문으로 HTTP API를 호출하고 JSON 응답을 변수에 매핑합니다.',
      fields: {
        '/responseMapping/*/variable': { label: '변수' },
        '/responseMapping/*/value': { label: '값' },
        '/method': { label: '메서드' },
        '/url': { label: 'URL', help: '{{variable}}과 {{secret:NAME}} 자리표시자를 쓸 수 있습니다.' },
        '/headers': { label: '헤더', help: '헤더 값에서 {{secret:NAME}}으로 비밀 값을 참조할 수 있습니다.' },
        '/body': { label: '본문' },
        '/bodyType': { label: '본문 유형' },
        '/timeoutMs': { label: '시도당 타임아웃 (ms)' },
        '/retries': { label: '오류·타임아웃 시 재시도 횟수' },
        '/responseMapping': { label: '응답 → 변수', help: 'response에 대한 식입니다. 예: response.body.items[0].id' },
        '/statusVariable': { label: '상태 코드 변수' },
      },
      ports: { success: '성공', error: '오류', timeout: '타임아웃' },
    },
  },
});
