import type { ExpressionFunctionName } from './expressionAst.ts';
import { looseEquals, toNumber, toText } from './expressionValues.ts';
import { isRecord } from '../isRecord.ts';

/** Environment the date functions read; injected so tests and sessions control time. */
export interface ExpressionEnvironment {
  /** Milliseconds since the epoch (default `Date.now`). */
  now?: () => number;
  /** IANA time zone `today()` is computed in (default `UTC`). */
  timeZone?: string;
}

type ExpressionFunction = (args: readonly unknown[], env: ExpressionEnvironment) => unknown;

const DAY_MS = 86_400_000;

/** The implementation of every whitelisted function; each returns `null` on arguments of the wrong type. */
export const expressionFunctions: Readonly<Record<ExpressionFunctionName, ExpressionFunction>> = {
  len: ([x]) => (typeof x === 'string' || Array.isArray(x) ? x.length : isRecord(x) ? Object.keys(x).length : null),
  lower: ([x]) => (typeof x === 'string' ? x.toLowerCase() : null),
  upper: ([x]) => (typeof x === 'string' ? x.toUpperCase() : null),
  trim: ([x]) => (typeof x === 'string' ? x.trim() : null),
  contains: ([haystack, needle]) => {
    if (typeof haystack === 'string') return haystack.includes(toText(needle));
    if (Array.isArray(haystack)) return haystack.some((item) => looseEquals(item, needle));
    return null;
  },
  startsWith: ([x, prefix]) => (typeof x === 'string' && typeof prefix === 'string' ? x.startsWith(prefix) : null),
  endsWith: ([x, suffix]) => (typeof x === 'string' && typeof suffix === 'string' ? x.endsWith(suffix) : null),
  number: ([x]) => toNumber(x),
  string: ([x]) => toText(x),
  round: ([x, digits]) => {
    const n = toNumber(x);
    const d = digits === undefined ? 0 : toNumber(digits);
    if (n === null || d === null || !Number.isInteger(d) || d < 0 || d > 10) return null;
    const factor = 10 ** d;
    return Math.round(n * factor) / factor;
  },
  floor: ([x]) => mapNumber(x, Math.floor),
  ceil: ([x]) => mapNumber(x, Math.ceil),
  abs: ([x]) => mapNumber(x, Math.abs),
  min: (args) => extreme(args, Math.min),
  max: (args) => extreme(args, Math.max),
  substr: ([x, start, length]) => {
    const from = toNumber(start);
    const count = length === undefined ? undefined : toNumber(length);
    if (typeof x !== 'string' || from === null || count === null) return null;
    const begin = Math.max(0, Math.trunc(from));
    return count === undefined ? x.slice(begin) : x.slice(begin, begin + Math.max(0, Math.trunc(count)));
  },
  last: ([x, n]) => {
    const count = n === undefined ? undefined : toNumber(n);
    if (count === null) return null;
    if (typeof x === 'string') return count === undefined ? x.slice(-1) : count <= 0 ? '' : x.slice(-Math.trunc(count));
    if (Array.isArray(x)) {
      if (count === undefined) return x.length === 0 ? null : (x[x.length - 1] ?? null);
      return count <= 0 ? [] : x.slice(-Math.trunc(count));
    }
    return null;
  },
  isEmpty: ([x]) =>
    x === null ||
    x === undefined ||
    x === '' ||
    (Array.isArray(x) && x.length === 0) ||
    (isRecord(x) && Object.keys(x).length === 0),
  now: (_args, env) => new Date(clock(env)).toISOString(),
  today: (_args, env) => calendarDate(clock(env), env.timeZone ?? 'UTC'),
  daysBetween: ([from, to]) => {
    const a = dayNumber(from);
    const b = dayNumber(to);
    return a === null || b === null ? null : b - a;
  },
};

function mapNumber(x: unknown, f: (n: number) => number): number | null {
  const n = toNumber(x);
  return n === null ? null : f(n);
}

function extreme(args: readonly unknown[], pick: (...values: number[]) => number): number | null {
  const flat = args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
  const numbers: number[] = [];
  for (const item of flat) {
    const n = toNumber(item);
    if (n === null) return null;
    numbers.push(n);
  }
  return numbers.length === 0 ? null : pick(...numbers);
}

function clock(env: ExpressionEnvironment): number {
  return env.now ? env.now() : Date.now();
}

function calendarDate(ms: number, timeZone: string): string | null {
  try {
    // en-CA formats as YYYY-MM-DD.
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
  } catch {
    // An unknown time zone is a type error like any other: the result is null.
    return null;
  }
}

/** Whole days since the epoch of a `YYYY-MM-DD` date or an ISO timestamp (UTC). */
function dayNumber(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const ms = date ? Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])) : Date.parse(value);
  return Number.isFinite(ms) ? Math.floor(ms / DAY_MS) : null;
}
