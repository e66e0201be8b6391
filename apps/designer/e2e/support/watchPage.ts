import type { Page } from 'playwright-core';
import { CanvasDriver } from './canvasDriver.ts';

/**
 * Prepares a designer page the way every e2e file needs it: uncaught page errors collected into `pageErrors`
 * (tests assert it stays empty), a generous default timeout for a loaded machine, and a canvas driver.
 */
export function watchPage(page: Page, pageErrors: string[], timeoutMs = 20_000): CanvasDriver {
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.setDefaultTimeout(timeoutMs);
  return new CanvasDriver(page);
}
