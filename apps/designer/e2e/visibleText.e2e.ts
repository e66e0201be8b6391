import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Stack } from './support/startStack.ts';
import { createFlow, openDesigner, type DesignerSession } from './support/openDesigner.ts';

let session: DesignerSession | undefined;
let stack: Stack;
let page: Page;
const pageErrors: string[] = [];

const FLOW_ID = 'lost-card-zh';

/** A flow written by a Chinese-speaking analyst: every word on it is theirs, so English on screen is the UI's. */
function lostCardFlow(): unknown {
  const zh = (text: string) => ({ text: { 'zh-CN': text } });
  return {
    id: FLOW_ID,
    name: '挂失银行卡',
    schemaVersion: 1,
    locales: ['zh-CN'],
    defaultLocale: 'zh-CN',
    variables: [
      { name: 'cardLast4', type: 'string', sensitive: true },
      { name: 'birthDate', type: 'date', sensitive: true },
      { name: 'customerId', type: 'string' },
    ],
    start: 'start1',
    nodes: [
      { id: 'start1', type: 'start', label: '开始', position: { x: 0, y: 0 }, config: {} },
      {
        id: 'menu1',
        type: 'menu',
        label: '主菜单',
        position: { x: 300, y: 0 },
        config: {
          prompt: zh('欢迎致电。'),
          options: [
            { key: '1', label: { 'zh-CN': '挂失' } },
            { key: '2', label: { 'zh-CN': '人工' } },
          ],
        },
      },
      {
        id: 'ask1',
        type: 'ask',
        label: '卡号后四位',
        position: { x: 600, y: 0 },
        config: {
          prompt: zh('请输入卡号后四位。'),
          variable: 'cardLast4',
          slot: { type: 'digits', minLength: 4, maxLength: 4 },
        },
      },
      {
        id: 'verify1',
        type: 'banking.verifyCustomer',
        label: '验证客户',
        position: { x: 900, y: 0 },
        config: {
          cardLastFourVariable: 'cardLast4',
          dateOfBirthVariable: 'birthDate',
          customerIdVariable: 'customerId',
        },
      },
      { id: 'agent', type: 'transfer', label: '转人工', position: { x: 1200, y: 200 }, config: { queue: 'cards' } },
      { id: 'bye', type: 'end', label: '再见', position: { x: 1200, y: 0 }, config: { prompt: zh('再见。') } },
    ],
    edges: [
      { source: 'start1', port: 'next', target: 'menu1' },
      { source: 'menu1', port: '1', target: 'ask1' },
      { source: 'menu1', port: '2', target: 'agent' },
      { source: 'ask1', port: 'next', target: 'verify1' },
      { source: 'verify1', port: 'success', target: 'bye' },
    ],
  };
}

// A plain string: the test runner's transform would inject helpers into a function serialized for the page.
const VISIBLE_TEXT = `(() => {
  const seen = new Set();
  const visible = (el) => el.checkVisibility ? el.checkVisibility({ visibilityProperty: true, opacityProperty: true }) : true;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !visible(parent) || parent.closest('textarea, script, style, .monaco-editor, .cm-editor, datalist')) continue;
    const text = node.textContent.trim();
    if (text) seen.add(text);
  }
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
    if (!visible(el)) continue;
    for (const name of ['aria-label', 'title', 'placeholder']) {
      const value = el.getAttribute(name);
      if (value && value.trim()) seen.add(value.trim());
    }
  }
  return [...seen];
})()`;

/**
 * Two English words in a row, or one capitalized English word standing alone (a port label such as "Next"): UI
 * wording, never a variable name, a node id or a port key.
 */
const ENGLISH_WORDS = /\b[A-Za-z]{3,}[\s,.:;!?'’]+[A-Za-z]{2,}\b|^[A-Z][a-z]{2,}$/;
/** Product names, formats, code and voice names (Polly.Joanna) that are the same in every language. */
const SAME_IN_EVERY_LANGUAGE = [
  /^Omniflow Designer$/,
  /Twilio|TwiML|iframe|https?:|\/api\/|<[A-Za-z]/,
  /^\{\{.*\}\}$/,
  /\bPolly\.[A-Z]/,
];

async function englishOnScreen(screen: string): Promise<string[]> {
  const texts = (await page.evaluate(VISIBLE_TEXT)) as string[];
  return texts
    .filter(
      // Acronyms (HTTP, API, JSON, URL) are the same in every language.
      (text) =>
        ENGLISH_WORDS.test(text.replace(/\b[A-Z]{2,}\b/g, '')) &&
        !SAME_IN_EVERY_LANGUAGE.some((pattern) => pattern.test(text)),
    )
    .map((text) => `${screen}: ${text}`);
}

describe('no English left on screen in Chinese and Korean (issue 20, points 4 and 5)', () => {
  beforeAll(async () => {
    session = await openDesigner(pageErrors);
    ({ stack, page } = session);
    await createFlow(stack, lostCardFlow());
  });

  afterAll(async () => {
    await session?.close();
  });

  for (const language of ['zh-CN', 'ko'] as const) {
    it(`${language}: flow list, canvas, palette, every node's inspector and every side tab`, async () => {
      await page.goto(`${stack.url}/#/`);
      await page.evaluate((lang) => localStorage.setItem('omniflow.uiLanguage', lang), language);
      await page.reload();
      await page.locator('.flow-list-table').waitFor();
      const found: string[] = await englishOnScreen('flow list');
      await page.goto(`${stack.url}/#/flows/${FLOW_ID}`);
      await page.locator('.react-flow__node[data-id="verify1"]').waitFor();
      found.push(...(await englishOnScreen('canvas')));
      for (const id of ['start1', 'menu1', 'ask1', 'verify1', 'agent', 'bye']) {
        await page.locator(`.react-flow__node[data-id="${id}"] .flow-node-header`).click();
        await page.locator(`.inspector[data-node-id="${id}"]`).waitFor();
        found.push(...(await englishOnScreen(`inspector ${id}`)));
      }
      const sideTabs = page.locator('.side-tabs [role="tab"]');
      const count = await sideTabs.count();
      expect(count).toBeGreaterThan(5);
      for (let i = 0; i < count; i++) {
        const name = (await sideTabs.nth(i).textContent()) ?? String(i);
        await sideTabs.nth(i).click();
        await page.waitForTimeout(300);
        found.push(...(await englishOnScreen(`tab ${name}`)));
      }
      expect([...new Set(found)]).toEqual([]);
      expect(pageErrors).toEqual([]);
    });
  }
});
