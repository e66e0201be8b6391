import { buildTestFlow, en } from '@omniflow/flow-engine/testing';
import { describe, expect, it } from 'vitest';
import { fakeCliIo } from './fakeCliIo.ts';
import { runCli } from './omniflowCli.ts';

// Says what the flow sees of its contact, then routes on the real (unmasked) caller number and the seeded facts.
const flow = buildTestFlow([
  { id: 'start', type: 'start', to: { next: 'hello' } },
  {
    id: 'hello',
    type: 'message',
    config: { prompt: en('{{contact.direction}} {{contact.attributes.tier}} {{contact.callerNumber}}') },
    to: { next: 'route' },
  },
  {
    id: 'route',
    type: 'condition',
    config: {
      cases: [
        {
          id: 'yes',
          when: 'contact.callerNumber == "+14155550100" && contact.dialedNumber == "+14155550199" && contact.customerId == "C-7" && contact.previousContacts == 3',
        },
      ],
    },
    to: { yes: 'matched', default: 'other' },
  },
  { id: 'matched', type: 'end', config: { prompt: en('matched') } },
  { id: 'other', type: 'end', config: { prompt: en('other') } },
]);

async function simulate(...extra: string[]) {
  const io = fakeCliIo({ 'flow.json': JSON.stringify(flow) }, []);
  const code = await runCli(['simulate', 'flow.json', '--channel', 'chat', ...extra], io);
  return { code, out: io.out.join('\n'), err: io.err.join('\n') };
}

describe('omniflow simulate --contact (issue 15)', () => {
  it('starts the conversation with the contact given, masked where a prompt shows it', async () => {
    const run = await simulate(
      '--contact',
      'direction=outbound',
      '--contact',
      'callerNumber=+14155550100',
      '--contact',
      'dialedNumber=+14155550199',
      '--contact',
      'attributes.tier=gold',
      '--contact',
      'customerId=C-7',
      '--contact',
      'previousContacts=3',
    );
    expect(run.code).toBe(0);
    expect(run.out).toContain('outbound gold ****');
    expect(run.out).toContain('matched');
    expect(run.out).not.toContain('other');
  });

  it('runs as an unknown inbound caller without --contact', async () => {
    const run = await simulate();
    expect(run.code).toBe(0);
    expect(run.out).toContain('inbound');
    expect(run.out).toContain('other');
  });

  it('refuses a bad key or value with exit 2 and a message saying what to write', async () => {
    for (const [arg, message] of [
      ['phone=+1415', '"phone" is not a contact field; keys: direction, callerNumber'],
      ['direction=sideways', 'direction is inbound or outbound'],
      ['direction', 'write key=value'],
      ['attributes.1tier=gold', 'an attribute name starts with a letter'],
      ['attributes.__proto__=x', 'an attribute name starts with a letter'],
      ['previousContacts=-1', 'previousContacts is a whole number'],
      ['callerNumber=', 'callerNumber is a number of 1 to 32 characters'],
      [`customerId=${'x'.repeat(129)}`, 'customerId is 1 to 128 characters'],
    ] as const) {
      const run = await simulate('--contact', arg);
      expect({ arg, code: run.code, err: run.err }).toEqual({
        arg,
        code: 2,
        err: expect.stringContaining(message),
      });
      expect(run.out).toBe('');
    }
    const twice = await simulate('--contact', 'direction=inbound', '--contact', 'direction=outbound');
    expect(twice.err).toContain('"direction" is given twice');
    expect((await simulate('--contact')).err).toContain('give key=value after --contact');
  });
});
