/** A Twilio account as the runtime calls its REST API (secrets `TWILIO_ACCOUNT_SID`, `TWILIO_AUTH_TOKEN`). */
export interface TwilioAccount {
  accountSid: string;
  authToken: string;
  /** Defaults to Twilio's REST API; tests point it at a local server speaking the same contract. */
  apiBase?: string;
  /** Timeout of one REST request, in ms. */
  requestTimeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * POSTs a form to a resource of the account (`Calls.json`, `Conferences/{sid}/Participants/{callSid}.json`, …) with
 * Basic auth, as Twilio's REST API expects, and answers its JSON; a non-2xx answer throws with Twilio's message and
 * code.
 */
export async function twilioPost(
  account: TwilioAccount,
  resource: string,
  form: Record<string, string>,
  signal: AbortSignal = new AbortController().signal,
): Promise<Record<string, unknown>> {
  const { accountSid, authToken } = account;
  const url = `${account.apiBase ?? 'https://api.twilio.com'}/2010-04-01/Accounts/${accountSid}/${resource}`;
  const response = await (account.fetch ?? fetch)(url, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(form).toString(),
    signal: AbortSignal.any([signal, AbortSignal.timeout(account.requestTimeoutMs ?? 15_000)]),
  });
  const body: unknown = await response.json().catch(() => ({}));
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  if (!response.ok)
    throw new Error(
      `Twilio ${resource} answered ${response.status}: ${String(record['message'] ?? 'no message')} (code ${String(record['code'] ?? '?')})`,
    );
  return record;
}

/**
 * The account from the runtime's secrets, or undefined when its SID or auth token is missing. `TWILIO_API_BASE`
 * points the client at another server speaking Twilio's REST contract (the tests' local one).
 */
export function twilioAccountOf(secrets: (name: string) => string | undefined): TwilioAccount | undefined {
  const accountSid = secrets('TWILIO_ACCOUNT_SID');
  const authToken = secrets('TWILIO_AUTH_TOKEN');
  const apiBase = secrets('TWILIO_API_BASE');
  if (!accountSid || !authToken) return undefined;
  return { accountSid, authToken, ...(apiBase ? { apiBase: apiBase.replace(/\/$/, '') } : {}) };
}
