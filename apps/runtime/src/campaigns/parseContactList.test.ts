import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseContactList, type ContactList, type ContactListInput } from './parseContactList.ts';
import { isValidTimeZone, regionTimeZones, ZONED_REGIONS } from './regionTimeZones.ts';

function parsed(input: Partial<ContactListInput> & { bytes: Uint8Array }): ContactList {
  const result = parseContactList({ defaultRegion: 'US', ...input });
  if (!result.ok) throw new Error(`refused: ${result.refusal.message}`);
  return result.list;
}

function refusal(input: Partial<ContactListInput> & { bytes: Uint8Array }) {
  const result = parseContactList({ defaultRegion: 'US', ...input });
  if (result.ok) throw new Error('the list was accepted');
  return result.refusal;
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('parseContactList', () => {
  it('normalizes numbers to E.164, keeps fields as variables and reports bad rows with their line', () => {
    const list = parsed({
      bytes: utf8('name,phone,amount_due\nAnn,(415) 555-2671,120.50\nBob,,10\nCid,12,3\nDee,+44 20 7946 0958,7\n'),
    });
    expect(list.contacts.map((c) => [c.line, c.phone, c.region])).toEqual([
      [2, '+14155552671', 'US'],
      [5, '+442079460958', 'GB'],
    ]);
    expect(list.contacts[0]?.variables).toEqual({ name: 'Ann', phone: '(415) 555-2671', amount_due: '120.50' });
    expect(list.problems.map((p) => [p.line, p.code])).toEqual([
      [3, 'NO_PHONE'],
      [4, 'BAD_PHONE'],
    ]);
  });

  it('drops duplicates written differently and says which line kept the number', () => {
    const list = parsed({ bytes: utf8('phone\n+1 415 555 2671\n4155552671\n(415)555-2671\n') });
    expect(list.contacts).toHaveLength(1);
    expect(list.problems).toEqual([
      expect.objectContaining({ line: 3, code: 'DUPLICATE', message: expect.stringContaining('line 2') }),
      expect.objectContaining({ line: 4, code: 'DUPLICATE' }),
    ]);
  });

  it('uses the default region for national numbers', () => {
    const list = parsed({ bytes: utf8('phone\n010-1234-5678\n'), defaultRegion: 'KR' });
    expect(list.contacts[0]).toMatchObject({ phone: '+821012345678', region: 'KR', timeZones: ['Asia/Seoul'] });
  });

  it('takes a per-row tz column over the region and refuses an unknown zone on its line', () => {
    const list = parsed({ bytes: utf8('phone,tz\n+14155552671,America/Los_Angeles\n+12125551234,Mars/Base\n') });
    expect(list.contacts[0]?.timeZones).toEqual(['America/Los_Angeles']);
    expect(list.problems).toEqual([expect.objectContaining({ line: 3, code: 'BAD_TIME_ZONE' })]);
  });

  it('gives every main zone of a multi-zone country when no tz column narrows it', () => {
    const list = parsed({ bytes: utf8('phone\n+14155552671\n') });
    expect(list.contacts[0]?.timeZones).toContain('America/New_York');
    expect(list.contacts[0]?.timeZones).toContain('America/Los_Angeles');
  });

  it('maps columns: a named phone column and non-identifier columns to variables', () => {
    const list = parsed({
      bytes: utf8('客户,联系方式,金额\n王芳,13800138000,500\n'),
      defaultRegion: 'CN',
      mapping: { phone: '联系方式', variables: { 客户: 'name', 金额: 'amount' } },
    });
    expect(list.contacts[0]).toMatchObject({ phone: '+8613800138000', variables: { name: '王芳', amount: '500' } });
    expect(list.ignoredColumns).toEqual(['联系方式']);
  });

  it('finds a phone column by its Chinese or Korean name', () => {
    expect(parsed({ bytes: utf8('姓名,手机号\n王芳,13800138000\n'), defaultRegion: 'CN' }).phoneColumn).toBe('手机号');
    expect(parsed({ bytes: utf8('이름,전화번호\n김민수,010-1234-5678\n'), defaultRegion: 'KR' }).phoneColumn).toBe(
      '전화번호',
    );
  });

  it('reads JSON arrays with the item number as line', () => {
    const list = parsed({ bytes: utf8(JSON.stringify([{ phone: '+14155552671', due: 3 }, { phone: 'x' }])) });
    expect(list.contacts[0]?.variables).toEqual({ phone: '+14155552671', due: '3' });
    expect(list.problems).toEqual([expect.objectContaining({ line: 2, code: 'BAD_PHONE' })]);
  });

  it('detects GBK and EUC-KR and reads their text correctly', () => {
    const gbk = parsed({
      bytes: iconv.encode('name,phone,备注\n王芳,13800138000,请于本月底前还款\n', 'gbk'),
      defaultRegion: 'CN',
    });
    expect(gbk.encoding).toBe('gbk');
    expect(gbk.columns).toContain('备注');
    expect(gbk.contacts[0]?.variables['name']).toBe('王芳');

    const korean = parsed({ bytes: iconv.encode('name,phone\n김민수,010-1234-5678\n', 'euc-kr'), defaultRegion: 'KR' });
    expect(korean.encoding).toBe('euc-kr');
    expect(korean.contacts[0]?.variables['name']).toBe('김민수');
  });

  it('reads a chosen encoding and refuses a file that is not valid in it, naming the line', () => {
    const bytes = Buffer.concat([utf8('name,phone\nAnn,+14155552671\n'), Buffer.from([0x80, 0x2c, 0x31, 0x0a])]);
    const chosen = refusal({ bytes, encoding: 'utf-8' });
    expect(chosen).toMatchObject({ code: 'BAD_ENCODING', line: 3 });
    expect(chosen.message).toMatch(/not valid UTF-8/);
    expect(refusal({ bytes: Buffer.from([0x70, 0x0a, 0xff, 0xff, 0xff]), encoding: 'auto' }).code).toBe('BAD_ENCODING');
    expect(
      parsed({ bytes: iconv.encode('name,phone\n王芳,13800138000\n', 'gbk'), encoding: 'gbk', defaultRegion: 'CN' })
        .encodingDetected,
    ).toBe(false);
  });

  it('refuses a list without a phone column, an empty list, a bad mapping and a bad region, saying what to fix', () => {
    expect(refusal({ bytes: utf8('name,email\nAnn,a@b.c\n') })).toMatchObject({
      code: 'NO_PHONE_COLUMN',
      message: expect.stringMatching(/"name", "email"/),
    });
    expect(refusal({ bytes: utf8('phone\n') }).code).toBe('EMPTY_LIST');
    expect(refusal({ bytes: utf8('') }).code).toBe('EMPTY_LIST');
    expect(refusal({ bytes: utf8('[]') }).code).toBe('EMPTY_LIST');
    expect(refusal({ bytes: utf8('phone\n1\n'), mapping: { phone: 'mobile' } }).message).toMatch(/not a column/);
    expect(refusal({ bytes: utf8('phone\n1\n'), defaultRegion: 'XX' }).code).toBe('BAD_REGION');
    expect(refusal({ bytes: utf8('{"a":1}') }).code).toBe('BAD_FORMAT');
    expect(refusal({ bytes: utf8('phone,name\n"unclosed,x\n') }).code).toBe('BAD_FORMAT');
  });
});

describe('regionTimeZones', () => {
  it('names only zones that Intl knows', () => {
    const zones = ZONED_REGIONS().flatMap((region) => regionTimeZones(region) ?? []);
    expect(zones.length).toBeGreaterThan(50);
    expect(zones.filter((zone) => !isValidTimeZone(zone))).toEqual([]);
    expect(isValidTimeZone('Mars/Base')).toBe(false);
  });
});
