/** Systemförvaltning: the systemförvaltare adds a user and changes a unit's telephone; others cannot get in. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
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

test('the systemförvaltare adds a user and changes the telephone of a unit', async () => {
  const { page, context } = await newPage(browser, app.url);
  await signInStaff(page, 'systemforvaltare');
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Användare och enheter' }).click();
  await page.locator('h1', { hasText: 'Systemförvaltning' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Regeldokument' }).getAttribute('href'), '/admin/regler');
  await expectNoAxeViolations(page, 'systemförvaltning');
  await screenshot(page, 'admin-01-start');

  await page.getByRole('link', { name: 'Användare', exact: true }).click();
  await page.locator('h1', { hasText: 'Användare' }).waitFor();
  const row = page.locator('tbody tr', { hasText: 'Johan Ekström' });
  await row.waitFor();
  assert.match((await row.textContent()) ?? '', /Socialsekreterare.*Försörjningsstöd Nord.*Lösenord och kommunens inloggning/);
  await expectNoAxeViolations(page, 'användare');
  await screenshot(page, 'admin-02-anvandare');

  await page.getByRole('link', { name: 'Lägg till användare' }).click();
  await page.locator('h1', { hasText: 'Lägg till användare' }).waitFor();
  await page.getByRole('button', { name: 'Lägg till användaren' }).click();
  await page.locator('.error-summary:not(.empty)').waitFor();
  // In the order of the form, each entry naming its field.
  assert.deepEqual(await page.locator('.error-summary li').allTextContents(), ['Namn: Fältet får inte vara tomt.', 'Användarnamn: Minst 2 tecken.']);
  await expectNoAxeViolations(page, 'ny användare med fel');
  await screenshot(page, 'admin-03-ny-anvandare-fel');

  await page.getByLabel('Namn', { exact: true }).fill('Vera Vinter');
  await page.getByLabel('Användarnamn i Vägen').fill('vera.vinter');
  await page.getByLabel('Roll').selectOption({ label: 'Ekonomihandläggare' });
  await page.getByLabel('Försörjningsstöd Syd').check();
  await page.getByLabel('Lösenord (valfritt)').fill('Vinter-lösen-2026');
  await page.getByRole('button', { name: 'Lägg till användaren' }).click();
  await page.locator('h1', { hasText: 'Vera Vinter' }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Vera Vinter är tillagd.' }).waitFor();
  await expectNoAxeViolations(page, 'användare');
  await screenshot(page, 'admin-04-anvandare-tillagd');

  await page.getByRole('link', { name: '← Användare' }).click();
  const added = page.locator('tbody tr', { hasText: 'Vera Vinter' });
  await added.waitFor();
  assert.match((await added.textContent()) ?? '', /vera\.vinter.*Ekonomihandläggare.*Försörjningsstöd Syd/);

  await page.getByRole('link', { name: '← Systemförvaltning' }).click();
  await page.getByRole('link', { name: 'Enheter och kommun' }).click();
  await page.locator('h1', { hasText: 'Enheter och kommun' }).waitFor();
  await page.getByRole('link', { name: 'Försörjningsstöd Nord' }).click();
  await page.locator('h1', { hasText: 'Försörjningsstöd Nord' }).waitFor();
  await page.getByLabel('Telefon').fill('031-390 06 99');
  await page.getByRole('button', { name: 'Spara enheten' }).click();
  await page.getByRole('status').filter({ hasText: 'sparade' }).waitFor();
  await expectNoAxeViolations(page, 'enhet');
  await screenshot(page, 'admin-05-enhet');
  await page.getByRole('link', { name: '← Enheter och kommun' }).click();
  const nord = page.locator('tbody tr', { hasText: 'Försörjningsstöd Nord' });
  await nord.waitFor();
  assert.match((await nord.textContent()) ?? '', /031-390 06 99/);
  await expectNoAxeViolations(page, 'enheter och kommun');
  await screenshot(page, 'admin-06-enheter');

  await page.goto('/admin/roller');
  await page.locator('h1', { hasText: 'Roller och behörigheter' }).waitFor();
  await page.getByRole('rowheader', { name: 'Kassa/administratör' }).waitFor();
  await expectNoAxeViolations(page, 'roller');
  await screenshot(page, 'admin-07-roller');
  await context.close();

  // The new user signs in with the password the systemförvaltare gave.
  const vera = await newPage(browser, app.url);
  await signInStaff(vera.page, 'vera.vinter', 'Vinter-lösen-2026');
  assert.equal(await vera.page.getByRole('link', { name: 'Användare och enheter' }).count(), 0);
  await vera.context.close();
});

test('a caseworker has no link to the administration and is refused at /admin', async () => {
  const { page, context } = await newPage(browser, app.url);
  await signInStaff(page, 'handlaggare.nord');
  assert.equal(await page.getByRole('link', { name: 'Användare och enheter' }).count(), 0);
  await page.goto('/admin/anvandare');
  await page.locator('h1', { hasText: 'Ingen behörighet' }).waitFor();
  await context.close();
});
