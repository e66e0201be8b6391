/** One lexical token of an expression. */
export type ExpressionToken =
  | { type: 'number'; value: number; offset: number; end: number }
  | { type: 'string'; value: string; offset: number; end: number }
  | { type: 'identifier'; value: string; offset: number; end: number }
  | { type: 'operator'; value: string; offset: number; end: number }
  | { type: 'eof'; value: ''; offset: number; end: number };

/** A tokenizer failure with the offending offset and what to do about it. */
export interface ExpressionSyntaxError {
  message: string;
  offset: number;
}

// Longest first so `<=` wins over `<`.
const OPERATORS = [
  '&&',
  '||',
  '==',
  '!=',
  '<=',
  '>=',
  '!',
  '-',
  '+',
  '*',
  '/',
  '%',
  '<',
  '>',
  '?',
  ':',
  '(',
  ')',
  '[',
  ']',
  '.',
  ',',
];

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };

/** Splits an expression into tokens (ending with an `eof` token), or reports the first lexical error. */
export function tokenizeExpression(
  src: string,
): { ok: true; tokens: ExpressionToken[] } | { ok: false; error: ExpressionSyntaxError } {
  const tokens: ExpressionToken[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src.charAt(i);
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (isDigit(ch) || (ch === '.' && isDigit(src.charAt(i + 1)))) {
      const match = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i));
      const text = match ? match[0] : ch;
      if (isIdentifierStart(src.charAt(i + text.length))) {
        return fail(
          `unexpected "${src.charAt(i + text.length)}" after the number ${text}; put an operator or a space between them`,
          i + text.length,
        );
      }
      tokens.push({ type: 'number', value: Number(text), offset: i, end: i + text.length });
      i += text.length;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const read = readString(src, i, ch);
      if (!read.ok) return read;
      tokens.push({ type: 'string', value: read.value, offset: i, end: read.end });
      i = read.end;
      continue;
    }
    if (isIdentifierStart(ch)) {
      let end = i + 1;
      while (end < src.length && /[A-Za-z0-9_$]/.test(src.charAt(end))) end++;
      tokens.push({ type: 'identifier', value: src.slice(i, end), offset: i, end });
      i = end;
      continue;
    }
    if (src.startsWith('===', i) || src.startsWith('!==', i)) {
      return fail(
        `"${src.slice(i, i + 3)}" is not supported; use "${src.slice(i, i + 2)}" (numbers and numeric strings compare equal)`,
        i,
      );
    }
    const op = OPERATORS.find((candidate) => src.startsWith(candidate, i));
    if (op === undefined) {
      const hint =
        ch === '='
          ? '; use == to compare (assignments are made by a set node)'
          : ch === '&' || ch === '|'
            ? `; use ${ch}${ch}`
            : '';
      return fail(`unexpected character "${ch}"${hint}`, i);
    }
    tokens.push({ type: 'operator', value: op, offset: i, end: i + op.length });
    i += op.length;
  }
  tokens.push({ type: 'eof', value: '', offset: src.length, end: src.length });
  return { ok: true, tokens };
}

function readString(
  src: string,
  start: number,
  quote: string,
): { ok: true; value: string; end: number } | { ok: false; error: ExpressionSyntaxError } {
  let value = '';
  let i = start + 1;
  while (i < src.length) {
    const ch = src.charAt(i);
    if (ch === quote) return { ok: true, value, end: i + 1 };
    if (ch === '\\') {
      const next = src.charAt(i + 1);
      const escaped = ESCAPES[next];
      if (escaped === undefined) {
        return fail(`unknown escape "\\${next}" in a string; use \\\\ for a backslash`, i);
      }
      value += escaped;
      i += 2;
      continue;
    }
    value += ch;
    i++;
  }
  return fail(`string starting here is not closed; add a closing ${quote}`, start);
}

function fail(message: string, offset: number): { ok: false; error: ExpressionSyntaxError } {
  return { ok: false, error: { message, offset } };
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

function isIdentifierStart(ch: string): boolean {
  return /[A-Za-z_$]/.test(ch);
}
