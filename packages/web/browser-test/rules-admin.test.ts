/**
 * The systemförvaltare's rule documents (/admin/regler): a new version of the rent cap from 1 January 2027 is drafted
 * in the browser, tried in a trial calculation and published; from January 2027 the calculation uses it, December
 * 2026 keeps the old cap. axe finds nothing on the pages; a caseworker has no link.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser, newPage, screenshot, signInStaff, startApp, type TestApp } from './support.ts';

let app: TestApp;
let browser: Browser;

before(async () => {
  app = await startApp(5);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.close();
});

/** The rent allowed in a trial calculation (the public norm service) for one adult paying 9 000 kr, in öre. */
async function rentAllowed(page: Page, month: string): Promise<number> {
  const res = await page.request.post('/api/v1/norm-calculations', {
    data: { month, municipality: '2281', adults: [{ id: 'a1', role: 'applicant' }], costs: [{ type: 'rent', amount: 900000 }] },
  });
  assert.equal(res.status(), 200);
  const body = (await res.json()) as { lines: { costType?: string; amount: number }[] };
  return body.lines.find((l) => l.costType === 'rent')!.amount;
}

test('a caseworker has no link to the rule documents', async () => {
  const { page, context } = await newPage(browser, app.url);
  await signInStaff(page, 'handlaggare.nord');
  assert.equal(await page.getByRole('link', { name: 'Regelverk' }).count(), 0);
  await context.close();
});

test('the systemförvaltare publishes a new rent cap from 2027-01-01; 2027 uses it, December 2026 does not', async () => {
  const { page, context } = await newPage(browser, app.url);
  await signInStaff(page, 'systemforvaltare');
  await page.getByRole('link', { name: 'Regelverk' }).click();
  await page.locator('h1', { hasText: 'Regelverk' }).waitFor();
  await page.getByRole('heading', { name: 'Riktlinjer: tak för skäliga kostnader' }).waitFor();
  await expectNoAxeViolations(page, 'regelverk');
  await screenshot(page, 'rules-01-lista');
  const before2027 = await rentAllowed(page, '2027-01');

  await page.getByRole('link', { name: /riktlinjer för skäliga kostnader, kommunkod 2281, 2026/ }).click();
  await page.getByRole('heading', { name: 'Versioner' }).waitFor();
  await page.getByRole('heading', { name: 'Gör en ny version' }).click();
  await page.getByLabel('Kopiera från').selectOption({ label: 'Levererad med Vägen, 2026-01-01 – 2026-12-31' });
  await page.getByLabel('Gäller från').first().fill('2027-01-01');
  await page.getByLabel('Gäller till (valfritt)').first().fill('2027-12-31');
  await page.getByLabel('Källa').first().fill('Socialnämndens beslut 2026-11-20 § 112');
  // The demo already has a draft for 2027 (its own source); the page must move to the new one.
  const shown = page.url();
  await page.getByRole('button', { name: 'Skapa utkast' }).click();
  await page.waitForURL((u) => /version=[0-9a-f-]{36}/.test(u.search) && u.href !== shown);
  await page.getByRole('heading', { name: /^Utkast, 2027-01-01 – 2027-12-31/ }).waitFor();
  await page.getByText('Socialnämndens beslut 2026-11-20 § 112').first().waitFor();

  // A typing mistake is caught before anything is sent, with the error summary.
  const single = page.getByLabel('högsta skäliga boendekostnad: 1 vuxen utan barn, kronor');
  assert.equal(await single.inputValue(), '4474');
  await single.fill('fem tusen');
  await page.getByRole('button', { name: 'Spara utkast' }).click();
  await page.locator('.error-summary:not(.empty)', { hasText: 'Skriv ett belopp i hela kronor' }).waitFor();
  await expectNoAxeViolations(page, 'utkast med fel');
  await screenshot(page, 'rules-02-utkast-fel');

  await single.fill('5 000');
  await page.getByRole('button', { name: 'Spara utkast' }).click();
  await page.getByText('Utkastet är sparat.').waitFor();

  // The trial calculation uses the draft; the published rules do not yet.
  await page.getByLabel('Månad', { exact: true }).fill('2027-01');
  await page.getByLabel('Hyra per månad (kronor)').fill('9 000');
  await page.getByRole('button', { name: 'Provräkna' }).click();
  const previewTable = page.locator('table', { has: page.locator('caption', { hasText: 'Provräkning 2027-01' }) });
  await previewTable.waitFor();
  assert.match((await previewTable.textContent()) ?? '', /5\s000 kr/);
  assert.equal(await rentAllowed(page, '2027-01'), before2027);
  await expectNoAxeViolations(page, 'utkast med provräkning');
  await screenshot(page, 'rules-03-provrakning');

  await page.getByRole('button', { name: 'Publicera …' }).click();
  await page.getByRole('alertdialog').waitFor();
  await screenshot(page, 'rules-04-bekrafta', false);
  await page.getByRole('button', { name: 'Ja, publicera' }).click();
  await page.getByText('Versionen är publicerad.').waitFor();
  await page.getByRole('heading', { name: /^Kommunens version, 2027-01-01 – 2027-12-31/ }).waitFor();
  await expectNoAxeViolations(page, 'publicerad version');
  await screenshot(page, 'rules-05-publicerad');

  assert.equal(await rentAllowed(page, '2027-01'), 500000, 'from 1 January 2027 the new cap applies');
  assert.equal(await rentAllowed(page, '2026-12'), 447400, 'December 2026 keeps the cap of 2026');
  await context.close();
});
