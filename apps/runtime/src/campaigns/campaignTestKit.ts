import { buildTestFlow, en } from '@omniflow/flow-engine/testing';
import type { ApiReply } from '../testing/jsonClient.ts';

/** A short outbound reminder: greets the callee by the row's name, asks to press 1 to confirm (9 opts out). */
export const reminderFlow = buildTestFlow(
  [
    { id: 'start', type: 'start', to: { next: 'hello' } },
    { id: 'hello', type: 'message', config: { prompt: en('Hello {{name}}.') }, to: { next: 'ask' } },
    {
      id: 'ask',
      type: 'menu',
      config: {
        prompt: en('Press 1 to confirm.'),
        options: [
          { key: '1', label: { 'en-US': 'confirm' } },
          { key: '9', label: { 'en-US': 'stop' } },
        ],
        noMatch: { maxRetries: 0, reprompts: [] },
        noInput: { maxRetries: 0, reprompts: [] },
      },
      to: { '1': 'thanks', '9': 'bye', noMatch: 'bye', noInput: 'bye' },
    },
    { id: 'thanks', type: 'end', config: { prompt: en('Thank you.'), outcome: 'confirmed' } },
    { id: 'bye', type: 'end', config: { prompt: en('Goodbye.'), outcome: 'declined' } },
  ],
  { id: 'reminder', name: 'Reminder', variables: [{ name: 'name', type: 'string', default: '' }] },
);

/** A campaign body calling all day, every day, from an hour ago for a week, with the given pacing and rules. */
export function campaignBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Date.now();
  return {
    name: 'Reminders',
    flowId: 'reminder',
    locale: 'en-US',
    defaultRegion: 'US',
    schedule: {
      startAt: new Date(now - 3_600_000).toISOString(),
      endAt: new Date(now + 7 * 86_400_000).toISOString(),
      window: { start: '00:00', end: '24:00' },
    },
    pacing: { maxConcurrent: 4, callsPerSecond: 20 },
    ...overrides,
  };
}

type Api = (
  method: string,
  path: string,
  body?: unknown,
  options?: { raw?: string; headers?: Record<string, string> },
) => Promise<ApiReply>;

/** Creates and publishes {@link reminderFlow} through the API. */
export async function publishReminder(api: Api): Promise<void> {
  const created = await api('POST', '/api/flows', { flow: reminderFlow });
  if (created.status !== 201) throw new Error(`flow not created: ${created.text}`);
  const published = await api('POST', `/api/flows/${reminderFlow.id}/publish`, {});
  if (published.status !== 201) throw new Error(`flow not published: ${published.text}`);
}

/** Uploads CSV text as a campaign's list. */
export function uploadCsv(api: Api, id: string, csv: string, query = ''): Promise<ApiReply> {
  return api('PUT', `/api/campaigns/${id}/list${query}`, undefined, {
    raw: csv,
    headers: { 'content-type': 'text/csv' },
  });
}

/** Polls a campaign until `done(progress, status)` or the time runs out; answers the last reply body. */
export async function waitForCampaign(
  api: Api,
  id: string,
  done: (body: { campaign: { status: string }; progress: Record<string, number> }) => boolean,
  timeoutMs = 60_000,
): Promise<{ campaign: { status: string }; progress: Record<string, number> & { outcomes: Record<string, number> } }> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const reply = await api('GET', `/api/campaigns/${id}`);
    if (done(reply.body) || Date.now() > until) return reply.body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
