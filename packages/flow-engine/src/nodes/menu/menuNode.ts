import type { MenuConfig } from '@omniflow/flow-schema';
import { defineNodeType } from '../../nodeTypes/defineNodeType.ts';
import { localizedTextSchema, promptSchema, retryPolicySchema, synonymsSchema } from '../nodeSchemaParts.ts';
import { menuRuntime } from './menuRuntime.ts';

/** `menu` — offers keyed options; ports: each option's key, `noInput`, `noMatch`. */
export const menuNode = defineNodeType<MenuConfig>({
  spec: {
    type: 'menu',
    version: 1,
    title: 'Menu',
    description: 'Offers options: pressed on the keypad, said, or tapped as quick replies.',
    category: 'Conversation',
    icon: '☰',
    behaviour: 'interactive',
    configSchema: {
      type: 'object',
      required: ['prompt', 'options'],
      properties: {
        prompt: promptSchema,
        options: {
          type: 'array',
          minItems: 1,
          maxItems: 10,
          items: {
            type: 'object',
            required: ['key', 'label'],
            properties: { key: { type: 'string', pattern: '^[0-9]$' }, label: localizedTextSchema, synonyms: synonymsSchema },
            additionalProperties: false,
          },
        },
        repeatKey: { type: 'string', pattern: '^[0-9*#]$' },
        noInput: retryPolicySchema,
        noMatch: retryPolicySchema,
        bargeIn: { type: 'boolean' },
        endOfSpeechMs: { type: 'integer', minimum: 300, maximum: 1000 },
      },
      additionalProperties: false,
    },
    defaults: {
      prompt: { text: { 'en-US': 'Please choose an option.' } },
      options: [{ key: '1', label: { 'en-US': 'First option' } }],
      repeatKey: '*',
      noInput: { maxRetries: 2 },
      noMatch: { maxRetries: 2 },
      bargeIn: true,
    },
    ports: [{ fromConfig: '/options', key: 'key', label: 'label' }, { name: 'noInput', label: 'No input' }, { name: 'noMatch', label: 'No match' }],
    ui: {
      '/prompt': { widget: 'prompt', label: 'Prompt', order: 1 },
      '/options': { widget: 'table', label: 'Options', columns: ['key', 'label', 'synonyms'], order: 2 },
      '/repeatKey': { widget: 'text', label: 'Repeat key', order: 3 },
      '/noInput': { widget: 'json', label: 'No-input retries', order: 4 },
      '/noMatch': { widget: 'json', label: 'No-match retries', order: 5 },
      '/bargeIn': { widget: 'checkbox', label: 'Caller may interrupt', order: 6 },
      '/endOfSpeechMs': { widget: 'number', label: 'End of speech (ms)', order: 7 },
    },
  },
  runtime: menuRuntime,
});
