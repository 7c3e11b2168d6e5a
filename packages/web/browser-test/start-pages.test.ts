/** Each demo role signs in and lands on its own start page, with real content from the demo. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser, newPage, screenshot, signInStaff, startApp, type TestApp } from './support.ts';

let app: TestApp;
let browser: Browser;
before(async () => {
  app = await startApp(40);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.close();
});

const ROLES: { username: string; heading: string; content: string }[] = [
  { username: 'handlaggare.nord', heading: 'Det här väntar på dig', content: 'table.data-table tbody tr' },
  { username: 'mottagning', heading: 'Mottagningen i dag', content: 'table.data-table tbody tr' },
  { username: 'kassa', heading: 'Kassan', content: 'a[href="/kassa"]' },
  { username: 'enhetschef', heading: 'Enheternas läge', content: 'table.data-table tbody tr' },
  { username: 'systemforvaltare', heading: 'Administration', content: 'a[href="/admin/regler"]' },
  { username: 'nyanstalld', heading: 'Det här väntar på dig', content: 'text=Du är ny medarbetare' },
];

for (const r of ROLES) {
  test(`${r.username} lands on its own start page`, async () => {
    const { context, page } = await newPage(browser, app.url);
    await signInStaff(page, r.username);
    assert.equal(new URL(page.url()).pathname, '/');
    await page.getByRole('heading', { level: 1, name: r.heading }).waitFor();
    await page.locator(r.content).first().waitFor();
    assert.ok((await page.locator(r.content).count()) > 0);
    await expectNoAxeViolations(page, `startsidan för ${r.username}`);
    await screenshot(page, `start-${r.username}`);
    await context.close();
  });
}

test('Min kö and the intake queue show the waiting work of the demo', async () => {
  const { context, page } = await newPage(browser, app.url);
  await signInStaff(page, 'handlaggare.nord');
  await page.goto('/ko');
  const mine = page.locator('table.queue-table tbody tr');
  await mine.first().waitFor();
  assert.ok(!(await page.getByText('Inga öppna uppgifter.').isVisible()), 'Min kö is not empty');
  assert.ok((await page.locator('table.queue-table tbody tr', { hasText: 'Bevakning' }).count()) > 0, 'a due watch is in Min kö');
  await screenshot(page, 'start-ko-handlaggare.nord');
  await context.close();

  const intake = await newPage(browser, app.url);
  await signInStaff(intake.page, 'mottagning');
  await intake.page.goto('/mottagning');
  await intake.page.locator('table tbody tr', { hasText: 'Ingen kontakt registrerad' }).first().waitFor();
  await screenshot(intake.page, 'start-mottagning-ko');
  await intake.context.close();
});
