import { describe, expect, it } from 'vitest';
import { EMPTY_CONTACT_DRAFT, readContactDraft } from './SimulatorContact.tsx';

describe('the simulator test contact (issue 15)', () => {
  it('sends only what the analyst set, attributes from name=value lines', () => {
    expect(readContactDraft(EMPTY_CONTACT_DRAFT)).toEqual({ ok: true, contact: { direction: 'inbound' } });
    expect(
      readContactDraft({
        direction: 'outbound',
        callerNumber: ' +14155550100 ',
        attributes: 'segment=gold\n\nnote = a=b ',
      }),
    ).toEqual({
      ok: true,
      contact: { direction: 'outbound', callerNumber: '+14155550100', attributes: { segment: 'gold', note: 'a=b' } },
    });
  });

  it('names the first line that is not name=value', () => {
    expect(readContactDraft({ ...EMPTY_CONTACT_DRAFT, attributes: 'segment=gold\nno equals sign' })).toEqual({
      ok: false,
      line: 2,
    });
    expect(readContactDraft({ ...EMPTY_CONTACT_DRAFT, attributes: '1st=x' })).toEqual({ ok: false, line: 1 });
  });
});
