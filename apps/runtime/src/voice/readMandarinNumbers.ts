import { exhaustive } from '@omniflow/flow-schema';
import { mapNumbers, type NumberToken, spellCodeLetters } from './findNumbers.ts';

/**
 * A stretch of Mandarin text: as written, a number read as a numeral (一千二百三十四) or digits read one by one
 * (一二三四). The kind matters for tones: 一 is always yi1 as a digit, but changes tone inside words and numerals.
 */
export interface MandarinPiece {
  kind: 'text' | 'numeral' | 'digits';
  text: string;
}

const DIGITS = '零一二三四五六七八九';
const BIG_UNITS = ['', '万', '亿', '万亿'];
const CURRENCIES: Readonly<Record<string, string>> = {
  '¥': '元',
  '￥': '元',
  'CN¥': '元',
  $: '美元',
  US$: '美元',
  HK$: '港元',
  '€': '欧元',
  '£': '英镑',
  '₩': '韩元',
};
/** Words a number right after which is a code (a key, the last digits of a card, a phone number …), not a quantity. */
const CODE_BEFORE =
  /(?:按|拨打?|尾号|号码|卡号|账号|帐号|电话|手机|验证码|确认码|密码|编号|工号|航班|订单号?|预订号|代码)[为是：:\s]*$/u;
/** Units and measure words after which a number is a quantity, however long. */
const QUANTITY_AFTER = /^\s*(?:[元块角分秒万亿千百个位次种项张天年月日号点岁人名条笔件周]|美元|小时|分钟)/u;
/** Measure words before which 2 is 两. */
const LIANG_AFTER = /^\s*[个位次种项张天名条笔件周岁]/u;
const SYMBOLS: Readonly<Record<string, string>> = { '#': '井号', '*': '星号', '~': '到', '～': '到', '%': '百分之' };

/**
 * Reads the numbers of Mandarin text aloud: a number after a key or code word (请按1, 尾号1234), with a leading
 * zero, next to Latin letters or of five digits and more without a unit is a code read digit by digit; a four-digit
 * year before 年 too; anything else (amounts, counts, 1234) is a numeral, with 两 for 2 before a measure word.
 */
export function readMandarinNumbers(text: string): MandarinPiece[] {
  return mapNumbers<MandarinPiece>(spellCodeLetters(text), readToken, (between) => [
    { kind: 'text', text: between.replace(/[#*~～%]/gu, (symbol) => SYMBOLS[symbol] ?? symbol) },
  ]);
}

/** 1234 → 一千二百三十四, 10 → 十, 10010 → 一万零一十; beyond 16 digits, digit by digit. */
export function mandarinNumeral(digits: string): string {
  const trimmed = digits.replace(/^0+/u, '');
  if (trimmed === '') return '零';
  if (trimmed.length > 16) return mandarinDigits(trimmed);
  let out = '';
  let gap = false;
  const groups = Math.ceil(trimmed.length / 4);
  for (let i = groups - 1; i >= 0; i--) {
    const value = Number(trimmed.slice(Math.max(0, trimmed.length - 4 * (i + 1)), trimmed.length - 4 * i));
    if (value === 0) {
      gap = out !== '';
      continue;
    }
    // A skipped place between groups is spoken as one 零: 10005 → 一万零五.
    if (out !== '' && (gap || value < 1000)) out += '零';
    out += section(value) + BIG_UNITS[i];
    gap = false;
  }
  // 10–19 (and 十万 …) lead with 十, not 一十.
  return out.startsWith('一十') ? out.slice(1) : out;
}

/** "0108" → 零一零八. */
export function mandarinDigits(digits: string): string {
  return [...digits].map((d) => DIGITS[Number(d)] ?? d).join('');
}

function section(value: number): string {
  let out = '';
  let zero = false;
  for (const [place, unit] of [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
    [1, ''],
  ] as const) {
    const digit = Math.floor(value / place) % 10;
    if (digit === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += (DIGITS[digit] ?? '') + unit;
  }
  return out;
}

function readToken(token: NumberToken, before: string, after: string): MandarinPiece[] {
  switch (token.kind) {
    case 'date':
      return [
        digitPiece(token.year),
        textPiece('年'),
        numeralPiece(token.month),
        textPiece('月'),
        numeralPiece(token.day),
        textPiece('日'),
      ];
    case 'time': {
      const hour = token.hour === '2' || token.hour === '02' ? '两' : mandarinNumeral(token.hour);
      const minute = Number(token.minute);
      if (minute === 0) return [{ kind: 'numeral', text: hour }, textPiece('点')];
      const minutes: MandarinPiece[] =
        minute < 10 ? [textPiece('零'), digitPiece(token.minute.slice(1))] : [numeralPiece(token.minute)];
      return [{ kind: 'numeral', text: hour }, textPiece('点'), ...minutes, textPiece('分')];
    }
    case 'digitGroups':
      // A pause between groups, as people read a phone number.
      return token.groups.flatMap((group, i) => (i === 0 ? [digitPiece(group)] : [textPiece('，'), digitPiece(group)]));
    case 'range':
      return [...integer(token.from, before, after), textPiece('到'), ...integer(token.to, before, after)];
    case 'number': {
      if (token.plain) return integer(token.integer, before, after);
      const pieces: MandarinPiece[] = [];
      if (token.sign !== '') pieces.push(textPiece(token.sign === '-' ? '负' : '正'));
      if (token.percent) pieces.push(textPiece('百分之'));
      pieces.push(numeralPiece(token.integer));
      const fraction = token.currency === '' ? token.fraction : token.fraction.replace(/0+$/u, '');
      if (fraction !== '') pieces.push(textPiece('点'), digitPiece(fraction));
      const unit = CURRENCIES[token.currency];
      if (unit !== undefined) pieces.push(textPiece(unit));
      return pieces;
    }
    default:
      return exhaustive(token);
  }
}

function integer(value: string, before: string, after: string): MandarinPiece[] {
  if (readsAsCode(value, before, after)) return [digitPiece(value)];
  if (value === '2' && LIANG_AFTER.test(after) && !before.endsWith('第')) return [{ kind: 'numeral', text: '两' }];
  return [numeralPiece(value)];
}

function readsAsCode(value: string, before: string, after: string): boolean {
  if (/[A-Za-z]\s?$/u.test(before) || /^[A-Za-z]/u.test(after)) return true;
  if (value.length > 1 && value.startsWith('0')) return true;
  if (CODE_BEFORE.test(before)) return true;
  if (value.length === 4 && /^\s*年/u.test(after)) return true;
  if (QUANTITY_AFTER.test(after)) return false;
  return value.length >= 5;
}

function textPiece(value: string): MandarinPiece {
  return { kind: 'text', text: value };
}

function numeralPiece(value: string): MandarinPiece {
  return { kind: 'numeral', text: mandarinNumeral(value) };
}

function digitPiece(value: string): MandarinPiece {
  return { kind: 'digits', text: mandarinDigits(value) };
}
