import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestSession } from '@omniflow/flow-engine/testing';
import { exampleFlow } from './exampleFlows.ts';
import { startExampleHarness, type ExampleHarness } from './exampleHarness.ts';

const flow = exampleFlow('bank-main-menu.json');
let harness: ExampleHarness;

beforeEach(async () => {
  harness = await startExampleHarness();
});
afterEach(async () => {
  await harness.close();
});

describe('bank main menu example', () => {
  it('reads the balance over DTMF, then recent transactions without asking who the caller is again', async () => {
    await startTestSession(flow, 'dtmf', harness.options)
      .expectPrompt(/For balance, press 1/i)
      .press('1')
      .expectPrompt(/last four digits/i)
      .press('4821')
      .press('19850314')
      .expectPrompt(/balance is \$2,450.75\./)
      .press('1')
      .expectNode('mainMenu')
      .press('3')
      .expectNoPrompt(/last four digits/i)
      .expectPrompt(/Grocery Mart/)
      .press('2')
      .expectEnd('completed');
  });

  it('repeats the menu on 9 and sends 4 to an agent', async () => {
    await startTestSession(flow, 'dtmf', harness.options)
      .press('9')
      .expectPrompt(/For balance, press 1/i)
      .expectNode('mainMenu')
      .press('4')
      .expectTransfer('general-banking')
      .expectEnd('transferred');
  });

  it('jumps to the lost-card report when a voice caller says "lost card" and blocks the card', async () => {
    await startTestSession(flow, 'voice', harness.options)
      .say('I lost my card')
      .expectPrompt(/last four digits/i)
      .say('three zero nine zero')
      .say('5 January 1969')
      .expectPrompt(/ending in 3090 is now blocked/)
      .expectPrompt(/arrive by 2026-12-02/)
      .say('no thanks')
      .expectEnd('completed');
    const res = await fetch(`${harness.bank.url}/v1/customers/C-1004/cards/3090/activate`, {
      method: 'POST',
      headers: { 'x-api-key': harness.bank.apiKey },
    });
    expect(await res.json()).toMatchObject({ error: 'cardLost' });
  });

  it('serves a Chinese chat: quick replies, balance in CNY, and an agent on request', async () => {
    await startTestSession(flow, 'chat', { ...harness.options, locale: 'zh-CN' })
      .expectChoices(['余额查询', '挂失银行卡', '近期交易', '人工服务'])
      .type('余额')
      .type('5566')
      .type('1990-07-02')
      .expectPrompt(/¥18,200.00/)
      .type('转人工')
      .expectTransfer('general-banking');
  });

  it('transfers after three failed identifications and ends politely when the caller says nothing', async () => {
    await startTestSession(flow, 'chat', harness.options)
      .type('balance')
      .type('4821')
      .type('2000-01-01')
      .type('4821')
      .type('2000-01-02')
      .type('4821')
      .type('2000-01-03')
      .expectTransfer('general-banking');
    await startTestSession(flow, 'voice', harness.options).noInput().noInput().noInput().expectEnd('completed');
  });

  it('says it cannot reach the account when core banking is down, and offers the menu again', async () => {
    await startTestSession(flow, 'dtmf', { registry: harness.registry, secrets: () => undefined })
      .press('1')
      .press('4821')
      .press('19850314')
      .expectPrompt(/cannot reach your account/i)
      .expectNode('anythingElse');
  });
});
