/** A socket message's JSON object, or `undefined` when the text is not JSON or not an object. */
export function parseJsonObject(text: string): object | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return typeof value === 'object' && value !== null ? value : undefined;
}
