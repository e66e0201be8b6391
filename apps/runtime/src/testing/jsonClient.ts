/** A parsed API reply. */
export interface ApiReply {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON replies
  text: string;
}

/** Options of one call: a token (`null` for none), extra headers, or a raw body string. */
export interface CallOptions {
  token?: string | null;
  headers?: Record<string, string>;
  raw?: string;
}

/** A tiny JSON HTTP client for tests: `call(method, path, body?)` with a default bearer token. */
export function jsonClient(baseUrl: string, defaultToken: string | null) {
  return async function call(
    method: string,
    path: string,
    body?: unknown,
    options: CallOptions = {},
  ): Promise<ApiReply> {
    const token = options.token === undefined ? defaultToken : options.token;
    const headers: Record<string, string> = { ...options.headers };
    if (token !== null) headers['authorization'] = `Bearer ${token}`;
    const payload = body !== undefined ? JSON.stringify(body) : options.raw;
    if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      ...(payload !== undefined ? { body: payload } : {}),
    });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined; // not JSON (TwiML, HTML, metrics): tests read `text`
    }
    return { status: response.status, headers: response.headers, body: parsed, text };
  };
}
