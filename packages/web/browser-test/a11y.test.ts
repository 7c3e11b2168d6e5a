/**
 * Accessibility (WCAG 2.1 A/AA with axe-core) of every page, staff and client side, including Arabic (RTL).
 * Also basic structure: one h1, document.title, lang/dir, landmarks and the skip link.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser, newPage, openCaseList, screenshot, signInClient, signInStaff, startApp, type TestApp } from './support.ts';

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

async function checkStructure(page: Page, expected: { lang: string; dir?: string; titleIncludes: string }) {
  assert.equal(await page.locator('h1').count(), 1, 'exakt en h1');
  assert.match(await page.title(), new RegExp(expected.titleIncludes));
  assert.equal(await page.locator('html').getAttribute('lang'), expected.lang);
  assert.equal(await page.locator('html').getAttribute('dir'), expected.dir ?? 'ltr');
  assert.equal((await page.locator('header').count()) >= 1, true, 'header finns');
  assert.equal(await page.locator('main#innehall').count(), 1, 'main finns');
  // The skip link is the first focusable element and moves focus to main.
  const firstClass = await page.evaluate(() => {
    const el = document.querySelector<HTMLElement>('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])');
    el?.focus();
    return el?.className ?? '';
  });
  assert.match(firstClass, /skip-link/, 'första tabbstoppet är länken Hoppa till innehåll');
  assert.equal(await page.locator('.skip-link').isVisible(), true, 'länken syns när den har fokus');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'innehall');
}

describe('personalsidor', () => {
  test('inloggningssidan', async () => {
    const { context, page } = await newPage(browser, app.url);
    await page.goto('/logga-in');
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    await checkStructure(page, { lang: 'sv', titleIncludes: 'Logga in – Vägen' });
    await expectNoAxeViolations(page, 'inloggning (personal)');
    await screenshot(page, '01-logga-in');

    // Keyboard focus is clearly visible: a 3 px near-black ring (≥ 3:1 on the light page) plus a yellow halo
    // (≥ 3:1 on the dark header).
    await page.getByLabel('Lösenord').focus();
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const cs = getComputedStyle(el);
      return { text: el.textContent, style: cs.outlineStyle, width: cs.outlineWidth, color: cs.outlineColor, shadow: cs.boxShadow };
    });
    assert.equal(ring.text, 'Logga in');
    assert.equal(ring.style, 'solid');
    assert.equal(ring.width, '3px');
    assert.equal(ring.color, 'rgb(11, 12, 12)');
    assert.match(ring.shadow, /rgb\(255, 209, 0\)/);

    // With errors shown (empty form, then wrong password).
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.locator('#username-error').waitFor();
    assert.equal(await page.getByLabel('Användarnamn').getAttribute('aria-invalid'), 'true');
    await expectNoAxeViolations(page, 'inloggning med fel (personal)');
    await screenshot(page, '02-logga-in-fel');
    await context.close();
  });

  test('ärendelistan och ärendesidan', async () => {
    const { context, page } = await newPage(browser, app.url);
    await signInStaff(page, 'handlaggare.nord');
    await openCaseList(page);
    await checkStructure(page, { lang: 'sv', titleIncludes: 'Ärenden – Vägen' });
    await expectNoAxeViolations(page, 'ärendelista');
    await screenshot(page, '03-arenden');

    await page.locator('table.case-table tbody tr th a').first().click();
    await page.getByRole('heading', { level: 1, name: /Ärende EB-/ }).waitFor();
    await page.locator('#journal').waitFor();
    await checkStructure(page, { lang: 'sv', titleIncludes: 'Ärende EB-.* – Vägen' });
    await expectNoAxeViolations(page, 'ärendesida');
    await screenshot(page, '04-arende');

    // Status form with closure reason visible and validation errors shown.
    const closed = page.getByRole('radio', { name: 'Avslutat' });
    if (await closed.count()) {
      await closed.check();
      await page.getByRole('button', { name: 'Ändra status' }).click();
      await page.locator('#closure-reason-error').waitFor();
      await expectNoAxeViolations(page, 'ärendesida med fel i statusformuläret');
    }
    await context.close();
  });
});

describe('Mina sidor', () => {
  test('inloggningssidan på svenska, engelska och arabiska', async () => {
    const { context, page } = await newPage(browser, app.url);
    await page.goto('/mina-sidor/logga-in');
    await page.getByRole('heading', { level: 1, name: 'Logga in på Mina sidor' }).waitFor();
    await checkStructure(page, { lang: 'sv', titleIncludes: 'Logga in på Mina sidor – Vägen' });
    const link = page.getByRole('link', { name: 'Logga in med e-legitimation' });
    assert.equal(await link.getAttribute('href'), '/api/v1/client-auth/start?returnTo=/mina-sidor');
    await expectNoAxeViolations(page, 'Mina sidor inloggning (sv)');
    await screenshot(page, '05-mina-sidor-logga-in');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log in to My pages' }).waitFor();
    await checkStructure(page, { lang: 'en', titleIncludes: 'Log in to My pages' });
    await expectNoAxeViolations(page, 'Mina sidor inloggning (en)');

    await page.getByRole('button', { name: 'العربية' }).click();
    await page.getByRole('heading', { level: 1, name: 'تسجيل الدخول إلى صفحاتي' }).waitFor();
    await checkStructure(page, { lang: 'ar', dir: 'rtl', titleIncludes: 'تسجيل الدخول' });
    await expectNoAxeViolations(page, 'Mina sidor inloggning (ar)');
    await screenshot(page, '06-mina-sidor-logga-in-ar');
    await context.close();
  });

  test('startsidan på svenska och arabiska', async () => {
    const { context, page } = await newPage(browser, app.url);
    const client = app.demoLogins.clients[0]!;
    await signInClient(page, client.personnummer);
    await page.locator('.case-card').first().waitFor();
    await checkStructure(page, { lang: 'sv', titleIncludes: '^Mina sidor – Vägen' });
    await expectNoAxeViolations(page, 'Mina sidor start (sv)');
    await screenshot(page, '07-mina-sidor');

    await page.getByRole('button', { name: 'العربية' }).click();
    await page.getByRole('heading', { level: 1, name: 'صفحاتي' }).waitFor();
    await checkStructure(page, { lang: 'ar', dir: 'rtl', titleIncludes: 'صفحاتي' });
    await expectNoAxeViolations(page, 'Mina sidor start (ar)');
    await screenshot(page, '08-mina-sidor-ar');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'My pages' }).waitFor();
    await expectNoAxeViolations(page, 'Mina sidor start (en)');
    // The choice is remembered, and Swedish can be chosen again.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'My pages' }).waitFor();
    await page.getByRole('button', { name: 'Svenska' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mina sidor' }).waitFor();
    await context.close();
  });
});

describe('smal skärm (mobil)', () => {
  test('ärendelista, ärendesida och Mina sidor på arabiska', async () => {
    const { context, page } = await newPage(browser, app.url);
    await page.setViewportSize({ width: 390, height: 844 });
    await signInStaff(page, 'handlaggare.nord');
    await openCaseList(page);
    // A table wider than the screen becomes a focusable, labelled region that can be scrolled with the keyboard.
    const region = page.getByRole('region', { name: 'Ärendetabell' });
    await region.waitFor();
    assert.equal(await region.getAttribute('tabindex'), '0');
    await expectNoAxeViolations(page, 'ärendelista (mobil)');
    await page.locator('table.case-table tbody tr th a').first().click();
    await page.locator('#journal').waitFor();
    await expectNoAxeViolations(page, 'ärendesida (mobil)');
    await context.close();

    const client = await newPage(browser, app.url);
    await client.page.setViewportSize({ width: 390, height: 844 });
    await signInClient(client.page, app.demoLogins.clients[1]!.personnummer);
    await client.page.getByRole('button', { name: 'العربية' }).click();
    await client.page.getByRole('heading', { level: 1, name: 'صفحاتي' }).waitFor();
    await expectNoAxeViolations(client.page, 'Mina sidor start (ar, mobil)');
    await screenshot(client.page, '10-mina-sidor-ar-mobil');
    await client.context.close();
  });
});
