import { parseAmount } from '../../matching/parseAmount.ts';
import { parseDate } from '../../matching/parseDate.ts';

/** An amount and an ISO date read from one answer. */
export interface PromiseAnswer {
  amount: number;
  date: string;
}

/** Words that join the amount and the date ("500 dollars on May 5", "5月5日前还500元", "5월 5일까지 50000원"). */
const CONNECTORS =
  /^(?:on|by|before|at|i'?ll|i will|can|could|pay|paying|the|之前|以前|前|在|于|还|还款|付|支付|까지|에|전에|갚을게요|갚겠습니다|낼게요)+|(?:on|by|before|之前|以前|前|还|还款|付|支付|까지|에|전에|갚을게요|갚겠습니다|낼게요|입금할게요)+$/giu;

/**
 * Reads a promise to pay from one answer: keypad `AMOUNT*YYYYMMDD` (or `AMOUNT*CC*YYYYMMDD` with cents), or words
 * holding an amount and a date in either order ("200 dollars on December 15th 2026", "2026年12月15日前还500元",
 * "2026년 12월 15일까지 5만 원"). Tries every split of the answer into two parts; null when none reads as both.
 */
export function readPromise(text: string, locale: string, keypad: boolean): PromiseAnswer | null {
  if (keypad) {
    const keys = /^(\d+)(?:\*(\d{1,2}))?\*(\d{8})#?$/u.exec(text.trim());
    if (keys === null) return null;
    const amount = parseAmount(keys[2] === undefined ? (keys[1] ?? '') : `${keys[1]}*${keys[2]}`, locale);
    const date = parseDate(keys[3] ?? '', locale);
    return amount !== null && amount > 0 && date !== null ? { amount, date } : null;
  }
  const plain = text.normalize('NFKC').trim();
  const cuts = new Set<number>();
  for (let i = 1; i < plain.length; i++) {
    const before = plain[i - 1] ?? '';
    const at = plain[i] ?? '';
    // Cut at spaces, and anywhere between CJK characters or between a CJK character and a digit.
    if (
      at === ' ' ||
      before === ' ' ||
      /[\u3400-\u9fff\uac00-\ud7a3]/u.test(before) ||
      /[\u3400-\u9fff\uac00-\ud7a3]/u.test(at)
    )
      cuts.add(i);
  }
  for (const cut of cuts) {
    const left = clean(plain.slice(0, cut));
    const right = clean(plain.slice(cut));
    if (left === '' || right === '') continue;
    for (const [amountText, dateText] of [
      [left, right],
      [right, left],
    ] as const) {
      const date = parseDate(dateText, locale);
      if (date === null) continue;
      const amount = parseAmount(amountText, locale);
      if (amount !== null && amount > 0) return { amount, date };
    }
  }
  return null;
}

function clean(part: string): string {
  return part
    .replace(CONNECTORS, '')
    .replace(/[,，。.!?！？]+$/u, '')
    .trim();
}
