import { Type } from 'typebox';
import { defineNodeSpec } from '../defineNodeSpec.ts';
import type { FlowDocument, Prompt, RetryPolicy } from '../flowDocument.ts';
import { promptJsonSchema, retryPolicyJsonSchema } from '../flowJsonSchema.ts';
import type { FlowIssue } from './flowIssue.ts';
import { validateFlow } from './validateFlow.ts';
import type { ValidateFlowResult } from './validateFlow.ts';
import type { ValidateFlowOptions } from './validationContext.ts';
import type { NodeTypeCatalog, NodeTypeDefinition, PortSpec } from '../nodeTypeSpec.ts';
import type { NodeSpecSource } from '../defineNodeSpec.ts';
import type { TSchema } from 'typebox';

/**
 * Fixture node types for the validator's own tests, written with the same builder as real node types. They are
 * not the built-ins (those live in the engine, which this package must not import, and are tested there against
 * this validator): each fixture is the smallest shape that exercises one mechanism — ports from config, `x-kind`
 * fields, `x-implicit` names, `$ref`s, key annotations and a config migration.
 */
export function testCatalog(): NodeTypeCatalog {
  const prompt = Type.Unsafe<Prompt>(promptJsonSchema);
  const retry = Type.Optional(Type.Unsafe<RetryPolicy>(retryPolicyJsonSchema));
  const definitions: NodeTypeDefinition[] = [
    fixture('start', Type.Object({}, { additionalProperties: false }), [{ name: 'next' }]),
    fixture('message', Type.Object({ prompt }, { additionalProperties: false }), [{ name: 'next' }]),
    fixture(
      'menu',
      Type.Object(
        {
          prompt,
          options: Type.Array(Type.Object({ key: Type.String({ pattern: '^[0-9]$' }), label: Type.Object({}) })),
          noInput: retry,
          noMatch: retry,
        },
        { additionalProperties: false },
      ),
      [{ fromConfig: '/options', key: 'key', label: 'label' }, { name: 'noInput' }, { name: 'noMatch' }],
    ),
    fixture(
      'ask',
      Type.Object(
        {
          prompt,
          variable: Type.String({ 'x-kind': 'variable' }),
          slot: Type.Object({
            type: Type.Enum(['digits', 'number', 'text', 'date']),
            validate: Type.Optional(Type.String({ 'x-kind': 'expression', 'x-implicit': ['value'] })),
          }),
        },
        { additionalProperties: false },
      ),
      [{ name: 'next' }, { name: 'noInput' }, { name: 'noMatch' }],
    ),
    fixture(
      'condition',
      Type.Object(
        { cases: Type.Array(Type.Object({ id: Type.String(), when: Type.String({ 'x-kind': 'expression' }) })) },
        { additionalProperties: false },
      ),
      [{ fromConfig: '/cases', key: 'id' }, { name: 'default' }],
    ),
    fixture('set', Type.Object({ assignments: Type.Array(Type.Unknown()) }, { additionalProperties: false }), [
      { name: 'next' },
    ]),
    fixture('subflow', Type.Object({ flowId: Type.String({ 'x-kind': 'flow' }) }, { additionalProperties: false }), [
      { name: 'next' },
      { name: 'error' },
    ]),
    fixture('end', Type.Object({ prompt: Type.Optional(prompt) }, { additionalProperties: false }), []),
    fixture(
      'test.lookup',
      Type.Object(
        {
          customerIdVariable: Type.Unsafe<string>({ $ref: '#/$defs/variableName' }),
          nameVariable: Type.Optional(Type.Unsafe<string>({ $ref: '#/$defs/variableName' })),
          args: Type.Optional(
            Type.Record(Type.String(), Type.String({ 'x-kind': 'expression' }), {
              propertyNames: { 'x-kind': 'variable' },
            }),
          ),
          fallback: Type.Optional(Type.String({ 'x-kind': 'node' })),
          timeoutMs: Type.Optional(Type.Integer({ minimum: 1 })),
        },
        { additionalProperties: false, $defs: { variableName: Type.String({ minLength: 1, 'x-kind': 'variable' }) } },
      ),
      [{ name: 'success' }, { name: 'error' }, { name: 'timeout', when: '/timeoutMs' }],
      {
        version: 2,
        migrations: [
          {
            version: 2,
            up: ({ customerVariable, ...rest }) => ({ ...rest, customerIdVariable: customerVariable }),
            down: ({ customerIdVariable, ...rest }) => ({ ...rest, customerVariable: customerIdVariable }),
          },
        ],
      },
    ),
  ];
  return new Map(definitions.map((definition) => [definition.spec.type, definition]));
}

function fixture<Schema extends TSchema>(
  type: string,
  config: Schema,
  ports: PortSpec[],
  extra: Partial<NodeSpecSource<Schema>> = {},
): NodeTypeDefinition {
  const labels = { title: type, description: `${type} (test)` };
  return defineNodeSpec<Schema>({
    type,
    version: 1,
    category: 'test',
    icon: '•',
    behaviour: 'automatic',
    config,
    defaults: {},
    ports,
    labels: { en: labels, 'zh-CN': labels, ko: labels },
    ...extra,
  });
}

const text = (en: string, zh: string): Record<string, string> => ({ 'en-US': en, 'zh-CN': zh });

/** A valid flow over the fixture {@link testCatalog}: greet, menu, collect a keypad-only card number, check, look up, end. */
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
      {
        id: 'welcome',
        type: 'message',
        config: { prompt: { text: text('Hello {{customerName}}.', '您好 {{ customerName }}。') } },
      },
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
      {
        id: 'askCard',
        type: 'ask',
        config: {
          prompt: { text: text('Last four digits?', '后四位？') },
          variable: 'cardLast4',
          slot: { type: 'digits', validate: 'len(value) == 4' },
        },
      },
      {
        id: 'check',
        type: 'condition',
        config: { cases: [{ id: 'ok', when: 'len(cardLast4) == 4 && channel != "chat" || true' }] },
      },
      {
        id: 'lookup',
        type: 'test.lookup',
        typeVersion: 2,
        config: {
          customerIdVariable: 'customerId',
          nameVariable: 'customerName',
          args: { customerId: 'upper(customerId)' },
          fallback: 'bye',
        },
      },
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
export function issuesWithCode(
  code: string,
  mutate: (flow: FlowDocument) => void,
  catalog?: NodeTypeCatalog,
  options?: ValidateFlowOptions,
): FlowIssue[] {
  return validateMutated(mutate, catalog, options).issues.filter((issue) => issue.code === code);
}

/** A node of the test flow by id; fails the test when absent. */
export function nodeOf(flow: FlowDocument, id: string): FlowDocument['nodes'][number] {
  const node = flow.nodes.find((candidate) => candidate.id === id);
  if (node === undefined) throw new Error(`test flow has no node ${id}`);
  return node;
}
