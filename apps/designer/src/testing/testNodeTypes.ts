import type { JsonSchema, NodeTypeSpec } from '@omniflow/flow-schema';

/** Node type specs shaped like the runtime's catalog, for unit tests that must not need a runtime. */
const localized: JsonSchema = { type: 'object', minProperties: 1, additionalProperties: { type: 'string' } };
const prompt: JsonSchema = { 'x-kind': 'prompt', type: 'object', required: ['text'], properties: { text: localized }, additionalProperties: false };

/** start, message, menu, ask, condition, end and one plugin type. */
export const TEST_NODE_TYPES: NodeTypeSpec[] = [
  { type: 'start', version: 1, title: 'Start', description: 'Entry', category: 'Flow', icon: '▶', behaviour: 'automatic', configSchema: { type: 'object', additionalProperties: false }, defaults: {}, ports: [{ name: 'next' }] },
  {
    type: 'message', version: 1, title: 'Message', description: 'Says a prompt', category: 'Conversation', icon: '💬', behaviour: 'automatic',
    configSchema: { type: 'object', required: ['prompt'], properties: { prompt, bargeIn: { type: 'boolean' } } },
    defaults: { prompt: { text: { 'en-US': 'Hello' } } }, ports: [{ name: 'next' }], ui: { '/prompt': { widget: 'prompt', order: 1 } },
  },
  {
    type: 'menu', version: 1, title: 'Menu', description: 'Offers options', category: 'Conversation', icon: '☰', behaviour: 'interactive',
    configSchema: {
      type: 'object',
      required: ['prompt', 'options'],
      properties: {
        prompt,
        options: { type: 'array', items: { type: 'object', required: ['key', 'label'], properties: { key: { type: 'string' }, label: localized, synonyms: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } } } } },
        noInput: { type: 'object', properties: { maxRetries: { type: 'integer' }, reprompts: { type: 'array', items: prompt } } },
        bargeIn: { type: 'boolean' },
      },
    },
    defaults: { prompt: { text: { 'en-US': 'Choose.' } }, options: [{ key: '1', label: { 'en-US': 'First' } }] },
    ports: [{ fromConfig: '/options', key: 'key', label: 'label' }, { name: 'noInput' }, { name: 'noMatch' }],
    ui: { '/prompt': { widget: 'prompt', order: 1 }, '/options': { widget: 'table', columns: ['key', 'label', 'synonyms'], order: 2 } },
  },
  {
    type: 'ask', version: 1, title: 'Ask', description: 'Collects a value', category: 'Conversation', icon: '❓', behaviour: 'interactive',
    configSchema: {
      type: 'object',
      properties: {
        prompt,
        variable: { 'x-kind': 'variable', type: 'string' },
        slot: { type: 'object', properties: { type: { type: 'string', enum: ['digits', 'number', 'text'] }, maxLength: { type: 'integer' }, validate: { 'x-kind': 'expression', type: 'string' } } },
      },
    },
    defaults: { prompt: { text: { 'en-US': 'Enter digits' } }, variable: '', slot: { type: 'digits' } },
    ports: [{ name: 'next' }, { name: 'noInput' }, { name: 'noMatch' }],
  },
  {
    type: 'condition', version: 1, title: 'Condition', description: 'Branches', category: 'Logic', icon: '🔀', behaviour: 'automatic',
    configSchema: { type: 'object', properties: { cases: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, when: { 'x-kind': 'expression', type: 'string' } } } } } },
    defaults: { cases: [] }, ports: [{ fromConfig: '/cases', key: 'id' }, { name: 'default' }],
  },
  { type: 'end', version: 1, title: 'End', description: 'Ends', category: 'Flow', icon: '■', behaviour: 'terminal', configSchema: { type: 'object', properties: { prompt } }, defaults: {}, ports: [] },
  {
    type: 'banking.activateCard', version: 1, title: 'Activate card', description: 'Activates a card', category: 'Banking', icon: '💳', behaviour: 'async', pack: 'banking',
    configSchema: { type: 'object', properties: { customerIdVariable: { 'x-kind': 'variable', type: 'string' }, timeoutMs: { type: 'integer' } } },
    defaults: { customerIdVariable: 'customerId', timeoutMs: 5000 }, ports: [{ name: 'success' }, { name: 'alreadyActive' }, { name: 'error' }, { name: 'timeout' }],
  },
];
