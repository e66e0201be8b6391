import { describe, expect, it } from 'vitest';
import { contactMaskSetting } from './contactMaskSetting.ts';

describe('contactMaskSetting (OMNIFLOW_CONTACT_MASK, issue 15)', () => {
  it('masks the numbers and the verified customer by default, numbers keeping their last four digits in records', () => {
    expect(contactMaskSetting(undefined)).toEqual({
      mask: {
        fields: ['callerNumber', 'dialedNumber', 'customerId'],
        numbers: { callerNumber: 'last4', dialedNumber: 'last4' },
      },
      warnings: [],
    });
  });

  it('governs the record style with the field list: unlisted numbers are in clear, listed ones hidden or last4', () => {
    expect(contactMaskSetting('callerNumber,customerId').mask).toEqual({
      fields: ['callerNumber', 'customerId'],
      numbers: { callerNumber: 'all', dialedNumber: 'none' },
    });
    expect(contactMaskSetting(['dialedNumber:last4']).mask.numbers).toEqual({
      callerNumber: 'none',
      dialedNumber: 'last4',
    });
    expect(contactMaskSetting('none').mask).toEqual({
      fields: [],
      numbers: { callerNumber: 'none', dialedNumber: 'none' },
    });
  });

  it('refuses a style on a field that is not a number, or a style that does not exist', () => {
    expect(() => contactMaskSetting('customerId:last4')).toThrow(
      /"customerId:last4".*only callerNumber and dialedNumber/,
    );
    expect(() => contactMaskSetting('callerNumber:first4')).toThrow(/":last4".*":all"/);
    expect(() => contactMaskSetting('callerNumber:last4:x')).toThrow(/not a masked field/);
  });

  it('keeps the deprecated OMNIFLOW_CONTACT_NUMBER_MASK working for records, with a warning naming the new value', () => {
    const { mask, warnings } = contactMaskSetting(undefined, 'all');
    expect(mask.numbers).toEqual({ callerNumber: 'all', dialedNumber: 'all' });
    expect(warnings).toEqual([
      expect.stringMatching(/deprecated.*OMNIFLOW_CONTACT_MASK=callerNumber,dialedNumber,customerId instead/),
    ]);
    expect(contactMaskSetting('customerId', 'last4').warnings[0]).toContain(
      'OMNIFLOW_CONTACT_MASK=customerId,callerNumber:last4,dialedNumber:last4',
    );
    expect(contactMaskSetting(undefined, 'none').mask.numbers).toEqual({ callerNumber: 'none', dialedNumber: 'none' });
    expect(() => contactMaskSetting(undefined, 'some')).toThrow(/deprecated\) must be one of last4, all, none/);
  });
});
