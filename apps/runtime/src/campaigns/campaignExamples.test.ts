import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../testing/startTestRuntime.ts';

const examples = fileURLToPath(new URL('../../../../examples/campaigns/', import.meta.url));
const read = (path: string) => readFileSync(`${examples}${path}`);

let t: TestRuntime;
beforeAll(async () => {
  t = await startTestRuntime();
});
afterAll(async () => t?.close());

// Issue #18: the example campaigns load as they ship — flow published, settings accepted, lists read.
describe('example campaigns', () => {
  for (const name of ['payment-reminder', 'satisfaction-survey']) {
    it(`${name}: its flow publishes, its settings are accepted and its list is read without problems`, async () => {
      const flow = JSON.parse(read(`${name}/flow.json`).toString());
      expect((await t.api('POST', '/api/flows', { flow })).status).toBe(201);
      expect((await t.api('POST', `/api/flows/${flow.id}/publish`, {})).status).toBe(201);
      const created = await t.api('POST', '/api/campaigns', JSON.parse(read(`${name}/campaign.json`).toString()));
      expect({ status: created.status, errors: created.body.errors }).toEqual({ status: 201, errors: undefined });
      const list = await t.api('PUT', `/api/campaigns/${created.body.campaign.id}/list`, undefined, {
        raw: read(`${name}/contacts.csv`).toString(),
        headers: { 'content-type': 'text/csv' },
      });
      expect(list.body.problems).toEqual([]);
      expect(list.body.contactCount).toBeGreaterThan(1);
    });
  }

  it('reads the GBK and EUC-KR lists of the payment reminder by detection', async () => {
    for (const [file, region, encoding, first] of [
      ['contacts-zh-CN.gbk.csv', 'CN', 'gbk', '王芳'],
      ['contacts-ko-KR.euc-kr.csv', 'KR', 'euc-kr', '김민수'],
    ] as const) {
      const response = await fetch(`${t.url}/api/campaigns/lists/preview?region=${region}`, {
        method: 'POST',
        headers: { authorization: 'Bearer test-admin-token-0123456789', 'content-type': 'application/octet-stream' },
        body: read(`payment-reminder/${file}`),
      });
      const body = (await response.json()) as { contacts: { variables: { name: string } }[] };
      expect(body).toMatchObject({ encoding, contactCount: 2, problems: [] });
      expect(body.contacts[0]?.variables.name).toBe(first);
    }
  });
});
