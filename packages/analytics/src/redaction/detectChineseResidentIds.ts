import { isRealDate } from './isRealDate.ts';
import type { RedactionEntity } from './redactionEntity.ts';

// 6-digit region, 8-digit birth date, 3-digit sequence, check character; people often group it 6-8-4 when they type it.
const CN_ID = /(?<![0-9A-Za-z])[1-9]\d{5}[ -]?(?:19|20)\d{2}[01]\d[0-3]\d[ -]?\d{3}[0-9Xx](?![0-9A-Za-z])/gu;
const CN_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CN_CHECK = '10X98765432';

/** Finds Chinese resident identity numbers: 18 characters with a real birth date and a valid ISO 7064 MOD 11-2 check character. */
export function detectChineseResidentIds(text: string): RedactionEntity[] {
  const found: RedactionEntity[] = [];
  for (const match of text.matchAll(CN_ID)) {
    const id = match[0].replace(/[ -]/gu, '').toUpperCase();
    if (!isRealDate(Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14)))) continue;
    let sum = 0;
    for (let i = 0; i < 17; i++) sum += (id.charCodeAt(i) - 48) * (CN_WEIGHTS[i] ?? 0);
    if (CN_CHECK[sum % 11] === id[17])
      found.push({ type: 'cn_id', start: match.index, end: match.index + match[0].length });
  }
  return found;
}
