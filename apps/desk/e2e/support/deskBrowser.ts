import type { Browser, Page } from 'playwright-core';

/** A page in a browser context of its own (one person), recording the page's uncaught errors in `errors`. */
export async function openPersonPage(browser: Browser, errors: string[], height = 860): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1360, height } });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(String(error)));
  return page;
}

/** Signs in to the desk served by the runtime at `baseUrl`, and waits for its live connection. */
export async function signInToDesk(page: Page, baseUrl: string, login: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/desk/`);
  await page.getByLabel('Login').fill(login);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('.online.on').waitFor();
}
