import type { JsonSchema } from '@omniflow/flow-schema';
import { defineNodeType } from '../../nodeTypes/defineNodeType.ts';
import { variableNameSchema } from '../nodeSchemaParts.ts';
import { httpMappingMigration } from './httpMappingMigration.ts';
import { runHttpRequest } from './httpRuntime.ts';

/** HTTP methods the `http` node can send. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One response value copied into a flow variable. */
export interface HttpResponseMapping {
  variable: string;
  /** An expression over `response` (`{ status, body }`, body parsed as JSON) and the flow variables: `response.body.a[0]`. */
  value: string;
}

/**
 * `http` — calls an HTTP API. `url`, header values and `body` are templates over flow variables (`{{name}}`)
 * and named secrets (`{{secret:NAME}}`, never logged). Ports: `success` (2xx), `error`, `timeout`.
 */
export interface HttpNodeConfig {
  method: HttpMethod;
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** `json` (default) escapes values for a JSON string and sends `content-type: application/json`. */
  bodyType?: 'json' | 'text';
  /** Per attempt (default 5000); then the `timeout` port. */
  timeoutMs?: number;
  /** Extra attempts the engine makes, with exponential backoff, when a call takes `error` or `timeout` (default 0). */
  retries?: number;
  responseMapping?: HttpResponseMapping[];
  /** Variable that receives the HTTP status of the last reply. */
  statusVariable?: string;
}

const templateString: JsonSchema = { 'x-kind': 'template', type: 'string' };

/** The built-in generic HTTP request node. */
export const httpNode = defineNodeType<HttpNodeConfig>({
  spec: {
    type: 'http',
    version: 2,
    title: 'HTTP request',
    description: 'Calls an HTTP API with templated URL, headers and body, and maps the JSON reply into variables.',
    category: 'Integration',
    icon: '🌐',
    behaviour: 'async',
    configSchema: {
      type: 'object',
      required: ['method', 'url'],
      additionalProperties: false,
      properties: {
        method: { type: 'string', enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] },
        url: { ...templateString, minLength: 1 },
        headers: { type: 'object', additionalProperties: templateString },
        body: templateString,
        bodyType: { type: 'string', enum: ['json', 'text'] },
        timeoutMs: { type: 'integer', minimum: 100, maximum: 60000 },
        retries: { type: 'integer', minimum: 0, maximum: 5 },
        responseMapping: {
          type: 'array',
          items: {
            type: 'object',
            required: ['variable', 'value'],
            additionalProperties: false,
            properties: { variable: variableNameSchema, value: { type: 'string', minLength: 1, 'x-kind': 'expression' } },
          },
        },
        statusVariable: variableNameSchema,
      },
    },
    defaults: { method: 'GET', url: 'https://', timeoutMs: 5000, retries: 0, responseMapping: [] },
    ports: [
      { name: 'success', label: 'Success' },
      { name: 'error', label: 'Error' },
      { name: 'timeout', label: 'Timeout' },
    ],
    ui: {
      '/method': { widget: 'select', label: 'Method', order: 1 },
      '/url': { widget: 'text', label: 'URL', help: 'Use {{variable}} and {{secret:NAME}} placeholders.', order: 2 },
      '/headers': { widget: 'json', label: 'Headers', help: 'Header values may reference secrets as {{secret:NAME}}.', order: 3 },
      '/body': { widget: 'textarea', label: 'Body', order: 4 },
      '/bodyType': { widget: 'select', label: 'Body type', order: 5 },
      '/timeoutMs': { widget: 'number', label: 'Timeout per attempt (ms)', order: 6 },
      '/retries': { widget: 'number', label: 'Retries on error or timeout', order: 7 },
      '/responseMapping': { widget: 'table', label: 'Response → variables', columns: ['variable', 'value'], help: 'Expressions over response, as in response.body.items[0].id.', order: 10 },
      '/statusVariable': { widget: 'variable', label: 'Status code variable', order: 11 },
    },
  },
  migrations: [httpMappingMigration],
  handler: runHttpRequest,
});
