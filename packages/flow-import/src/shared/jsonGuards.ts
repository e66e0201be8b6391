import { isRecord } from '@omniflow/flow-schema';

/** A plain JSON object. */
export type JsonRecord = Record<string, unknown>;

/** The object at `key`, or an empty object when absent or of another type. */
export function recordAt(source: unknown, key: string): JsonRecord {
  if (!isRecord(source)) return {};
  const value = source[key];
  return isRecord(value) ? value : {};
}

/** The array at `key`, or an empty array when absent or of another type. */
export function arrayAt(source: unknown, key: string): unknown[] {
  if (!isRecord(source)) return [];
  const value = source[key];
  return Array.isArray(value) ? value : [];
}

/** The string at `key` (numbers and booleans are stringified, exports store them either way), else undefined. */
export function stringAt(source: unknown, key: string): string | undefined {
  if (!isRecord(source)) return undefined;
  const value = source[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** The number at `key`, accepting numeric strings (`"10"`) as exports often store them; else undefined. */
export function numberAt(source: unknown, key: string): number | undefined {
  if (!isRecord(source)) return undefined;
  const value = source[key];
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

/** The boolean at `key`, accepting `"True"`/`"false"` strings; else undefined. */
export function booleanAt(source: unknown, key: string): boolean | undefined {
  if (!isRecord(source)) return undefined;
  const value = source[key];
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const lowered = value.trim().toLowerCase();
    if (lowered === 'true') return true;
    if (lowered === 'false') return false;
  }
  return undefined;
}
