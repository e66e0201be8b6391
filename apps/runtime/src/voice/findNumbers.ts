/** A number written in prompt text, classified by the reading it needs; the language decides the words. */
export type NumberToken =
  | { kind: 'date'; year: string; month: string; day: string }
  | { kind: 'time'; hour: string; minute: string }
  /** Digits joined by dashes or spaces, as in phone and card numbers: always read digit by digit. */
  | { kind: 'digitGroups'; groups: string[] }
  | { kind: 'range'; from: string; to: string }
  | {
      kind: 'number';
      sign: string;
      currency: string;
      integer: string;
      fraction: string;
      percent: boolean;
      plain: boolean;
    };

/** A number token with where it stands in the text. */
export interface FoundNumber {
  token: NumberToken;
  start: number;
  end: number;
}

// Order matters: a date or a phone number must win over the plain numbers it is made of.
const NUMBER = new RegExp(
  [
    String.raw`(?<year>\d{4})(?<sep>[-/.])\s?(?<month>\d{1,2})\k<sep>\s?(?<day>\d{1,2})(?![\d:])\.?`,
    String.raw`(?<hour>\d{1,2}):(?<minute>\d{2})(?!\d)`,
    String.raw`(?<groups>\d+(?:-\d+)+|\d{3,}(?: \d{3,})+)(?![\d.,])`,
    String.raw`(?<from>\d+)\s?[~～–]\s?(?<to>\d+)`,
    String.raw`(?<sign>[-−+])?(?:(?<currency>US\$|HK\$|CN¥|[¥￥$€£₩])\s?)?(?<integer>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?<fraction>\d+))?(?<percent>%)?`,
  ].join('|'),
  'gu',
);

/**
 * Finds the numbers in `text` (dates, clock times, digit groups, ranges, amounts with sign, currency, decimals or
 * percent, and plain integers) so that a language can read each one by what it is rather than digit-blind.
 */
export function findNumbers(text: string): FoundNumber[] {
  const found: FoundNumber[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const g = match.groups ?? {};
    let start = match.index;
    const end = start + match[0].length;
    if (g['year'] !== undefined && g['month'] !== undefined && g['day'] !== undefined) {
      found.push({ token: { kind: 'date', year: g['year'], month: g['month'], day: g['day'] }, start, end });
    } else if (g['hour'] !== undefined && g['minute'] !== undefined) {
      found.push({ token: { kind: 'time', hour: g['hour'], minute: g['minute'] }, start, end });
    } else if (g['groups'] !== undefined) {
      const groups = g['groups'].split(/[- ]/u);
      // "1-4" is a range; "010-1234" or "6222 0212" is a number to read out digit by digit.
      const [from, to] = groups;
      const token: NumberToken =
        groups.length === 2 && from !== undefined && to !== undefined && from.length <= 2 && to.length <= 2
          ? { kind: 'range', from, to }
          : { kind: 'digitGroups', groups };
      found.push({ token, start, end });
    } else if (g['from'] !== undefined && g['to'] !== undefined) {
      found.push({ token: { kind: 'range', from: g['from'], to: g['to'] }, start, end });
    } else {
      let sign = g['sign'] ?? '';
      // A dash glued to a word ("A-1") is a hyphen, not a minus.
      if (sign !== '' && start > 0 && /[\p{L}\p{N}]/u.test(text[start - 1] ?? '')) {
        sign = '';
        start += 1;
      }
      const integer = (g['integer'] ?? '').replaceAll(',', '');
      const currency = g['currency'] ?? '';
      const fraction = g['fraction'] ?? '';
      const percent = g['percent'] !== undefined;
      const plain = sign === '' && currency === '' && fraction === '' && !percent && integer === g['integer'];
      found.push({
        token: {
          kind: 'number',
          sign: sign === '+' ? '+' : sign === '' ? '' : '-',
          currency,
          integer,
          fraction,
          percent,
          plain,
        },
        start,
        end,
      });
    }
  }
  return found;
}

/**
 * Spaces out the letters of an alphanumeric code ("CA1234" → "C A1234") so the voice spells them rather than
 * guessing a word, and the digits next to them read as a code.
 */
export function spellCodeLetters(text: string): string {
  return text.replace(/[A-Za-z]+(?=\d)|(?<=\d)[A-Za-z]+/gu, (letters) => letters.split('').join(' '));
}

/**
 * Splits `text` into what `read` makes of each number (given the text around it) and what `keep` makes of the
 * text between numbers, in order.
 */
export function mapNumbers<T>(
  text: string,
  read: (token: NumberToken, before: string, after: string) => T[],
  keep: (text: string) => T[],
): T[] {
  const out: T[] = [];
  let at = 0;
  for (const { token, start, end } of findNumbers(text)) {
    if (start > at) out.push(...keep(text.slice(at, start)));
    out.push(...read(token, text.slice(0, start), text.slice(end)));
    at = end;
  }
  if (at < text.length) out.push(...keep(text.slice(at)));
  return out;
}
