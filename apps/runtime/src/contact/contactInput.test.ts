import { describe, expect, it } from 'vitest';
import { CONTACT_LIMITS } from '@omniflow/flow-schema';
import { twilioContact } from '../channels/twilioContact.ts';
import { contactMaskSetting } from '../config/contactMaskSetting.ts';
import { mediaStreamContact } from '../voice/mediaStreamContact.ts';
import { keepAttributes, normalizePhoneNumber } from './contactInput.ts';

describe('contact input from the channels (issue 15)', () => {
  it('normalizes numbers to E.164 where they parse and keeps other caller ids as given', () => {
    expect(normalizePhoneNumber('+1 (415) 555-0100')).toBe('+14155550100');
    expect(normalizePhoneNumber('010-1234-5678', 'KR')).toBe('+821012345678');
    expect(normalizePhoneNumber('13800138000', 'CN')).toBe('+8613800138000');
    expect(normalizePhoneNumber('client:alice')).toBe('client:alice');
    expect(normalizePhoneNumber('anonymous')).toBe('anonymous');
    expect(normalizePhoneNumber('  ')).toBeUndefined();
    expect(normalizePhoneNumber('x'.repeat(100))?.length).toBe(CONTACT_LIMITS.maxNumberLength);
  });

  it('keeps string attributes with readable names within the limits and counts what it drops', () => {
    const many = Object.fromEntries(Array.from({ length: 40 }, (_v, i) => [`p${i}`, 'v']));
    expect(keepAttributes(many).dropped).toBe(40 - CONTACT_LIMITS.maxAttributes);
    const kept = keepAttributes({ ok: 'yes', 'two words': 'x', __proto__x: 'fine', long: 'y'.repeat(600), empty: '' });
    expect(kept.attributes).toEqual({
      ok: 'yes',
      __proto__x: 'fine',
      long: 'y'.repeat(CONTACT_LIMITS.maxAttributeValueLength),
    });
    expect(kept.dropped).toBe(2);
  });

  it('reads a Twilio outbound call with the customer as the caller and our number as the dialed one', () => {
    const { contact } = twilioContact({
      CallSid: 'CA1',
      From: '+14155550199',
      To: '02-1234-5678',
      ToCountry: 'KR',
      Direction: 'outbound-api',
      AccountSid: 'AC1',
    });
    expect(contact).toEqual({
      direction: 'outbound',
      callerNumber: '+82212345678',
      dialedNumber: '+14155550199',
      attributes: { CallSid: 'CA1', ToCountry: 'KR', Direction: 'outbound-api' },
    });
  });

  it('reads a media stream’s custom parameters as numbers, direction and attributes', () => {
    const { contact, dropped } = mediaStreamContact({
      from: '+82 10-1234-5678',
      To: '+8215881234',
      direction: 'outbound',
      campaign: 'renewals',
      'no good': 'x',
    });
    expect(contact).toEqual({
      direction: 'outbound',
      callerNumber: '+821012345678',
      dialedNumber: '+8215881234',
      attributes: { campaign: 'renewals' },
    });
    expect(dropped).toBe(1);
    expect(mediaStreamContact({}).contact).toEqual({ direction: 'inbound' });
  });

  it('reads the masked contact fields from configuration and refuses unknown ones', () => {
    expect(contactMaskSetting(undefined).mask.fields).toEqual(['callerNumber', 'dialedNumber', 'customerId']);
    expect(contactMaskSetting('callerNumber, attributes').mask.fields).toEqual(['callerNumber', 'attributes']);
    expect(contactMaskSetting('none').mask.fields).toEqual([]);
    expect(() => contactMaskSetting('callerNumber,phone')).toThrow(/"phone".*not contact fields/);
  });
});
