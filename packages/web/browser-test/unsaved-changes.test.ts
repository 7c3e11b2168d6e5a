/**
 * Defects found on the way (issue 11, part 5), in a real browser: leaving a form with unsaved changes asks first;
 * the access log shows one Swedish line per page view; a child without an address is not shown as protected.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser, newPage, openCaseList, screenshot, signInStaff, startApp, type TestApp } from './support.ts';

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

const QUESTION = 'Du har osparade ändringar. Vill du lämna sidan?';

async function openCase(page: Page, index: number): Promise<string> {
  if (new URL(page.url()).pathname !== '/arenden') await openCaseList(page);
  await page.locator('table.case-table tbody tr a').nth(index).click();
  await page.locator('h1').filter({ hasText: 'Ärende' }).waitFor();
  return page.url();
}

test('leaving a form with unsaved changes asks first; cancelling keeps the text', async () => {
  const { page, context } = await newPage(browser, app.url);
  await signInStaff(page, 'handlaggare.nord');
  const caseUrl = await openCase(page, 0);
  const title = page.locator('#journal-new-title');
  await title.fill('Telefonsamtal med hyresvärden');

  // Another link in the app: the question comes; cancel stays with the text.
  const asked: string[] = [];
  const [dialog] = await Promise.all([page.waitForEvent('dialog'), page.getByRole('navigation').getByRole('link', { name: 'Min kö' }).click()]);
  asked.push(dialog.message());
  await dialog.dismiss();
  await page.waitForTimeout(300);
  assert.deepEqual(asked, [QUESTION]);
  assert.equal(page.url(), caseUrl, 'still on the case page');
  assert.equal(await title.inputValue(), 'Telefonsamtal med hyresvärden', 'the text is kept');

  // The browser's Back asks too; this time leave.
  const [back] = await Promise.all([page.waitForEvent('dialog'), page.goBack({ waitUntil: 'commit' }).catch(() => null)]);
  asked.push(back.message());
  await back.accept();
  await page.locator('table.case-table').waitFor();
  assert.equal(asked.length, 2, 'Back asked');
  assert.notEqual(page.url(), caseUrl);

  // A form without changes lets you go without a question.
  await openCase(page, 0);
  page.once('dialog', (d) => {
    asked.push(`oväntad: ${d.message()}`);
    void d.dismiss();
  });
  await page.getByRole('navigation').getByRole('link', { name: 'Min kö' }).click();
  await page.getByRole('heading', { level: 1, name: 'Min arbetskö' }).waitFor();
  assert.equal(asked.length, 2, 'no question without changes');
  await context.close();
});

test('the access log shows one line per page view, in Swedish, with the reads behind it', async () => {
  const worker = await newPage(browser, app.url);
  await signInStaff(worker.page, 'handlaggare.nord');
  await openCase(worker.page, 1);
  const pnr = (await worker.page
    .locator('td', { hasText: /^\d{8}-\d{4}$/ })
    .first()
    .textContent())!.trim();
  await worker.page.getByRole('region', { name: 'Journal' }).waitFor();
  await worker.page.waitForTimeout(500); // the page's other sections load
  await worker.context.close();

  const { page, context } = await newPage(browser, app.url);
  await signInStaff(page, 'enhetschef');
  await page.getByRole('link', { name: 'Logguppföljning' }).click();
  await page.getByLabel('Personnummer (valfritt)').fill(pnr);
  await page.getByRole('button', { name: 'Sök i loggen' }).click();
  const lines = page.locator('tbody tr').filter({ hasText: 'Johan Ekström' });
  await lines.first().waitFor();
  const view = lines.filter({ hasText: 'Visade ärendesidan' });
  assert.equal(await view.count(), 1, 'one line for the one page view');
  // The records behind it, one per read, open under the line.
  const summary = view.locator('summary');
  const countText = (await summary.textContent()) ?? '';
  const reads = Number(/\((\d+) loggposter\)/.exec(countText)?.[1]);
  assert.ok(reads >= 2, `several reads behind the line: ${countText}`);
  await summary.click();
  const items = view.locator('li');
  assert.equal(await items.count(), reads);
  assert.match((await items.allTextContents()).join('\n'), /Läste ärendet/);
  assert.doesNotMatch((await page.locator('table').textContent()) ?? '', /\b[a-z]+\.[a-z][a-zA-Z]*/, 'no action codes: every action has a Swedish label');
  await expectNoAxeViolations(page, 'logguppföljning med sidvisningar');
  await screenshot(page, 'defects-logguppfoljning');
  await context.close();
});

test('a child added at intake without an address is not shown as protected', async () => {
  const { page, context } = await newPage(browser, app.url);
  await signInStaff(page, 'mottagning');
  const session = await (await page.request.get('/api/v1/auth/session')).json();
  const res = await page.request.post('/api/v1/intake', {
    headers: { 'x-csrf-token': session.csrfToken },
    data: {
      unitId: session.user.units[0].id,
      channel: 'phone',
      track: 'ordinary',
      need: 'Pengar till mat',
      applicant: { personnummer: '19880714-1232', firstName: 'Alva', lastName: 'Ek', addressLine: 'Bergsgatan 3', postalCode: '85231', city: 'Vägby' },
      children: [{ personnummer: '20150303-2466', firstName: 'Liv', lastName: 'Ek' }],
    },
  });
  assert.equal(res.status(), 201, await res.text());
  const { id, caseId } = await res.json();

  // The intake's checklist: what the system knows is read from the contact, not ticked.
  await page.goto(`/mottagning/${id}`);
  const checklists = page.getByRole('region', { name: 'Checklistor' });
  await checklists.waitFor();
  await checklists.getByText('Hämtas från ärendet: Telefonintervjun är inte sparad.').waitFor();
  assert.equal(await checklists.getByRole('checkbox', { name: /Telefonintervjun/ }).count(), 0, 'no box for a derived point');
  assert.equal(await checklists.getByRole('checkbox', { name: /Identiteten är kontrollerad/ }).count(), 1, 'a judgement keeps its box');
  await expectNoAxeViolations(page, 'mottagningens checklistor');
  await checklists.screenshot({ path: `${process.env.VAGEN_SHOTS ?? '/tmp'}/defects-checklistor.png` });

  await page.goto(`/arenden/${caseId}`);
  const child = page.locator('tr', { has: page.getByRole('rowheader', { name: 'Liv Ek' }) });
  await child.waitFor();
  assert.equal(await child.getByText('Skyddad adress').count(), 0, 'no protected badge');
  await child.getByText('Adress saknas').waitFor();
  await child.locator('xpath=ancestor::table').screenshot({ path: `${process.env.VAGEN_SHOTS ?? '/tmp'}/defects-barn-utan-adress.png` });
  await context.close();
});
