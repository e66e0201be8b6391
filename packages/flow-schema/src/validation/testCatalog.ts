import type { FlowDocument } from '../flowDocument.ts';
import { promptJsonSchema, retryPolicyJsonSchema } from '../flowJsonSchema.ts';
import type { FlowIssue } from './flowIssue.ts';
import { validateFlow } from './validateFlow.ts';
import type { ValidateFlowResult } from './validateFlow.ts';
import type { ValidateFlowOptions } from './validationContext.ts';
import type { JsonSchema, NodeTypeCatalog, NodeTypeDefinition, NodeTypeSpec, PortSpec } from '../nodeTypeSpec.ts';

/**
 * A small catalog and a valid two-locale flow for the validation tests (the real built-in specs live in the
 * engine). Some types annotate fields with `x-kind`; others rely on the built-in field map.
 */
export function testCatalog(): NodeTypeCatalog {
  const definitions: NodeTypeDefinition[] = [
    { spec: spec('start', {}, [{ name: 'next' }]) },
    { spec: spec('message', { prompt: promptJsonSchema }, [{ name: 'next' }], ['prompt']) },
    {
      spec: spec(
        'menu',
        {
          prompt: promptJsonSchema,
          options: { type: 'array', items: { type: 'object', required: ['key', 'label'], properties: { key: { type: 'string', pattern: '^[0-9]$' }, label: { type: 'object' } } } },
          noInput: retryPolicyJsonSchema,
          noMatch: retryPolicyJsonSchema,
        },
        [{ fromConfig: '/options', key: 'key', label: 'label' }, { name: 'noInput' }, { name: 'noMatch' }],
        ['prompt', 'options'],
      ),
    },
    {
      // No x-kind here: the built-in field map finds the prompt, the variable and the validation expression.
      spec: spec(
        'ask',
        { prompt: { type: 'object' }, variable: { type: 'string' }, slot: { type: 'object', required: ['type'], properties: { type: { enum: ['digits', 'number', 'text', 'date'] }, validate: { type: 'string' } } } },
        [{ name: 'next' }, { name: 'noInput' }, { name: 'noMatch' }],
        ['prompt', 'variable', 'slot'],
      ),
    },
    {
      spec: spec(
        'condition',
        { cases: { type: 'array', items: { type: 'object', required: ['id', 'when'], properties: { id: { type: 'string' }, when: { type: 'string', 'x-kind': 'expression' } } } } },
        [{ fromConfig: '/cases', key: 'id' }, { name: 'default' }],
        ['cases'],
      ),
    },
    { spec: spec('set', { assignments: { type: 'array' } }, [{ name: 'next' }], ['assignments']) },
    { spec: spec('subflow', { flowId: { type: 'string', 'x-kind': 'flow' } }, [{ name: 'next' }, { name: 'error' }], ['flowId']) },
    { spec: spec('end', { prompt: promptJsonSchema }, []) },
    {
      spec: {
        ...spec(
          'test.lookup',
          {
            customerIdVariable: { $ref: '#/$defs/variableName' },
            nameVariable: { $ref: '#/$defs/variableName' },
            args: { type: 'object', propertyNames: { 'x-kind': 'variable' }, additionalProperties: { type: 'string', 'x-kind': 'expression' } },
            fallback: { type: 'string', 'x-kind': 'node' },
            timeoutMs: { type: 'integer', minimum: 1 },
          },
          [{ name: 'success' }, { name: 'error' }, { name: 'timeout', when: '/timeoutMs' }],
          ['customerIdVariable'],
        ),
        version: 2,
      },
      migrations: [
        {
          version: 2,
          up: ({ customerVariable, ...rest }) => ({ ...rest, customerIdVariable: customerVariable }),
          down: ({ customerIdVariable, ...rest }) => ({ ...rest, customerVariable: customerIdVariable }),
        },
      ],
    },
  ];
  const lookup = definitions.at(-1);
  if (lookup) lookup.spec.configSchema['$defs'] = { variableName: { type: 'string', minLength: 1, 'x-kind': 'variable' } };
  return new Map(definitions.map((definition) => [definition.spec.type, definition]));
}

function spec(type: string, properties: Record<string, JsonSchema>, ports: PortSpec[], required: string[] = []): NodeTypeSpec {
  return {
    type,
    version: 1,
    title: type,
    description: `${type} (test)`,
    category: 'test',
    icon: '•',
    behaviour: 'automatic',
    configSchema: { type: 'object', required, properties, additionalProperties: false },
    defaults: {},
    ports,
  };
}

const text = (en: string, zh: string): Record<string, string> => ({ 'en-US': en, 'zh-CN': zh });

/** A valid flow over {@link testCatalog}: greet, menu, collect a keypad-only card number, check, look up, end. */
export function validTestFlow(): FlowDocument {
  return {
    id: 'card-help',
    name: 'Card help',
    schemaVersion: 1,
    locales: ['en-US', 'zh-CN'],
    defaultLocale: 'en-US',
    variables: [
      { name: 'customerName', type: 'string', default: 'there' },
      { name: 'cardLast4', type: 'string', sensitive: true },
      { name: 'customerId', type: 'string' },
    ],
    start: 'start',
    nodes: [
      { id: 'start', type: 'start', config: {} },
      { id: 'welcome', type: 'message', config: { prompt: { text: text('Hello {{customerName}}.', '您好 {{ customerName }}。') } } },
      {
        id: 'menu',
        type: 'menu',
        config: {
          prompt: { text: text('Choose.', '请选择。') },
          options: [
            { key: '1', label: text('card', '卡') },
            { key: '2', label: text('agent', '人工') },
          ],
          noMatch: { maxRetries: 2, reprompts: [{ text: text('Sorry?', '抱歉？') }] },
        },
      },
      { id: 'askCard', type: 'ask', config: { prompt: { text: text('Last four digits?', '后四位？') }, variable: 'cardLast4', slot: { type: 'digits', validate: 'len(value) == 4' } } },
      { id: 'check', type: 'condition', config: { cases: [{ id: 'ok', when: 'len(cardLast4) == 4 && channel != "chat" || true' }] } },
      { id: 'lookup', type: 'test.lookup', typeVersion: 2, config: { customerIdVariable: 'customerId', nameVariable: 'customerName', args: { customerId: 'upper(customerId)' }, fallback: 'bye' } },
      { id: 'bye', type: 'end', config: { prompt: { text: text('Goodbye.', '再见。') } } },
    ],
    edges: [
      { source: 'start', port: 'next', target: 'welcome' },
      { source: 'welcome', port: 'next', target: 'menu' },
      { source: 'menu', port: '1', target: 'askCard' },
      { source: 'menu', port: '2', target: 'bye' },
      { source: 'menu', port: 'noInput', target: 'bye' },
      { source: 'menu', port: 'noMatch', target: 'bye' },
      { source: 'askCard', port: 'next', target: 'check' },
      { source: 'askCard', port: 'noInput', target: 'bye' },
      { source: 'askCard', port: 'noMatch', target: 'bye' },
      { source: 'check', port: 'ok', target: 'lookup' },
      { source: 'check', port: 'default', target: 'bye' },
      { source: 'lookup', port: 'success', target: 'bye' },
      { source: 'lookup', port: 'error', target: 'bye' },
    ],
    globalIntents: [{ id: 'agent', phrases: { 'en-US': ['agent'], 'zh-CN': ['人工'] }, dtmf: '0', target: 'bye' }],
  };
}

/** Validates a copy of {@link validTestFlow} changed by `mutate`. */
export function validateMutated(
  mutate: (flow: FlowDocument) => void,
  catalog: NodeTypeCatalog = testCatalog(),
  options: ValidateFlowOptions = {},
): ValidateFlowResult {
  const flow = validTestFlow();
  mutate(flow);
  return validateFlow(flow, catalog, options);
}

/** The issues of {@link validateMutated} with the given code. */
export function issuesWithCode(code: string, mutate: (flow: FlowDocument) => void, catalog?: NodeTypeCatalog, options?: ValidateFlowOptions): FlowIssue[] {
  return validateMutated(mutate, catalog, options).issues.filter((issue) => issue.code === code);
}

/** A node of the test flow by id; fails the test when absent. */
export function nodeOf(flow: FlowDocument, id: string): FlowDocument['nodes'][number] {
  const node = flow.nodes.find((candidate) => candidate.id === id);
  if (node === undefined) throw new Error(`test flow has no node ${id}`);
  return node;
}
