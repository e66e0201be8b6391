/** Whether a value is a plain JSON object (not an array, not null); narrows `unknown` without casts. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
