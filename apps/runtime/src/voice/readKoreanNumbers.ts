import { exhaustive } from '@omniflow/flow-schema';
import { mapNumbers, type NumberToken, spellCodeLetters } from './findNumbers.ts';

const SINO = ['영', '일', '이', '삼', '사', '오', '육', '칠', '팔', '구'];
const SINO_PLACES = [
  [1000, '천'],
  [100, '백'],
  [10, '십'],
  [1, ''],
] as const;
const SINO_BIG = ['', '만', '억', '조'];
/** Digit-by-digit codes read 0 as 공, as Koreans read phone and card numbers. */
const CODE_DIGITS = ['공', '일', '이', '삼', '사', '오', '육', '칠', '팔', '구'];
const NATIVE_ONES = ['', '한', '두', '세', '네', '다섯', '여섯', '일곱', '여덟', '아홉'];
const NATIVE_TENS = ['', '열', '스물', '서른', '마흔', '쉰', '예순', '일흔', '여든', '아흔'];
const CURRENCIES: Readonly<Record<string, string>> = {
  '₩': '원',
  $: '달러',
  US$: '달러',
  HK$: '홍콩 달러',
  'CN¥': '위안',
  '¥': '엔',
  '￥': '엔',
  '€': '유로',
  '£': '파운드',
};
/** Counters that take native Korean numbers (한 자리, 세 개, 두 시); 번, 원, 년, 월, 일, 분 take Sino-Korean ones. */
const NATIVE_COUNTER = /^\s*(?:자리|개|명|살|가지|시간|시(?!작)|장|마리|번째|달|군데|사람|잔|권|대|통|곳)/u;
/** Words a number right after which is a code read digit by digit. */
const CODE_BEFORE = /(?:번호|끝자리|코드|전화|계좌|예약)[은는이가:]?\s*$/u;
const QUANTITY_AFTER = /^\s*(?:[원번년월일시분초개명살장대층호]|달러|자리|가지|퍼센트)/u;
const SYMBOLS: Readonly<Record<string, string>> = {
  '#': ' 우물 정자 ',
  '*': ' 별표 ',
  '~': '에서 ',
  '～': '에서 ',
  '%': ' 퍼센트',
};

/**
 * Reads the numbers of Korean text aloud in Hangul: Sino-Korean by default (1번 → 일 번, 12,500원 → 만 이천오백 원,
 * 1990년 → 천구백구십 년), native Korean up to 99 before native counters (4자리 → 네 자리, 1번째 → 첫 번째), and
 * codes (a leading zero, a phone number, five digits and more without a counter, after 번호 or 끝자리) digit by
 * digit with 공 for 0.
 */
export function readKoreanNumbers(text: string): string {
  // NFKC folds full-width digits and signs (１번, ￦) into the ones the number finder reads.
  return mapNumbers(
    spellCodeLetters(text.normalize('NFKC')),
    (token, before, after) => [readToken(token, before, after)],
    (between) => [between.replace(/[#*~～%]/gu, (symbol) => SYMBOLS[symbol] ?? symbol)],
  ).join('');
}

/** 12500 → 만 이천오백, 10 → 십, 0 → 영: no 일 before a place, a space after each 만/억/조 group. */
export function koreanSinoNumber(digits: string): string {
  const trimmed = digits.replace(/^0+/u, '');
  if (trimmed === '') return SINO[0] ?? '영';
  if (trimmed.length > 16) return koreanDigits(trimmed);
  const words: string[] = [];
  const groups = Math.ceil(trimmed.length / 4);
  for (let i = groups - 1; i >= 0; i--) {
    const value = Number(trimmed.slice(Math.max(0, trimmed.length - 4 * (i + 1)), trimmed.length - 4 * i));
    if (value === 0) continue;
    // 만 alone means ten thousand; 억 and 조 keep their 일.
    const head = value === 1 && i === 1 ? '' : sinoSection(value);
    words.push(head + (SINO_BIG[i] ?? ''));
  }
  return words.join(' ');
}

/** 4 → 네, 20 → 스무, 21 → 스물한: the attributive native number before a counter, for 1–99 (else Sino-Korean). */
export function koreanNativeNumber(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 99) return koreanSinoNumber(String(value));
  if (value === 20) return '스무';
  return (NATIVE_TENS[Math.floor(value / 10)] ?? '') + (NATIVE_ONES[value % 10] ?? '');
}

/** "010" → 공일공. */
export function koreanDigits(digits: string): string {
  return [...digits].map((d) => CODE_DIGITS[Number(d)] ?? d).join('');
}

function sinoSection(value: number): string {
  let out = '';
  for (const [place, unit] of SINO_PLACES) {
    const digit = Math.floor(value / place) % 10;
    if (digit === 0) continue;
    out += (digit === 1 && unit !== '' ? '' : (SINO[digit] ?? '')) + unit;
  }
  return out;
}

function readToken(token: NumberToken, before: string, after: string): string {
  switch (token.kind) {
    case 'date':
      return `${koreanSinoNumber(token.year)}년 ${month(token.month)}월 ${koreanSinoNumber(token.day)}일`;
    case 'time': {
      // Native hours on a 12-hour reading (두 시), Sino-Korean on a 24-hour one (십사 시), as announcements do.
      const hour = Number(token.hour);
      const hours = hour >= 1 && hour <= 12 ? koreanNativeNumber(hour) : koreanSinoNumber(token.hour);
      return Number(token.minute) === 0 ? `${hours} 시` : `${hours} 시 ${koreanSinoNumber(token.minute)} 분`;
    }
    case 'digitGroups':
      return token.groups.map(koreanDigits).join(', ');
    case 'range': {
      // "1~4자리" → "한 자리에서 네 자리": the counter belongs to both ends.
      const counter = /^\s*([가-힣]+)/u.exec(after)?.[1] ?? '';
      const from = integer(token.from, before, after).trim();
      const to = integer(token.to, before, after).trim();
      return counter === '' ? `${from}에서 ${to}` : `${from} ${counter}에서 ${to} `;
    }
    case 'number': {
      if (token.plain) return integer(token.integer, before, after);
      const sign = token.sign === '' ? '' : token.sign === '-' ? '마이너스 ' : '플러스 ';
      const fraction = token.currency === '' ? token.fraction : token.fraction.replace(/0+$/u, '');
      const decimals = fraction === '' ? '' : ` 점 ${[...fraction].map((d) => SINO[Number(d)] ?? d).join('')}`;
      const unit = CURRENCIES[token.currency];
      return `${sign}${koreanSinoNumber(token.integer)}${decimals}${token.percent ? ' 퍼센트' : ''}${unit === undefined ? '' : ` ${unit}`}`;
    }
    default:
      return exhaustive(token);
  }
}

function integer(value: string, before: string, after: string): string {
  if (readsAsCode(value, before, after)) return koreanDigits(value);
  if (NATIVE_COUNTER.test(after) && Number(value) <= 99) {
    // 첫 번째, not 한 번째.
    return value === '1' && /^\s*번째/u.test(after) ? '첫 ' : `${koreanNativeNumber(Number(value))} `;
  }
  return `${koreanSinoNumber(value)}${QUANTITY_AFTER.test(after) ? ' ' : ''}`;
}

function readsAsCode(value: string, before: string, after: string): boolean {
  if (/[A-Za-z]\s?$/u.test(before) || /^[A-Za-z]/u.test(after)) return true;
  if (value.length > 1 && value.startsWith('0')) return true;
  if (CODE_BEFORE.test(before)) return true;
  if (QUANTITY_AFTER.test(after) || NATIVE_COUNTER.test(after)) return false;
  return value.length >= 5;
}

/** 6월 and 10월 lose their final consonant: 유월, 시월. */
function month(value: string): string {
  const n = Number(value);
  return n === 6 ? '유' : n === 10 ? '시' : koreanSinoNumber(value);
}
