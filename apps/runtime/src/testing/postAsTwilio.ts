import { createHmac } from 'node:crypto';

/**
 * Posts form fields the way Twilio does, signed per Twilio's documented algorithm (HMAC-SHA1 of the URL and the
 * sorted fields, computed here independently of the runtime); `tamper` changes `Digits` after signing; `signAs` is the
 * URL Twilio knows the runtime by (its public URL), when that is not the URL posted to.
 */
export async function postAsTwilio(
  url: string,
  authToken: string,
  fields: Record<string, string>,
  options: { sign?: boolean; tamper?: boolean; signAs?: string } = {},
): Promise<{ status: number; type: string; xml: string }> {
  const payload = Object.keys(fields)
    .toSorted()
    .map((k) => k + fields[k])
    .join('');
  const signature = createHmac('sha1', authToken)
    .update((options.signAs ?? url) + payload)
    .digest('base64');
  const body = new URLSearchParams(fields);
  if (options.tamper) body.set('Digits', '9');
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (options.sign ?? true) headers['x-twilio-signature'] = signature;
  const response = await fetch(url, { method: 'POST', headers, body: body.toString() });
  return { status: response.status, type: response.headers.get('content-type') ?? '', xml: await response.text() };
}
