/** An API error as the runtime answers it: `{ errors: [{ code, message, pointer }] }`. */
export class DeskApiError extends Error {
  override readonly name = 'DeskApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The JSON pointer of the field the runtime refused (`''`: the request as a whole). */
    readonly pointer = '',
  ) {
    super(message);
  }
}

/** Calls the runtime's API with the desk token; answers the parsed JSON (or `undefined` for 204). */
export async function deskCall<T>(token: string | null, method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (token) headers['authorization'] = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(15_000),
  });
  if (response.status === 204) return undefined as T;
  const json: unknown = await response.json();
  if (!response.ok) {
    const first = Array.isArray(Reflect.get(Object(json), 'errors'))
      ? Reflect.get(Object(json), 'errors')[0]
      : undefined;
    throw new DeskApiError(
      response.status,
      String(first?.code ?? 'HTTP'),
      String(first?.message ?? `HTTP ${response.status}`),
      String(first?.pointer ?? ''),
    );
  }
  return json as T;
}

/** A random id for a chat line: a resend after a reconnect carries the same id and is stored once. */
export function messageId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `a-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
