import { describe, expect, it } from 'vitest';
import { parseDate } from './parseDate.ts';

describe('parseDate', () => {
  it.each([
    ['1990-05-17', '1990-05-17'],
    ['1990/5/17', '1990-05-17'],
    ['05/17/1990', '1990-05-17'],
    ['5/17/90', '1990-05-17'],
    ['1/2/05', '2005-01-02'],
    ['17/05/1990', '1990-05-17'],
    ['17.05.1990', '1990-05-17'],
    ['17 May 1990', '1990-05-17'],
    ['May 17th 1990', '1990-05-17'],
    ['May 17, 1990', '1990-05-17'],
    ['Sept. 3rd, 2001', '2001-09-03'],
    ['the seventeenth of May nineteen ninety', '1990-05-17'],
    ['my birthday is May seventeenth nineteen ninety', '1990-05-17'],
    ['march third nineteen eighty four', '1984-03-03'],
    ['december thirty first nineteen ninety nine', '1999-12-31'],
    ['may twenty first two thousand five', '2005-05-21'],
    ['june 1st twenty oh five', '2005-06-01'],
    ['january first two thousand and one', '2001-01-01'],
    ['19900517', '1990-05-17'],
    ['19900517#', '1990-05-17'],
    ['1990 0517', '1990-05-17'],
    ['1990年5月17日', '1990-05-17'],
    ['一九九〇年五月十七号', '1990-05-17'],
    ['二〇〇五年十二月三十一日', '2005-12-31'],
    ['1990년 5월 17일', '1990-05-17'],
    ['천구백구십년 오월 십칠일', '1990-05-17'],
    ['1990년 유월 1일', '1990-06-01'],
    ['Feb 29 2000', '2000-02-29'],
  ])('reads %j as %s', (text, iso) => {
    expect(parseDate(text, 'en-US')).toBe(iso);
  });

  it('reads an ambiguous numeric date month first in en-US and day first in other locales', () => {
    expect(parseDate('05/06/1990', 'en-US')).toBe('1990-05-06');
    expect(parseDate('05/06/1990', 'en')).toBe('1990-05-06');
    expect(parseDate('05/06/1990', 'en-GB')).toBe('1990-06-05');
    expect(parseDate('05/06/1990', 'fr-FR')).toBe('1990-06-05');
  });

  it.each([
    '',
    'yesterday',
    'May 17',
    'February 30 1990',
    'Feb 29 1900',
    '99999999',
    '13/13/1990',
    '1990-13-01',
    'May June 1990',
    '17 May 1990 and 18',
    '1990年5月',
    '0999-01-01',
  ])('returns null for %j', (text) => {
    expect(parseDate(text, 'en-US')).toBeNull();
  });
});
