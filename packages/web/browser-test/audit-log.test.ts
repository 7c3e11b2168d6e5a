/** Managers' log check (Logguppföljning): a caseworker's read shows up; axe finds nothing; caseworkers see no link. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { assertNoPersonnummerInUrl, expectNoAxeViolations, launchBrowser, newPage, signInStaff, startApp, type TestApp } from './support.ts';

let app: TestApp;
let browser: Browser;

before(async () => {
  app = await startApp();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.close();
});

test('a manager finds who read a person’s case', async () => {
  const worker = await newPage(browser, app.url);
  await signInStaff(worker.page, 'handlaggare.nord');
  assert.equal(await worker.page.getByRole('link', { name: 'Logguppföljning' }).count(), 0, 'not for caseworkers');
  await worker.page.locator('table a').first().click();
  await worker.page.locator('h1').filter({ hasText: 'Ärende' }).waitFor();
  const pnr = (await worker.page
    .locator('td', { hasText: /^\d{8}-\d{4}$/ })
    .first()
    .textContent())!.trim();
  await worker.context.close();

  const { page, context } = await newPage(browser, app.url);
  await signInStaff(page, 'enhetschef');
  await page.getByRole('link', { name: 'Logguppföljning' }).click();
  await page.locator('h1', { hasText: 'Logguppföljning' }).waitFor();
  await expectNoAxeViolations(page, 'logguppföljning');
  await page.getByLabel('Personnummer (valfritt)').fill(pnr);
  await page.getByRole('button', { name: 'Sök i loggen' }).click();
  const row = page.locator('tbody tr', { hasText: 'Visade ärendesidan' }).filter({ hasText: 'Johan Ekström' });
  await row.first().waitFor();
  assertNoPersonnummerInUrl(page.url());
  await expectNoAxeViolations(page, 'logguppföljning med resultat');

  await page.getByLabel('Personnummer (valfritt)').fill('19850412-0001');
  await page.getByRole('button', { name: 'Sök i loggen' }).click();
  await page.locator('.error-summary:not(.empty)').waitFor();
  assert.match((await page.locator('.error-summary').textContent()) ?? '', /Kontrollsiffran|personnummer/i);
  await expectNoAxeViolations(page, 'logguppföljning med fel');
  await context.close();
});
