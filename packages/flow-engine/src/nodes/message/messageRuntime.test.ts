import { describe, expect, it } from 'vitest';
import { CHANNELS } from '@omniflow/flow-schema';
import { buildTestFlow } from '../../testing/buildTestFlow.ts';
import { startTestSession } from '../../testing/startTestSession.ts';

const flow = buildTestFlow(
  [
    { id: 'start', type: 'start', to: { next: 'hello' } },
    {
      id: 'hello',
      type: 'message',
      config: {
        prompt: {
          text: { 'en-US': 'Hello {{name}}.', 'zh-CN': '{{name}}，您好。' },
          channels: { chat: { text: { 'en-US': 'Hi {{name}}! 👋' } } },
          ssml: { 'en-US': '<speak>Hello {{name}}.</speak>' },
        },
      },
      to: { next: 'bye' },
    },
    { id: 'bye', type: 'end' },
  ],
  { locales: ['en-US', 'zh-CN'], variables: [{ name: 'name', type: 'string', default: 'Ada' }] },
);

describe('message', () => {
  for (const channel of CHANNELS) {
    it(`says its prompt with variables filled in and moves on (${channel})`, async () => {
      await startTestSession(flow, channel)
        .expectPrompt(channel === 'chat' ? 'Hi Ada! 👋' : 'Hello Ada.')
        .expectEnd('completed');
    });
  }

  it('speaks the session locale and carries SSML on voice only', async () => {
    const voice = await startTestSession(flow, 'voice', { variables: { name: '李雷' } }).expectPrompt('Hello 李雷.');
    expect(voice.last.outputs).toContainEqual(
      expect.objectContaining({ type: 'say', ssml: '<speak>Hello 李雷.</speak>' }),
    );
    const chat = await startTestSession(flow, 'chat').expectPrompt('Hi Ada! 👋');
    expect(chat.last.outputs.filter((o) => o.type === 'say' && o.ssml !== undefined)).toEqual([]);
  });

  it("never speaks another locale's channel wording or SSML: a locale without one gets the prompt text", async () => {
    const voice = await startTestSession(flow, 'voice', { locale: 'zh-CN', variables: { name: '李雷' } }).expectPrompt(
      '李雷，您好。',
    );
    expect(voice.last.outputs.filter((o) => o.type === 'say' && o.ssml !== undefined)).toEqual([]);
    await startTestSession(flow, 'chat', { locale: 'zh-CN' }).expectPrompt('Ada，您好。');
  });
});

describe('message SSML with a variable holding XML characters (issue 20)', () => {
  it('fills the SSML with the value escaped, so it stays well-formed', async () => {
    const voice = await startTestSession(flow, 'voice', { variables: { name: 'Tom & <Jerry>' } }).expectPrompt(
      'Hello Tom & <Jerry>.',
    );
    expect(voice.last.outputs).toContainEqual(
      expect.objectContaining({ type: 'say', ssml: '<speak>Hello Tom &amp; &lt;Jerry&gt;.</speak>' }),
    );
  });
});
