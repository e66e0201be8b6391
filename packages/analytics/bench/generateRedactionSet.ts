import { writeFileSync } from 'node:fs';
import { seededRandom } from '@omniflow/flow-schema/testing';
import { isLuhnValid } from '../src/redaction/detectCards.ts';
import type { RedactionEntityType } from '../src/redaction/redactionEntity.ts';

// Writes data/redactionSet.jsonl: sentences with valid cards and IDs (checksums computed here, from a fixed seed so the
// file is reproducible) and hard negatives that must stay intact. Run: pnpm --filter @omniflow/analytics redaction-set

const random = seededRandom(17);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const digits = (count: number): string =>
  Array.from({ length: count }, () => String(Math.floor(random() * 10))).join('');
const between = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

interface Expected {
  readonly type: RedactionEntityType;
  readonly start: number;
  readonly end: number;
}
interface Row {
  readonly text: string;
  readonly locale: string;
  readonly kind: 'positive' | 'hardNegative';
  readonly entities: readonly Expected[];
}

/** `template` holds `{}` where the value goes. */
function row(
  locale: string,
  template: string,
  values: readonly { type: RedactionEntityType; value: string }[],
  kind: Row['kind'] = 'positive',
): Row {
  const parts = template.split('{}');
  let text = parts[0] ?? '';
  const entities: Expected[] = [];
  values.forEach(({ type, value }, index) => {
    entities.push({ type, start: text.length, end: text.length + value.length });
    text += value + (parts[index + 1] ?? '');
  });
  return { text, locale, kind, entities: kind === 'positive' ? entities : [] };
}

function luhnComplete(prefix: string, length: number): string {
  const body = prefix + digits(length - prefix.length - 1);
  for (let check = 0; check < 10; check++) if (isLuhnValid(body + check)) return body + check;
  throw new Error('unreachable: one check digit always completes a Luhn number');
}

function cardNumber(): string {
  const [prefix, length] = pick([
    ['4', 16],
    ['4', 13],
    ['51', 16],
    ['55', 16],
    ['2221', 16],
    ['34', 15],
    ['37', 15],
    ['6011', 16],
    ['35', 16],
    ['62', 16],
    ['62', 19],
    ['9410', 16],
  ] as const);
  return luhnComplete(prefix, length);
}

function formatCard(number: string): string {
  const style = between(0, 5);
  if (style === 0) return number;
  if (style === 1) return number.replace(/(\d{4})(?=\d)/gu, '$1 ');
  if (style === 2) return number.replace(/(\d{4})(?=\d)/gu, '$1-');
  if (style === 3) return number.replace(/(\d{4})(?=\d)/gu, '$1  ');
  if (style === 4) return number.split('').join(' ');
  return number.length === 15
    ? `${number.slice(0, 4)} ${number.slice(4, 10)} ${number.slice(10)}`
    : number.replace(/(\d{4})(?=\d)/gu, '$1 ');
}

const fullWidth = (text: string): string =>
  text.replace(/[0-9]/gu, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

function birthDate(from: number, to: number): [number, number, number] {
  const year = between(from, to);
  const month = between(1, 12);
  return [year, month, between(1, new Date(Date.UTC(year, month, 0)).getUTCDate())];
}

function chineseId(valid = true): string {
  const [year, month, day] = birthDate(1940, 2008);
  const body =
    pick(['110101', '310104', '440305', '510107', '330106', '420111', '370202']) +
    year +
    pad(month) +
    pad(day) +
    digits(3);
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(body[i]), 0);
  const check = '10X98765432'[sum % 11] ?? '0';
  if (valid) return body + check;
  const wrong = '0123456789'.split('').filter((d) => d !== check);
  return body + pick(wrong);
}

function koreanRrn(options: { dash: boolean; postReform?: boolean; valid?: boolean }): string {
  const [year, month, day] = options.postReform === true ? birthDate(2021, 2025) : birthDate(1940, 2019);
  const sex = year >= 2000 ? pick(['3', '4']) : pick(['1', '2']);
  const front = pad(year % 100) + pad(month) + pad(day);
  let back: string;
  if (options.postReform === true) back = sex + digits(6);
  else {
    const body = front + sex + digits(5);
    const weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
    const sum = weights.reduce((total, weight, i) => total + weight * Number(body[i]), 0);
    const check = (11 - (sum % 11)) % 10;
    back = body.slice(6) + String(options.valid === false ? (check + between(1, 9)) % 10 : check);
  }
  return front + (options.dash ? '-' : '') + back;
}

const rows: Row[] = [];
const cardTemplates: readonly (readonly [string, string])[] = [
  ['en', 'My card number is {} and it expires next year.'],
  ['en', 'Sure, the card is {}'],
  ['en', 'I typed {} but the payment was declined'],
  ['zh-CN', '我的卡号是{}，请帮我查一下。'],
  ['zh-CN', '卡号 {} 被冻结了'],
  ['ko-KR', '카드 번호는 {}입니다.'],
  ['ko-KR', '제 카드 {} 정지해 주세요'],
];
for (let i = 0; i < 70; i++) {
  const [locale, template] = pick(cardTemplates);
  const formatted = formatCard(cardNumber());
  rows.push(
    row(locale, template, [
      { type: 'card', value: locale === 'zh-CN' && i % 5 === 0 ? fullWidth(formatted) : formatted },
    ]),
  );
}
const cnTemplates = ['我的身份证号是{}。', '身份证{}，姓名张伟', 'My Chinese ID is {}.', '证件号码：{}'];
for (let i = 0; i < 40; i++) {
  const id = chineseId();
  const written =
    i % 7 === 3 ? `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}` : i % 9 === 4 ? id.toLowerCase() : id;
  rows.push(row(pick(['zh-CN', 'en']), pick(cnTemplates), [{ type: 'cn_id', value: written }]));
}
const krTemplates = [
  '주민등록번호는 {}입니다.',
  '주민번호 {} 맞아요',
  'My resident registration number is {}',
  '본인 확인: {}',
];
for (let i = 0; i < 40; i++) {
  const rrn = koreanRrn({ dash: i % 3 !== 0, postReform: i % 4 === 1 });
  rows.push(row('ko-KR', pick(krTemplates), [{ type: 'kr_rrn', value: rrn }]));
}
const phones: readonly (readonly [string, () => string])[] = [
  ['en', () => `(${pick(['212', '415', '646', '312', '617'])}) ${between(200, 999)}-${digits(4)}`],
  ['en', () => `+1 ${pick(['212', '415', '646'])} ${between(200, 999)} ${digits(4)}`],
  ['zh-CN', () => `1${pick(['38', '39', '58', '86', '37'])}${digits(8)}`],
  ['zh-CN', () => `+86 1${pick(['38', '59', '86'])} ${digits(4)} ${digits(4)}`],
  ['zh-CN', () => `010-${between(6000, 8999)}${digits(4)}`],
  ['ko-KR', () => `010-${between(2000, 9999)}-${digits(4)}`],
  ['ko-KR', () => `02-${between(200, 999)}-${digits(4)}`],
  ['ko-KR', () => `+82 10-${between(2000, 9999)}-${digits(4)}`],
  ['en', () => `+44 20 7946 ${digits(4)}`],
];
const phoneTemplates: Readonly<Record<string, string>> = {
  en: 'You can reach me at {} after six.',
  'zh-CN': '我的电话是{}，谢谢',
  'ko-KR': '연락처는 {}입니다',
};
for (let i = 0; i < 36; i++) {
  const [locale, make] = pick(phones);
  rows.push(row(locale, phoneTemplates[locale] ?? '{}', [{ type: 'phone', value: make() }]));
}
for (let i = 0; i < 15; i++) {
  const email = `${pick(['wei.zhang', 'minji.kim', 'j.smith', 'support+vip', 'lee_hyun'])}${between(1, 99)}@${pick(['example.com', 'mail.example.cn', 'example.co.kr'])}`;
  rows.push(
    row(pick(['en', 'zh-CN', 'ko-KR']), pick(['Send it to {} please', '邮箱是{}', '이메일 {} 로 보내주세요']), [
      { type: 'email', value: email },
    ]),
  );
}
for (let i = 0; i < 10; i++) {
  rows.push(row('en', 'The account ACC-{} was debited', [{ type: 'account', value: `ACC-${digits(8)}` }]));
}
const mixedCard = formatCard(cardNumber());
rows.push(
  row('en', 'Card {} and phone {} please', [
    { type: 'card', value: mixedCard },
    { type: 'phone', value: '(415) 555-2671' },
  ]),
);

const negatives: string[] = [];
for (let i = 0; i < 25; i++) {
  let order = digits(between(13, 19));
  while (isLuhnValid(order)) order = digits(order.length);
  negatives.push(
    pick([`Order ${order} has not arrived`, `订单号${order}还没到`, `주문번호 ${order} 배송 조회해 주세요`]),
  );
}
for (let i = 0; i < 10; i++) {
  let bad = chineseId(false);
  while (isLuhnValid(bad)) bad = chineseId(false);
  negatives.push(`证件号${bad}好像输错了`);
}
for (let i = 0; i < 10; i++) {
  let bad = koreanRrn({ dash: false, valid: false });
  while (isLuhnValid(bad)) bad = koreanRrn({ dash: false, valid: false });
  negatives.push(`번호 ${bad} 확인 부탁해요`);
}
const [y, m, d] = birthDate(2000, 2030);
negatives.push(
  `The payment on ${y}-${pad(m)}-${pad(d)} was $1,234.56`,
  `我在${y}年${m}月${d}日转了¥12,000.00`,
  `${y}.${pad(m)}.${pad(d)}에 1,250,000원이 출금됐어요`,
  `Due ${pad(m)}/${pad(d)}/${y} at 14:30`,
  `会议在${y}${pad(m)}${pad(d)} 下午3点`,
  '오후 3시 30분에 전화 주세요',
  'Reference REF-2024-000123 and ticket TKT#88412',
  '参考编号AB-2291，金额3,500元',
  'The total is 12,345,678.90 USD',
  'Call between 9:00 and 17:30, Monday to Friday',
  '금리는 연 3.75%이고 한도는 5,000,000원이에요',
  '转账流水号 20240517143000123',
  'Tracking 1Z999AA10123456784 is stuck',
  'Invoice INV-000045612 for 2 items',
  'My postcode is 100-0001 and my flat is 12B',
  '쿠폰 코드 XK92-PL01-ZZ77 입력했어요',
  'Version 2.14.3 of the app crashes',
  'Amount: 4,111,111.00 CNY',
  '13:45:07 the call dropped',
  'ISBN 978-3-16-148410-0 is the book',
);
for (const text of negatives)
  rows.push({
    text,
    locale: /[\uac00-\ud7a3]/u.test(text) ? 'ko-KR' : /[\u4e00-\u9fff]/u.test(text) ? 'zh-CN' : 'en',
    kind: 'hardNegative',
    entities: [],
  });

const file = new URL('../data/redactionSet.jsonl', import.meta.url);
writeFileSync(file, rows.map((entry) => JSON.stringify(entry)).join('\n') + '\n');
console.log(
  `wrote ${rows.length} rows (${rows.filter((r) => r.kind === 'positive').length} positive) to ${file.pathname}`,
);
