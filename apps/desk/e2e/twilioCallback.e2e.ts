import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../designer/e2e/support/launchChromium.ts';
import { startFakeTwilioRest } from '../../runtime/src/agents/voice/fakeTwilioRest.ts';
import { postAsTwilio } from '../../runtime/src/testing/postAsTwilio.ts';
import { startTestRuntime, type TestRuntime } from '../../runtime/src/testing/startTestRuntime.ts';
import { voiceQueueFlow } from '../../runtime/src/testing/testFlows.ts';
import { openPersonPage, signInToDesk } from './support/deskBrowser.ts';

// Issue 16, the callback dialer in the desk: a Twilio caller presses the callback key and keeps the place; the desk
// rings with a callback offer, shows the number masked, and its "Call back" places the call through Twilio's REST API
// (a local server speaking Twilio's REST contract stands in: Twilio is unreachable here), then holds and hangs up; the
// call's outcome, reported by Twilio's status callback, appears on the contact.
const deskDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ACCOUNT = 'ACf00dfeedf00dfeedf00dfeedf00dfeed';
const AUTH = 'desk-callback-auth-token';
const PUBLIC = 'https://omniflow.example.com';
const CALLER = '+15551230000';

let twilioApi: Awaited<ReturnType<typeof startFakeTwilioRest>>;
let t: TestRuntime;
let browser: Browser;
let agent: Page;
const pageErrors: string[] = [];

const twilio = (path: string, fields: Record<string, string>) =>
  postAsTwilio(`${t.url}${path}`, AUTH, fields, { signAs: `${PUBLIC}${path}` });

describe('an agent calls back a Twilio caller from the desk (issue 16)', () => {
  beforeAll(async () => {
    await build({ root: deskDir, configFile: join(deskDir, 'vite.config.ts'), logLevel: 'warn' });
    twilioApi = await startFakeTwilioRest({ accountSid: ACCOUNT, authToken: AUTH });
    t = await startTestRuntime(
      {
        TWILIO_AUTH_TOKEN: AUTH,
        OMNIFLOW_SECRET_TWILIO_ACCOUNT_SID: ACCOUNT,
        OMNIFLOW_SECRET_TWILIO_FROM_NUMBER: '+15005550006',
        OMNIFLOW_SECRET_TWILIO_API_BASE: twilioApi.base,
      },
      { publicUrl: PUBLIC },
    );
    await t.api('POST', '/api/flows', { flow: voiceQueueFlow('hold', 'support', 10) });
    await t.api('POST', '/api/flows/hold/publish', {});
    await t.api('PUT', '/api/queues/support', { name: 'Support', dispositions: ['resolved'], afterCallWorkSeconds: 0 });
    await t.api('PUT', '/api/agents/ana', {
      name: 'Ana Agent',
      login: 'ana',
      password: 'ana-password',
      languages: ['en'],
      queues: ['support'],
      phone: '+15550001111',
    });
    browser = await launchChromium();
    agent = await openPersonPage(browser, pageErrors);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await twilioApi?.close();
  });

  it('rings with a callback offer, shows the number masked, calls back, holds and hangs up', async () => {
    await signInToDesk(agent, t.url, 'ana', 'ana-password');
    const call = { AccountSid: ACCOUNT, CallSid: 'CAdeskcb1', From: CALLER, To: '+15559870000' };
    expect((await twilio('/twilio/voice/hold', call)).xml).toContain('<Enqueue');
    expect((await twilio('/twilio/queue/twilio-CAdeskcb1/key', { ...call, Digits: '1' })).xml).toContain('<Hangup/>');

    await agent.getByLabel('State').selectOption('available');
    const offer = agent.locator('.offer');
    await offer.locator('.callback-offer').waitFor({ timeout: 30_000 });
    await offer.getByRole('button', { name: 'Accept' }).click();
    const number = agent.locator('.voice-panel .callback');
    await number.waitFor();
    const shown = (await number.getAttribute('data-number')) ?? '';
    expect(shown).toContain('*');
    expect(await agent.content()).not.toContain(CALLER);

    await agent.getByRole('button', { name: 'Call back' }).click();
    await agent.locator('.twilio-leg[data-leg="live"][aria-busy="false"]').waitFor();
    expect(twilioApi.requests.map((r) => r.form['To'])).toEqual(['+15550001111', CALLER]);
    const customerCall = 'CA00000000000000000000000000000002';

    // Twilio reports that the customer answered and the call completed: the desk shows it on the contact.
    const status = { AccountSid: ACCOUNT, CallSid: customerCall, CallStatus: 'completed' };
    expect((await twilio('/twilio/queue/twilio-CAdeskcb1/callback-status', status)).status).toBe(204);
    await agent.getByText('callback: completed').waitFor();
    await agent.screenshot({ path: join(deskDir, '../../docs/desk-callback.png') });

    await agent.getByRole('button', { name: 'Hold' }).click();
    await agent.locator('.twilio-leg[data-leg="held"][aria-busy="false"]').waitFor();
    expect(twilioApi.requests.at(-1)).toMatchObject({ form: { Hold: 'true' } });
    await agent.getByRole('button', { name: 'Hang up' }).click();
    await agent.locator('form.wrap-up').waitFor();
    expect(twilioApi.requests.at(-1)).toEqual({
      method: 'POST',
      path: `${twilioApi.prefix}Calls/${customerCall}.json`,
      form: { Status: 'completed' },
    });
    expect(pageErrors).toEqual([]);
  });
});
