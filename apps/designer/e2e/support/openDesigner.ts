import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import type { CanvasDriver } from './canvasDriver.ts';
import { launchChromium } from './launchChromium.ts';
import { startStack, type Stack } from './startStack.ts';
import { watchPage } from './watchPage.ts';

/** A runtime serving the designer and a Chromium page on it, watched for page errors. */
export interface DesignerSession {
  stack: Stack;
  page: Page;
  canvas: CanvasDriver;
  /** Closes the browser, then the runtime. */
  close(): Promise<void>;
}

/** What an e2e file varies in its set-up; every field is optional. */
export interface DesignerSessionOptions {
  /** Let the runtime seed the example flows. */
  seedExamples?: boolean;
  /** Chromium flags after the usual ones. */
  chromiumArgs?: readonly string[];
  /** Browser context options over a 1440×900 viewport. */
  context?: BrowserContextOptions;
  /** Browser permissions granted to the runtime's origin. */
  permissions?: string[];
  /** The page's default timeout (the `watchPage` default when absent). */
  timeoutMs?: number;
}

/**
 * The set-up every designer e2e file shares: starts the stack, launches Chromium and opens one page, with uncaught
 * page errors collected into `pageErrors`; whatever started is shut down again if a later step fails.
 */
export async function openDesigner(
  pageErrors: string[],
  options: DesignerSessionOptions = {},
): Promise<DesignerSession> {
  const stack = await startStack({ seedExamples: options.seedExamples });
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await stack.close();
  };
  try {
    browser = await launchChromium(options.chromiumArgs);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, ...options.context });
    if (options.permissions) await context.grantPermissions(options.permissions, { origin: stack.url });
    const page = await context.newPage();
    return { stack, page, canvas: watchPage(page, pageErrors, options.timeoutMs), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Stores `flow` as a new draft through the runtime API; set-up fails with the runtime's reason unless it is created. */
export async function createFlow(stack: Stack, flow: unknown): Promise<void> {
  const created = await fetch(`${stack.url}/api/flows`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ flow }),
  });
  if (created.status !== 201)
    throw new Error(`setting up the test flow failed: ${created.status} ${await created.text()}`);
}
