const text = (en: string, zh: string) => ({ text: { 'en-US': en, 'zh-CN': zh } });

/** A ten-digit PIN for {@link pinFlow}`(id, LONG_PIN.length)`: too long to turn up by chance in ciphertext, hashes or times. */
export const LONG_PIN = '8274619350';

/** A small flow for runtime tests: a menu (1 balance, 2 agent), a sensitive PIN question (4 digits by default), a transfer and an end. */
export function pinFlow(id = 'pin-test', pinLength = 4): Record<string, unknown> {
  return {
    id,
    name: 'PIN test',
    schemaVersion: 1,
    locales: ['en-US', 'zh-CN'],
    defaultLocale: 'en-US',
    variables: [
      { name: 'pin', type: 'string', sensitive: true },
      { name: 'customerId', type: 'string' },
    ],
    start: 'start',
    nodes: [
      { id: 'start', type: 'start', config: {} },
      {
        id: 'main',
        type: 'menu',
        config: {
          prompt: text('Main menu. Choose balance or agent.', '主菜单。'),
          options: [
            { key: '1', label: { 'en-US': 'Balance', 'zh-CN': '余额' } },
            { key: '2', label: { 'en-US': 'Agent', 'zh-CN': '人工' } },
          ],
        },
      },
      {
        id: 'askPin',
        type: 'ask',
        config: {
          prompt: text('Enter your four digit PIN.', '请输入密码。'),
          variable: 'pin',
          slot: { type: 'digits', minLength: pinLength, maxLength: pinLength },
        },
      },
      { id: 'thanks', type: 'message', config: { prompt: text('Thanks, your PIN {{pin}} was checked.', '谢谢。') } },
      { id: 'bye', type: 'end', config: { prompt: text('Goodbye.', '再见。'), outcome: 'done' } },
      {
        id: 'agent',
        type: 'transfer',
        config: { queue: 'support', prompt: text('Connecting you to an agent.', '正在转接。') },
      },
    ],
    edges: [
      { source: 'start', port: 'next', target: 'main' },
      { source: 'main', port: '1', target: 'askPin' },
      { source: 'main', port: '2', target: 'agent' },
      { source: 'askPin', port: 'next', target: 'thanks' },
      { source: 'thanks', port: 'next', target: 'bye' },
    ],
  };
}

/** A chat flow that asks for a topic and then waits in `queue` for an agent (issue 16's hand-over). */
export function queueFlow(id: string, queue: string): Record<string, unknown> {
  return {
    id,
    name: `Queue ${queue}`,
    schemaVersion: 1,
    locales: ['en-US'],
    defaultLocale: 'en-US',
    variables: [{ name: 'topic', type: 'string' }],
    start: 'ask',
    nodes: [
      {
        id: 'ask',
        type: 'ask',
        config: { prompt: { text: { 'en-US': 'Topic?' } }, variable: 'topic', slot: { type: 'text' } },
      },
      { id: 'wait', type: 'queue', config: { queue } },
    ],
    edges: [
      { source: 'ask', port: 'next', target: 'wait' },
      { source: 'ask', port: 'noMatch', target: 'wait' },
      { source: 'ask', port: 'noInput', target: 'wait' },
    ],
  };
}

/** A chat flow whose menu takes free text ("Say balance."), asking again on anything else up to five times (issue 17). */
export function menuFlow(id: string): Record<string, unknown> {
  return {
    id,
    name: `Menu ${id}`,
    schemaVersion: 1,
    locales: ['en-US'],
    defaultLocale: 'en-US',
    variables: [],
    start: 'menu',
    nodes: [
      {
        id: 'menu',
        type: 'menu',
        config: {
          prompt: { text: { 'en-US': 'Say balance.' } },
          options: [{ key: '1', label: { 'en-US': 'balance' } }],
          noMatch: { maxRetries: 5 },
        },
      },
      { id: 'bye', type: 'end', config: { prompt: { text: { 'en-US': 'Goodbye.' } } } },
    ],
    edges: [
      { source: 'menu', port: '1', target: 'bye' },
      { source: 'menu', port: 'noMatch', target: 'bye' },
      { source: 'menu', port: 'noInput', target: 'bye' },
    ],
  };
}

const saidInAll = (en: string) => ({ text: { 'en-US': en, 'zh-CN': en, 'ko-KR': en } });

/** Asks why the caller calls (free text), then a card number (sensitive, 16 digits), then transfers to `cards`. */
export const cardFlow = {
  id: 'card-help',
  name: 'Card help',
  schemaVersion: 1,
  locales: ['en-US', 'zh-CN', 'ko-KR'],
  defaultLocale: 'en-US',
  variables: [
    { name: 'reason', type: 'string' },
    { name: 'card', type: 'string', sensitive: true },
  ],
  start: 'start',
  nodes: [
    { id: 'start', type: 'start', config: {} },
    {
      id: 'askReason',
      type: 'ask',
      config: { prompt: saidInAll('How can I help?'), variable: 'reason', slot: { type: 'text' } },
    },
    {
      id: 'askCard',
      type: 'ask',
      config: {
        prompt: saidInAll('You said: {{reason}}. Your card number?'),
        variable: 'card',
        slot: { type: 'digits', minLength: 16, maxLength: 16 },
      },
    },
    { id: 'agent', type: 'transfer', config: { queue: 'cards', reason: 'caller: {{reason}}' } },
  ],
  edges: [
    { source: 'start', port: 'next', target: 'askReason' },
    { source: 'askReason', port: 'next', target: 'askCard' },
    { source: 'askCard', port: 'next', target: 'agent' },
  ],
};

/** A voice flow that says "please hold" in en/zh-CN/ko and queues the caller in `queue` (issue 16's voice waiting). */
export function voiceQueueFlow(id: string, queue: string, updateEverySeconds = 10): Record<string, unknown> {
  return {
    id,
    name: `Voice queue ${queue}`,
    schemaVersion: 1,
    locales: ['en-US', 'zh-CN', 'ko-KR'],
    defaultLocale: 'en-US',
    variables: [],
    start: 'start',
    nodes: [
      { id: 'start', type: 'start', config: {} },
      {
        id: 'wait',
        type: 'queue',
        config: {
          queue,
          updateEverySeconds,
          prompt: { text: { 'en-US': 'Please hold.', 'zh-CN': '请稍候。', 'ko-KR': '잠시만 기다려 주세요.' } },
          reason: 'Asked for an agent',
        },
      },
    ],
    edges: [{ source: 'start', port: 'next', target: 'wait' }],
  };
}
