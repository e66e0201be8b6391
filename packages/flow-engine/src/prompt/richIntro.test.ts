import { describe, expect, it } from 'vitest';
import { buildTestFlow } from '../testing/buildTestFlow.ts';
import { startTestSession } from '../testing/startTestSession.ts';

const intro = {
  text: { 'en-US': 'Welcome to the bank.' },
  ssml: { 'en-US': '<speak>Welcome to the <emphasis>bank</emphasis>.<break time="500ms"/></speak>' },
  audio: { 'en-US': '/api/prompt-audio/aaaa' },
};

function flowWith(type: string, config: Record<string, unknown>, ports: string[]) {
  const to = Object.fromEntries(ports.map((port) => [port, 'bye']));
  const flow = buildTestFlow(
    [
      { id: 'start', type: 'start', to: { next: 'ask' } },
      { id: 'ask', type, config: { prompt: intro, ...config }, to },
      { id: 'bye', type: 'end' },
    ],
    { variables: [{ name: 'answer', type: 'string' }] },
  );
  flow.settings = { voices: { 'en-US': { twilio: 'Polly.Matthew', local: 'flite/kal16' } } };
  return flow;
}

const nodes: [string, Record<string, unknown>, string[], RegExp][] = [
  [
    'menu',
    { options: [{ key: '1', label: { 'en-US': 'balance' } }] },
    ['1', 'noInput', 'noMatch'],
    /^(For balance, press 1\.|You can say balance\.)$/,
  ],
  [
    'ask',
    { variable: 'answer', slot: { type: 'digits', minLength: 4, maxLength: 4 } },
    ['next', 'noInput', 'noMatch'],
    /\S/,
  ],
];

describe('an intro with SSML or a recording keeps them before the automatic instructions (issue 20)', () => {
  for (const [type, config, ports, instructions] of nodes) {
    for (const channel of ['dtmf', 'voice'] as const) {
      it(`${type} on ${channel}`, async () => {
        const session = await startTestSession(flowWith(type, config, ports), channel).expectPrompt(
          /Welcome to the bank\./,
        );
        const says = session.last.outputs.flatMap((o) => (o.type === 'say' ? [o] : []));
        expect(says).toHaveLength(2);
        expect(says[0]).toMatchObject({
          text: 'Welcome to the bank.',
          ssml: intro.ssml['en-US'],
          audio: intro.audio['en-US'],
          voice: { twilio: 'Polly.Matthew', local: 'flite/kal16' },
        });
        expect(says[1]?.ssml).toBeUndefined();
        expect(says[1]?.audio).toBeUndefined();
        expect(says[1]?.text).toMatch(instructions);
      });
    }
  }

  it('chat shows one text, without SSML, recording or voice', async () => {
    const session = await startTestSession(
      flowWith('menu', nodes[0]?.[1] ?? {}, nodes[0]?.[2] ?? []),
      'chat',
    ).expectPrompt('Welcome to the bank.');
    const says = session.last.outputs.flatMap((o) => (o.type === 'say' ? [o] : []));
    expect(says).toEqual([expect.not.objectContaining({ ssml: expect.anything() })]);
    expect(says[0]?.voice).toBeUndefined();
    expect(says[0]?.audio).toBeUndefined();
  });
});
