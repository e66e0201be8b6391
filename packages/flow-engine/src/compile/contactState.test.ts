import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '@omniflow/flow-schema';
import { createBuiltInRegistry } from '../nodeTypes/createBuiltInRegistry.ts';
import { compileFlow } from './compileFlow.ts';
import { FlowSession } from '../session/FlowSession.ts';
import { ManualClock } from '../testing/ManualClock.ts';
import { buildTestFlow, en } from '../testing/buildTestFlow.ts';
import { startTestSession } from '../testing/startTestSession.ts';
import { runFlowSuite } from '../flowTests/runFlowSuite.ts';
import type { SentimentScorer } from '../session/sessionTypes.ts';
import type { HandlerResult } from '../nodeTypes/handlerTypes.ts';

/** Says the contact's fields, then routes on an expression over the contact. */
function routingFlow(
  when: string,
  say = 'Hello {{contact.attributes.firstName}}, via {{contact.channel}}.',
): FlowDocument {
  return buildTestFlow([
    { id: 'start', type: 'start', to: { next: 'hello' } },
    { id: 'hello', type: 'message', config: { prompt: en(say) }, to: { next: 'route' } },
    {
      id: 'route',
      type: 'condition',
      config: { cases: [{ id: 'yes', when }] },
      to: { yes: 'matched', default: 'other' },
    },
    { id: 'matched', type: 'end', config: { prompt: en('matched') } },
    { id: 'other', type: 'end', config: { prompt: en('other') } },
  ]);
}

describe('the contact system variable in the engine (issue 15)', () => {
  it('reads the facts a session starts with in conditions and prompts', async () => {
    const flow = routingFlow(
      'contact.direction == "outbound" && contact.previousContacts >= 2 && contact.callerNumber == "+14155550100" && contact.attributes.segment == "gold" && contact.id == "call-9"',
    );
    await startTestSession(flow, 'chat', {
      sessionId: 'call-9',
      contact: {
        direction: 'outbound',
        callerNumber: '+14155550100',
        previousContacts: 2,
        attributes: { segment: 'gold', firstName: 'Ada' },
      },
    })
      .expectPrompt('Hello Ada, via chat.')
      .expectPrompt('matched');
  });

  it('reads unknown facts as null, no attributes as an empty map and the direction as inbound', async () => {
    const flow = routingFlow(
      'contact.callerNumber == null && contact.customerId == null && contact.previousContacts == 0 && contact.direction == "inbound" && contact.attributes.x == null && contact.sentiment == null && contact.sentimentTrend == "stable"',
    );
    const done = await startTestSession(flow, 'voice').expectPrompt('matched');
    expect(done.last.contact).toMatchObject({ callerNumber: null, attributes: {}, sentiment: null });
  });

  it('has the channel, the start time and the locale, which follows a language switch', async () => {
    const clock = new ManualClock({ start: Date.parse('2026-03-01T08:00:00Z') });
    const flow = buildTestFlow(
      [
        { id: 'start', type: 'start', to: { next: 'lang' } },
        {
          id: 'lang',
          type: 'language',
          config: {
            languages: [
              { key: '1', locale: 'en-US', label: 'English' },
              { key: '2', locale: 'ko-KR', label: '한국어' },
            ],
          },
          to: { next: 'say', noInput: 'say', noMatch: 'say' },
        },
        {
          id: 'say',
          type: 'end',
          config: {
            prompt: {
              text: {
                'en-US': '{{contact.locale}} {{contact.channel}} {{contact.startedAt}}',
                'ko-KR': '{{contact.locale}} {{contact.channel}} {{contact.startedAt}}',
              },
            },
          },
        },
      ],
      { locales: ['en-US', 'ko-KR'] },
    );
    await startTestSession(flow, 'dtmf', { clock }).press('2').expectPrompt('ko-KR dtmf 2026-03-01T08:00:00.000Z');
  });

  it('masks the sensitive fields in prompts, turn results and transfers, the configured ones only', async () => {
    const flow = buildTestFlow([
      { id: 'start', type: 'start', to: { next: 'say' } },
      {
        id: 'say',
        type: 'message',
        config: { prompt: en('We call {{contact.callerNumber}} from {{contact.dialedNumber}}.') },
        to: { next: 'out' },
      },
      { id: 'out', type: 'transfer', config: { queue: 'agents' } },
    ]);
    const contact = { callerNumber: '+821012345678', dialedNumber: '+8215881234', attributes: { plan: 'basic' } };
    const masked = await startTestSession(flow, 'chat', { contact }).expectPrompt('We call **** from ****.');
    expect(masked.last.contact).toMatchObject({
      callerNumber: '****',
      dialedNumber: '****',
      customerId: null,
      attributes: { plan: 'basic' },
    });
    const transfer = masked.last.outputs.find((output) => output.type === 'transfer');
    expect(transfer?.type === 'transfer' ? transfer.contact : undefined).toMatchObject({ callerNumber: '****' });
    expect(JSON.stringify(masked.last)).not.toContain('12345678');
    const shown = await startTestSession(flow, 'chat', { contact, contactMask: ['dialedNumber'] }).expectPrompt(
      'We call +821012345678 from ****.',
    );
    expect(shown.last.contact).toMatchObject({ callerNumber: '+821012345678', dialedNumber: '****' });
  });

  it('takes the verified customer from a handler result, so later nodes read contact.customerId', async () => {
    const registry = createBuiltInRegistry().registerHandler('verify', async () => ({
      variables: { verified: true },
      contact: { customerId: 'C-042' },
    }));
    const flow = buildTestFlow(
      [
        { id: 'start', type: 'start', to: { next: 'verify' } },
        {
          id: 'verify',
          type: 'transaction',
          config: { handler: 'verify', results: { verified: 'verified' } },
          to: { success: 'route', error: 'failed', timeout: 'failed' },
        },
        {
          id: 'route',
          type: 'condition',
          config: { cases: [{ id: 'known', when: 'contact.customerId == "C-042" && verified' }] },
          to: { known: 'welcome', default: 'failed' },
        },
        { id: 'welcome', type: 'end', config: { prompt: en('Welcome back.') } },
        { id: 'failed', type: 'end', config: { prompt: en('failed') } },
      ],
      { variables: [{ name: 'verified', type: 'boolean' }] },
    );
    const done = await startTestSession(flow, 'chat', { registry }).expectPrompt('Welcome back.');
    expect(done.last.contact['customerId']).toBe('****');
  });

  it('sends a handler that sets anything but a customer id down its error port', async () => {
    for (const contact of [
      { customerId: '' },
      { customerId: 7 },
      { callerNumber: '+1' },
      'C-1',
      { customerId: 'x'.repeat(129) },
    ]) {
      // What a buggy handler might answer, whatever its declared type says.
      const answer: HandlerResult = JSON.parse(JSON.stringify({ contact }));
      const registry = createBuiltInRegistry().registerHandler('verify', async () => answer);
      const flow = buildTestFlow([
        { id: 'start', type: 'start', to: { next: 'verify' } },
        {
          id: 'verify',
          type: 'transaction',
          config: { handler: 'verify' },
          to: { success: 'ok', error: 'failed', timeout: 'failed' },
        },
        { id: 'ok', type: 'end', config: { prompt: en('ok') } },
        { id: 'failed', type: 'end', config: { prompt: en('failed {{contact.customerId}}') } },
      ]);
      const failed = await startTestSession(flow, 'chat', { registry }).expectPrompt('failed ');
      expect(failed.last.contact['customerId']).toBeNull();
    }
  });

  it('scores typed and spoken caller turns into contact.sentiment and its trend, before the turn runs', async () => {
    const words: Record<string, number> = { great: 0.8, fine: 0.1, bad: -0.4, awful: -0.9 };
    const seen: string[] = [];
    const sentiment: SentimentScorer = {
      score: (text, locale) => {
        seen.push(`${locale}:${text}`);
        return words[text] ?? null;
      },
      trend: (scores) => ((scores.at(-1) ?? 0) < (scores[0] ?? 0) ? 'worsening' : 'improving'),
    };
    const flow = buildTestFlow(
      [
        { id: 'start', type: 'start', to: { next: 'ask' } },
        {
          id: 'ask',
          type: 'ask',
          config: { prompt: en('How are we doing?'), variable: 'answer', slot: { type: 'text' } },
          to: { next: 'mood', noInput: 'ask', noMatch: 'ask' },
        },
        {
          id: 'mood',
          type: 'condition',
          config: {
            cases: [{ id: 'upset', when: 'contact.sentiment <= -0.5 && contact.sentimentTrend == "worsening"' }],
          },
          to: { upset: 'sorry', default: 'ask' },
        },
        {
          id: 'sorry',
          type: 'transfer',
          config: { queue: 'care', prompt: en('Sorry, {{contact.sentiment}} {{contact.sentimentTrend}}.') },
        },
      ],
      { variables: [{ name: 'answer', type: 'string' }] },
    );
    const done = await startTestSession(flow, 'chat', { sentiment })
      .type('great')
      .expectPrompt('How are we doing?')
      .type('hmm')
      .type('awful')
      .expectPrompt('Sorry, -0.9 worsening.')
      .expectTransfer('care');
    expect(seen).toEqual(['en-US:great', 'en-US:hmm', 'en-US:awful']);
    expect(done.last.contact).toMatchObject({ sentiment: -0.9, sentimentTrend: 'worsening' });
  });

  it('keeps the contact in the snapshot, small, and restores it in another process', async () => {
    const flow = buildTestFlow(
      [
        { id: 'start', type: 'start', to: { next: 'ask' } },
        {
          id: 'ask',
          type: 'ask',
          config: { prompt: en('Number?'), variable: 'n', slot: { type: 'digits' } },
          to: { next: 'bye', noInput: 'bye', noMatch: 'bye' },
        },
        {
          id: 'bye',
          type: 'end',
          config: { prompt: en('{{contact.attributes.campaign}} {{contact.previousContacts}} {{contact.id}}') },
        },
      ],
      { variables: [{ name: 'n', type: 'string' }] },
    );
    const result = compileFlow(flow, createBuiltInRegistry());
    if (!result.ok) throw new Error('does not compile');
    const contact = { direction: 'outbound' as const, previousContacts: 3, attributes: { campaign: 'renewals' } };
    const { session } = await FlowSession.start(result.compiled, { sessionId: 's-1', channel: 'dtmf', contact });
    const saved = JSON.parse(JSON.stringify(session.snapshot()));
    expect(saved.machine.context.state.contact).toEqual({ id: 's-1', ...contact });
    const bare = await FlowSession.start(result.compiled, { sessionId: 's-2', channel: 'dtmf' });
    // An unknown caller costs the snapshot only its id.
    expect(JSON.stringify(bare.session.snapshot())).toContain('"contact":{"id":"s-2"},');
    const restored = FlowSession.restore(result.compiled, saved, { sessionId: 's-1', channel: 'dtmf' });
    const turn = await restored.send({ type: 'dtmf', digits: '5#' });
    expect(turn.outputs.find((output) => output.type === 'say')).toMatchObject({ text: 'renewals 3 s-1' });
  });
});

describe('the contact in conversation tests (issue 15)', () => {
  it('starts a test with its contact and lets a mock set the verified customer', async () => {
    const flow = buildTestFlow(
      [
        { id: 'start', type: 'start', to: { next: 'repeat' } },
        {
          id: 'repeat',
          type: 'condition',
          config: { cases: [{ id: 'again', when: 'contact.previousContacts > 0' }] },
          to: { again: 'verify', default: 'new' },
        },
        {
          id: 'verify',
          type: 'transaction',
          config: { handler: 'verifyCaller' },
          to: { success: 'known', error: 'new', timeout: 'new' },
        },
        {
          id: 'known',
          type: 'end',
          config: { prompt: en('Welcome back, {{contact.attributes.name}} ({{contact.customerId}}).') },
        },
        { id: 'new', type: 'end', config: { prompt: en('Welcome.') } },
      ],
      {
        tests: [
          {
            id: 'repeat-caller',
            name: 'a repeat caller is verified',
            contact: { previousContacts: 2, attributes: { name: 'Ada' } },
            mocks: { verify: { contact: { customerId: 'C-7' } } },
            steps: [{ expectPrompt: 'Welcome back, Ada (****).' }],
          },
          { id: 'first', name: 'a first-time caller', steps: [{ expectPrompt: 'Welcome.' }, { expectNode: 'new' }] },
        ],
      },
    );
    const result = await runFlowSuite(flow, { registry: createBuiltInRegistry() });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.report.runs.map((run) => `${run.testId}/${run.channel}:${run.passed ? 'ok' : run.message}`)).toEqual(
      ['repeat-caller', 'first'].flatMap((id) => ['dtmf', 'voice', 'chat'].map((channel) => `${id}/${channel}:ok`)),
    );
  });
});

describe('a failing sentiment scorer (issue 15)', () => {
  it('costs the turn its sentiment, never the turn', async () => {
    const warnings: string[] = [];
    const flow = buildTestFlow(
      [
        { id: 'start', type: 'start', to: { next: 'ask' } },
        {
          id: 'ask',
          type: 'ask',
          config: { prompt: en('Say something.'), variable: 'answer', slot: { type: 'text' } },
          to: { next: 'bye', noInput: 'bye', noMatch: 'bye' },
        },
        { id: 'bye', type: 'end', config: { prompt: en('Heard {{answer}}, mood {{contact.sentiment}}.') } },
      ],
      { variables: [{ name: 'answer', type: 'string' }] },
    );
    const sentiment: SentimentScorer = {
      score: () => {
        throw new Error('lexicon missing');
      },
      trend: () => 'stable',
    };
    const logger = {
      info: () => {},
      warn: (_fields: Record<string, unknown>, message: string) => warnings.push(message),
      error: () => {},
    };
    await startTestSession(flow, 'chat', { sentiment, logger }).type('hello').expectPrompt('Heard hello, mood .');
    expect(warnings).toEqual(['sentiment scoring failed; contact.sentiment unchanged']);
  });
});
