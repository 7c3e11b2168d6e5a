/**
 * Sign-in as in the demo: Vägen and the local OpenID Connect provider (the stand-in for the e-ID broker and the
 * municipality's identity provider) on their own ports, in real Chromium with the Content-Security-Policy enforced.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { assertNoPersonnummerInUrl, expectNoAxeViolations, launchBrowser, newPage, screenshot, signInStaffWithProvider, startApp, type TestApp } from './support.ts';

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

/** Collects what Chromium reports about the Content-Security-Policy (blocked scripts, styles, frames, …). */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) violations.push(msg.text());
  });
  return violations;
}

describe('inloggning via OpenID Connect i demon', () => {
  test('en sökande legitimerar sig hos testlegitimeringen och ser Mina sidor', async () => {
    const { context, page } = await newPage(browser, app.url);
    const violations = watchCsp(page);
    const urls: string[] = [];
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame()) urls.push(f.url());
    });
    const client = app.demoLogins.clients[1]!;

    await page.goto('/mina-sidor/logga-in');
    await page.getByRole('link', { name: 'Logga in med e-legitimation' }).click();
    await page.waitForURL(/\/interaction\//);
    assert.notEqual(new URL(page.url()).origin, new URL(app.url).origin, 'the provider has its own address');
    await page.getByRole('heading', { level: 1, name: 'Testlegitimering – inte BankID' }).waitFor();
    await screenshot(page, 'testlegitimering');
    await expectNoAxeViolations(page, 'testlegitimeringen');

    // A wrong personnummer first: the page says so and keeps the person on it.
    await page.getByLabel('Personnummer').fill('19850412-1111');
    await page.getByRole('button', { name: 'Legitimera' }).click();
    await page.getByRole('alert').getByText('inte ett giltigt personnummer').waitFor();
    assert.equal(await page.getByLabel('Personnummer').getAttribute('aria-invalid'), 'true');

    await page.getByLabel('Personnummer').fill(client.personnummer);
    await page.getByRole('button', { name: 'Legitimera' }).click();
    await page.waitForURL((u) => u.pathname === '/mina-sidor' && u.origin === new URL(app.url).origin);
    await page.locator('.case-card, .notice').first().waitFor();
    await page.getByText(`Hej ${client.name.split(' ')[0]!}!`).waitFor();
    await screenshot(page, 'mina-sidor-efter-oidc');
    for (const url of urls) assertNoPersonnummerInUrl(url);
    assert.deepEqual(violations, [], 'no Content-Security-Policy violations');
    await context.close();
  });

  test('avbryter man hos testlegitimeringen kommer man tillbaka till inloggningen', async () => {
    const { context, page } = await newPage(browser, app.url);
    await page.goto('/mina-sidor/logga-in');
    await page.getByRole('link', { name: 'Logga in med e-legitimation' }).click();
    await page.waitForURL(/\/interaction\//);
    await page.getByRole('button', { name: 'Avbryt och gå tillbaka' }).click();
    await page.waitForURL((u) => u.pathname === '/mina-sidor/logga-in');
    await page.getByRole('alert').getByText('Inloggningen avbröts').waitFor();
    await context.close();
  });

  test('personal loggar in med kommunens inloggning; ett okänt användarnamn får ett tydligt nej', async () => {
    const { context, page } = await newPage(browser, app.url);
    const violations = watchCsp(page);
    await page.goto('/logga-in');
    await page.getByRole('link', { name: 'Logga in med kommunens inloggning' }).waitFor();
    await page.getByLabel('Användarnamn').waitFor();
    await screenshot(page, 'personal-inloggning');
    await expectNoAxeViolations(page, 'personalens inloggning');

    await page.getByRole('link', { name: 'Logga in med kommunens inloggning' }).click();
    await page.waitForURL(/\/interaction\//);
    await page.getByLabel('Användarnamn').fill('finns.inte');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL((u) => u.pathname === '/logga-in');
    await page.getByRole('alert').getByText('Du har inget konto i Vägen').waitFor();

    const staff = app.demoLogins.staff[0]!;
    await signInStaffWithProvider(page, staff.username);
    await page.getByText(staff.displayName).first().waitFor();
    assert.deepEqual(violations, [], 'no Content-Security-Policy violations');
    await context.close();
  });
});
