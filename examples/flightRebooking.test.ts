import { describe, expect, it } from 'vitest';
import { startTestSession } from '@omniflow/flow-engine/testing';
import { exampleFlow } from './exampleFlows.ts';
import { createExampleRegistry } from './exampleHarness.ts';

const flow = exampleFlow('flight-rebooking.json');

describe('flight rebooking example', () => {
  it('greets a known caller by name, explains the cancellation and rebooks on the next flight by voice', async () => {
    const { registry, flights } = createExampleRegistry();
    await startTestSession(flow, 'voice', { registry, contact: { callerNumber: '+14155550142' } })
      .expectPrompt(/Hello Maria Santos/)
      .expectPrompt(/OA 211 has been cancelled/)
      .expectPrompt(/next available flight is OA 213/)
      .say('yes please')
      .expectPrompt(/booked on OA 213/)
      .expectEnd('completed');
    expect(flights.rebookings.get('246810')).toBe('OA 213');
  });

  it('takes another day by voice when the caller declines the offer', async () => {
    const { registry, flights } = createExampleRegistry();
    await startTestSession(flow, 'voice', { registry, contact: { callerNumber: '+14155550142' } })
      .say('no')
      .expectPrompt(/Which day/i)
      .say('December 10th 2026')
      .expectPrompt(/OA 211, departing 2026-12-10 11:05/)
      .say('yes')
      .expectPrompt(/booked on OA 211/)
      .expectEnd('completed');
    expect(flights.rebookings.get('246810')).toBe('OA 211');
  });

  it('asks for the booking number over DTMF, skips a sold-out day and books another day', async () => {
    const { registry, flights } = createExampleRegistry();
    await startTestSession(flow, 'dtmf', { registry })
      .expectPrompt(/six-digit booking number/i)
      .press('802468')
      .expectPrompt(/Hello Ji-woo Park/)
      .expectPrompt(/OA 350/)
      .press('2')
      .expectPrompt(/Which day/i)
      .press('20261224')
      .expectPrompt(/no seats/i)
      .press('20261210')
      .expectPrompt(/OA 350, departing 2026-12-10 08:20/)
      .press('1')
      .expectPrompt(/confirmation code is [0-9A-F]{6}/)
      .expectEnd('completed');
    expect(flights.rebookings.get('802468')).toBe('OA 350');
  });

  it('rebooks in a Chinese chat with quick replies', async () => {
    const { registry } = createExampleRegistry();
    await startTestSession(flow, 'chat', {
      registry,
      locale: 'zh-CN',
      contact: { callerNumber: '+86 138 0013 8000' },
    })
      .expectPrompt(/李娜，您好/)
      .check('yes/no quick replies', ({ last }) =>
        last.outputs.some((o) => o.type === 'prompt' && (o.expect.choices?.length ?? 0) === 2),
      )
      .type('不')
      .type('2026-12-06')
      .expectPrompt(/OA 884/)
      .type('是')
      .expectPrompt(/已为您改签至 OA 884/)
      .expectEnd('completed');
  });

  it('transfers to rebooking after three unknown booking numbers, or at once on "agent" or the 0 key (#3)', async () => {
    const { registry } = createExampleRegistry();
    await startTestSession(flow, 'chat', { registry })
      .type('111111')
      .type('222222')
      .type('333333')
      .expectTransfer('rebooking')
      .expectEnd('transferred');
    await startTestSession(flow, 'voice', { registry, contact: { callerNumber: '+14155550142' } })
      .say('agent')
      .expectTransfer('rebooking');
    await startTestSession(flow, 'dtmf', { registry })
      .expectNode('askReference')
      .press('0#')
      .expectTransfer('rebooking');
    await startTestSession(flow, 'voice', { registry, contact: { callerNumber: '+14155550142' } })
      .expectNode('offer')
      .press('0')
      .expectTransfer('rebooking');
  });
});
