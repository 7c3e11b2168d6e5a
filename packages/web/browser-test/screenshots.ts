/**
 * Screenshots of every page for a visual check (not a test):
 *   npm run build:web && node --import tsx packages/web/browser-test/screenshots.ts /tmp/shots
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, newPage, openCaseList, signInClient, signInStaff, startApp } from './support.ts';

const dir = process.argv[2] ?? '/tmp/shots';
mkdirSync(dir, { recursive: true });
const app = await startApp();
const browser = await launchBrowser();
const shot = async (page: Page, name: string, fullPage = true) => {
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage });
  console.log(`${name}.png`);
};

try {
  {
    const { context, page } = await newPage(browser, app.url);
    await page.goto('/logga-in');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await shot(page, 'staff-01-logga-in');
    await page.getByLabel('Användarnamn').fill('handlaggare.nord');
    await page.getByLabel('Lösenord').fill('fel');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Fel' }).waitFor();
    await shot(page, 'staff-02-logga-in-fel');

    await signInStaff(page, 'handlaggare.nord');
    await shot(page, 'staff-03-start');
    await openCaseList(page);
    await shot(page, 'staff-03-arenden');
    // Keyboard focus on the "Mina ärenden" toggle.
    await page.getByRole('button', { name: 'Mina ärenden' }).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await shot(page, 'staff-04-arenden-fokus', false);

    await page.locator('table.case-table tbody tr th a').nth(2).click();
    await page.locator('#journal').waitFor();
    await shot(page, 'staff-05-arende');
    await page.getByLabel('Rubrik', { exact: true }).fill('Besök på kontoret');
    await page.getByLabel('Text', { exact: true }).fill('Vi gick igenom planen. Nästa möte om två veckor.');
    await page.getByRole('button', { name: 'Spara anteckning' }).click();
    const entry = page.locator('article.journal-entry', { hasText: 'Besök på kontoret' });
    await entry.waitFor();
    await entry.getByRole('button', { name: 'Signera' }).click();
    await entry.getByRole('button', { name: 'Ja, signera' }).waitFor();
    await entry.scrollIntoViewIfNeeded();
    await shot(page, 'staff-06-signera', false);
    await entry.getByRole('button', { name: 'Ja, signera' }).click();
    await entry.getByText('Signerad – låst').waitFor();
    await page.locator('#journal').scrollIntoViewIfNeeded();
    await shot(page, 'staff-07-journal', false);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/arenden');
    await page.locator('table.case-table tbody tr').first().waitFor();
    await shot(page, 'staff-08-arenden-mobil', false);
    await context.close();
  }
  {
    const { context, page } = await newPage(browser, app.url);
    await page.goto('/mina-sidor/logga-in');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await shot(page, 'client-01-logga-in');
    await page.getByRole('button', { name: 'العربية' }).click();
    await shot(page, 'client-02-logga-in-ar');
    await page.getByRole('button', { name: 'Svenska' }).click();
    await signInClient(page, app.demoLogins.clients[1]!.personnummer);
    await shot(page, 'client-03-mina-sidor');
    await page.getByRole('button', { name: 'English' }).click();
    await shot(page, 'client-04-mina-sidor-en');
    await page.getByRole('button', { name: 'العربية' }).click();
    await shot(page, 'client-05-mina-sidor-ar');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'client-06-mina-sidor-ar-mobil', false);
    await context.close();
  }
} finally {
  await browser.close();
  await app.close();
}
