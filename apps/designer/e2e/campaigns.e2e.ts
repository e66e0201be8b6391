import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { reminderFlow } from '../../runtime/src/campaigns/campaignTestKit.ts';
import { CAMPAIGN_MESSAGES } from '../src/campaigns/campaignMessages.ts';
import { createFlow, openDesigner, type DesignerSession } from './support/openDesigner.ts';
import type { Stack } from './support/startStack.ts';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');
let session: DesignerSession | undefined;
let stack: Stack;
let page: Page;
const pageErrors: string[] = [];

// Issue #18, point 5: an analyst creates a campaign, uploads its list, runs it on the line simulator and exports it.
describe('campaigns page', () => {
  beforeAll(async () => {
    // Simulated lines ring briefly and calls run at four times real time, so the small campaign ends in seconds.
    process.env['OMNIFLOW_SIMULATOR_RING_MS'] = '100';
    process.env['OMNIFLOW_SIMULATOR_SPEED'] = '4';
    session = await openDesigner(pageErrors);
    ({ stack, page } = session);
    await createFlow(stack, reminderFlow);
    const published = await fetch(`${stack.url}/api/flows/${reminderFlow.id}/publish`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    if (published.status !== 201) throw new Error(`publishing the test flow failed: ${await published.text()}`);
    await page.goto(`${stack.url}/#/`);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('creates a campaign, previews its list with row errors, runs it on the line simulator and exports the results', async () => {
    await page.getByRole('link', { name: 'Campaigns' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Payment reminders');
    await page.getByLabel('Calls from (local time)').fill('00:00');
    await page.getByLabel('Calls until (local time)').fill('23:59');
    for (const checkbox of await page.locator('.campaign-days input[type="checkbox"]').all()) await checkbox.check();
    await page.getByLabel('Lines (max concurrent calls)').fill('3');
    await page.getByLabel('Calls per second').fill('5');
    // Busy: one attempt only, so the small campaign finishes instead of retrying in half an hour.
    await page.locator('.campaign-rule').first().getByLabel('attempts').fill('1');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.locator('.campaign-detail').waitFor();

    const csv = [
      'name,phone,sim',
      'Ann,+14155550101,press:1',
      'Bob,(415) 555-0102,busy',
      'Cid,12345,press:1',
      'Dee,+1 415 555 0101,press:1',
      'Eve,+14155550105,press:9',
    ].join('\n');
    await page.locator('.campaign-upload input[type="file"]').setInputFiles({
      name: 'reminders.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect
      .poll(() => page.locator('.campaign-list-report').textContent())
      .toContain('3 contacts ready, 2 rows left out');
    const problems = await page.locator('.campaign-row-problems tbody tr').allTextContents();
    expect(problems).toEqual([
      expect.stringMatching(/^4Not a valid phone number Line 4: "12345" is not a valid phone number/),
      expect.stringMatching(/^5Duplicate number Line 5: \+14155550101 is already on line 2/),
    ]);
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect.poll(() => page.locator('.campaign-progress-text').textContent()).toBe('0 of 3 contacts finished');

    await page.getByRole('button', { name: 'Start' }).click();
    await expect
      .poll(() => page.locator('.campaign-detail').getAttribute('data-status'), { timeout: 90_000 })
      .toBe('completed');
    await expect.poll(() => page.locator('.campaign-progress-text').textContent()).toBe('3 of 3 contacts finished');
    expect(await page.locator('[data-count="connected"]').textContent()).toBe('2');
    // The charts are ECharts canvases (the insights dashboards' component) over the outcomes and the call results.
    await page.getByTestId('campaign-chart-outcomes').locator('canvas').waitFor();
    await page.getByTestId('campaign-chart-callResults').locator('canvas').waitFor();
    expect(await page.locator('.campaign-chart').first().getAttribute('data-series')).toBe('busy,completed,optedOut');
    expect(await page.locator('.campaign-chart').nth(1).getAttribute('data-series')).toBe('busy,completed');
    expect(await page.locator('.campaign-results tbody tr').count()).toBe(3);
    await page.locator('.campaigns-page').evaluate((element) => element.scrollTo(0, 0));
    await page.screenshot({ path: join(repoRoot, 'docs/campaigns.png') });

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await (await download).path();
    const exported = readFileSync(file, 'utf8');
    expect(exported).toContain('"+14155550105","done","1","completed","optedOut"');
    expect(pageErrors).toEqual([]);
  });

  // The same page in Chinese and Korean: the form, the row errors, start, pause, resume, stop and the results.
  for (const language of ['zh-CN', 'ko'] as const)
    it(`runs the campaign lifecycle with its controls in ${language}`, async () => {
      const m = CAMPAIGN_MESSAGES[language];
      const fill = (template: string, values: Record<string, string | number>) =>
        Object.entries(values).reduce((text, [name, value]) => text.replaceAll(`{${name}}`, String(value)), template);
      await page.evaluate((l) => localStorage.setItem('omniflow.uiLanguage', l), language);
      await page.goto(`${stack.url}/#/campaigns`);
      await page.reload();
      await page.getByRole('heading', { name: m.campaigns, exact: true }).waitFor();
      await page.getByLabel(m.name, { exact: true }).fill(`Survey ${language}`);
      await page.getByLabel(m.windowStart).fill('00:00');
      await page.getByLabel(m.windowEnd).fill('23:59');
      for (const checkbox of await page.locator('.campaign-days input[type="checkbox"]').all()) await checkbox.check();
      // One line at one call a second: the campaign is still calling when it is paused.
      await page.getByLabel(m.maxConcurrent).fill('1');
      await page.getByLabel(m.callsPerSecond).fill('1');
      await page.getByRole('button', { name: m.create, exact: true }).click();
      await page.locator('.campaign-detail[data-status="draft"]').waitFor();
      const csv = ['name,phone,sim', ...[1, 2, 3, 4, 5, 6].map((i) => `P${i},+1415555020${i},press:1`), 'Bad,,press:1'];
      await page.locator('.campaign-upload input[type="file"]').setInputFiles({
        name: 'survey.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv.join('\n')),
      });
      await page.getByRole('button', { name: m.preview, exact: true }).click();
      await expect
        .poll(() => page.locator('.campaign-list-report').textContent())
        .toContain(fill(m.contactsReady.split('{encoding}')[0] ?? '', { count: 6, problems: 1 }));
      expect(await page.locator('.campaign-row-problems tbody tr td strong').allTextContents()).toEqual([
        m.problem_NO_PHONE,
      ]);
      await page.getByRole('button', { name: m.upload, exact: true }).click();
      await expect
        .poll(() => page.locator('.campaign-progress-text').textContent())
        .toBe(fill(m.progress, { finished: 0, contacts: 6 }));

      const detail = page.locator('.campaign-detail');
      const status = () => detail.locator('h2 .campaign-status').textContent();
      await page.getByRole('button', { name: m.start, exact: true }).click();
      await expect.poll(status).toBe(m.status_running);
      await expect.poll(() => page.locator('[data-count="attempts"]').textContent()).not.toBe('0');
      await page.getByRole('button', { name: m.pause, exact: true }).click();
      await expect.poll(status).toBe(m.status_paused);
      await page.getByRole('button', { name: m.resume, exact: true }).click();
      await expect.poll(status).toBe(m.status_running);
      await page.getByRole('button', { name: m.stop, exact: true }).click();
      await expect.poll(status).toBe(m.status_stopped);
      // Whoever was not called yet is finished as stopped; the call on the line ends on its own.
      await expect
        .poll(() => page.locator('.campaign-results td[data-state]').allTextContents(), { timeout: 30_000 })
        .toEqual(Array(6).fill(m.state_done));
      const outcomes = await page.locator('.campaign-results td[data-outcome]').allTextContents();
      expect(outcomes).toContain(m.result_stopped);
      expect(outcomes).toContain(m.result_completed);
      expect(await page.getByText(m.results).count()).toBe(1);
      expect(await page.locator('.campaign-chart figcaption').allTextContents()).toEqual([m.outcomes, m.callResults]);
      await page.getByTestId('campaign-chart-outcomes').locator('canvas').waitFor();
      expect(await page.locator('.campaign-chart').first().getAttribute('data-series')).toContain('stopped');
      expect(pageErrors).toEqual([]);
    });
});
