export { seededRandom } from '@omniflow/flow-schema/testing';

const STRINGS = [
  '',
  ' ',
  'null',
  '__proto__',
  'constructor',
  '{{secret:CORE_BANKING_API_KEY}}',
  '../../etc/passwd',
  '\u0000',
  '\ud800',
  '💥'.repeat(50),
  'x'.repeat(5000),
  '<script>',
  'zh-CN',
  'xx-YY',
  'chat',
  'dtmf',
  'voice',
  'hangup',
  'text',
  'start',
  'input',
];
const KEYS = [
  'flow',
  'id',
  'nodes',
  'edges',
  'type',
  'input',
  'text',
  'digits',
  'flowId',
  'channel',
  'locale',
  'callerData',
  'draft',
  'revision',
  'version',
  'role',
  'label',
  'note',
  '__proto__',
  'constructor',
  'prototype',
  'sessionId',
  'event',
  'media',
  'start',
];

/** One generated JSON value: wrong types, boundary numbers, known keys with hostile values, and deep or wide nesting. */
export function badValue(random: () => number, depth = 0): unknown {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const roll = random();
  if (depth > 4 || roll < 0.3)
    return pick<unknown>([null, true, false, 0, -1, 1e308, -0, 2 ** 53 + 1, 0.5, ...STRINGS]);
  if (roll < 0.45) return Array.from({ length: Math.floor(random() * 6) }, () => badValue(random, depth + 1));
  if (roll < 0.5) return nested(Math.floor(random() * 300) + 50);
  const out: Record<string, unknown> = {};
  for (let i = Math.floor(random() * 6); i > 0; i -= 1) out[pick(KEYS)] = badValue(random, depth + 1);
  return out;
}

/** One request body as text: mostly generated JSON, sometimes broken JSON, an empty body or a huge one. */
export function badBody(random: () => number): string {
  const roll = random();
  if (roll < 0.08) return '{"flow": {"id": "x", ';
  if (roll < 0.12) return '';
  if (roll < 0.15) return `{"a":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
  if (roll < 0.18) return JSON.stringify({ flow: { id: 'big', name: 'y'.repeat(2_000_000) } });
  return JSON.stringify(badValue(random));
}

function nested(levels: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i += 1) value = i % 2 === 0 ? [value] : { a: value };
  return value;
}

/** A generated value as one URL path segment (lone surrogates dropped: they have no UTF-8 form). */
export function badPathSegment(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined');
  return encodeURIComponent(
    Array.from(text)
      .filter((c) => !/^[\ud800-\udfff]$/.test(c))
      .join(''),
  );
}
