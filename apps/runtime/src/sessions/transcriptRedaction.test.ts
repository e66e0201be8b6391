import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../testing/startTestRuntime.ts';
import { cardFlow } from '../testing/testFlows.ts';

const CARD_TYPED = '4111 1111 1111 1111';
const CARD_DIGITS = /4111\D{0,2}1111\D{0,2}1111/;

interface Entry {
  from: string;
  text: string;
  sentiment?: { score: number; label: string };
}

async function converse(t: TestRuntime, locale: string, reason: string) {
  await t.api('POST', '/api/flows', { flow: cardFlow });
  await t.api('POST', '/api/flows/card-help/publish', { note: 'v1' });
  const started = await t.api('POST', '/api/sessions', { flowId: 'card-help', channel: 'chat', locale });
  const id: string = started.body.session.sessionId;
  const first = await t.api('POST', `/api/sessions/${id}/input`, { input: { type: 'text', text: reason } });
  const last = await t.api('POST', `/api/sessions/${id}/input`, { input: { type: 'text', text: '4111111111111111' } });
  const transcript = await t.api('GET', `/api/sessions/${id}/transcript`);
  return { first, last, transcript: transcript.body, entries: transcript.body.transcript as Entry[] };
}

describe('redaction and sentiment of stored turns (#17)', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime();
  });
  afterAll(async () => {
    await t.close();
  });

  it('stores and forwards [CARD] instead of a typed card number, keeps the date, and still takes the card answer', async () => {
    const { last, entries } = await converse(t, 'en-US', `my card is ${CARD_TYPED} and I was born 1985-03-14`);
    const transfer = last.body.session.outputs.find((o: { type: string }) => o.type === 'transfer');
    // The 16-digit answer was validated on the caller's real input: the flow reached the transfer with it kept, masked.
    expect(transfer).toMatchObject({ queue: 'cards', variables: { card: '****' } });
    expect(entries.find((e) => e.from === 'caller')?.text).toBe('my card is [CARD] and I was born 1985-03-14');
    for (const leaving of [JSON.stringify(entries), JSON.stringify(transfer)]) {
      expect(leaving).toContain('[CARD]');
      expect(leaving).not.toMatch(CARD_DIGITS);
    }
    expect(t.logs.join('\n')).not.toMatch(CARD_DIGITS);
    expect(JSON.stringify(transfer)).toContain('1985-03-14');
  });

  it.each([
    ['en-US', 'This is terrible, I am furious and I want to complain!'],
    ['zh-CN', '你们的服务太差了，我非常生气，我要投诉！'],
    ['ko-KR', '서비스가 너무 불친절해요. 정말 화가 나요!'],
  ])('stores a negative sentiment on an angry %s caller turn and a trend per session', async (locale, angry) => {
    const { entries, transcript } = await converse(t, locale, angry);
    const callerTurns = entries.filter((e) => e.from === 'caller');
    expect(callerTurns[0]?.sentiment?.label).toBe('negative');
    expect(callerTurns[0]?.sentiment?.score).toBeLessThan(-0.5);
    // The card answer is masked: it carries no sentiment, so the angry turn is the latest scored one.
    expect(callerTurns[1]?.sentiment).toBeUndefined();
    expect(transcript.sentimentTrend).toMatchObject({
      turns: 1,
      latest: callerTurns[0]?.sentiment?.score,
      direction: 'stable',
    });
  });
});

describe('with OMNIFLOW_REDACTION=off (#17)', () => {
  it('stores and forwards caller text as typed', async () => {
    const t = await startTestRuntime({ OMNIFLOW_REDACTION: 'off' });
    try {
      const { last, entries } = await converse(t, 'en-US', `my card is ${CARD_TYPED}`);
      expect(entries.find((e) => e.from === 'caller')?.text).toBe(`my card is ${CARD_TYPED}`);
      expect(JSON.stringify(last.body.session.outputs)).toMatch(CARD_DIGITS);
    } finally {
      await t.close();
    }
  });
});
