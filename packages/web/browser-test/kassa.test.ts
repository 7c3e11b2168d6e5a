/**
 * The kassa's day in real Chromium on the demo data: a proposal to an unverified account has its approve button
 * disabled with the reason beside it; one proposal is sent back to the caseworker with a comment (who sees it on the
 * case); another is approved, sent in a payment file and shows up under "Skickat".
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser, newPage, screenshot, signInStaff, startApp, type TestApp } from './support.ts';

let app: TestApp;
let browser: Browser;

before(async () => {
  app = await startApp(20);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.close();
});

test('kassa: disabled approval with its reason, send back with a comment, approve, see it in the history', async () => {
  const { context, page } = await newPage(browser, app.url);
  await signInStaff(page, 'kassa');
  await page.goto('/kassa');
  await page.getByRole('heading', { name: /Väntar på kontroll/ }).waitFor();
  const cards = page.locator('section[aria-labelledby="kassa-vantar"] li.card');
  await screenshot(page, 'kassa-00-sidan');

  // The proposal to an unverified account: flagged, and its approve button is disabled with the reason beside it.
  const unverified = cards.filter({ hasText: 'Kontot är inte kontrollerat. Kassan kan inte godkänna' });
  await unverified.first().waitFor();
  const blockedButton = unverified.first().getByRole('button', { name: /^Godkänn utbetalningen/ });
  assert.equal(await blockedButton.isDisabled(), true);
  const reason = unverified.first().locator('.kassa-reasons');
  assert.match(await reason.innerText(), /Kan inte godkännas:\s*Kontot är inte kontrollerat\. Handläggaren behöver kontrollera kontot/);
  // The reason is the button's description for a screen reader.
  const describedBy = await blockedButton.getAttribute('aria-describedby');
  assert.equal(describedBy, await reason.getAttribute('id'));
  await unverified.first().scrollIntoViewIfNeeded();
  await screenshot(page, 'kassa-01-spärrad', false);

  // Send one approvable proposal back with a comment.
  const ready = cards.filter({ has: page.getByRole('button', { name: /^Godkänn utbetalningen/, disabled: false }) });
  const before = await ready.count();
  assert.ok(before >= 2, `minst två förslag att godkänna (fanns ${before})`);
  const backId = (await ready.first().locator('h3').getAttribute('id'))!;
  // The card by its heading: the buttons in it change when the form opens.
  const back = cards.filter({ has: page.locator(`h3[id="${backId}"]`) });
  const caseLink = back.locator('h3 a');
  const caseNumber = await caseLink.innerText();
  const caseHref = (await caseLink.getAttribute('href'))!;
  await back.getByRole('button', { name: /^Skicka tillbaka till handläggaren: utbetalningen på/ }).click();
  await back.getByRole('button', { name: 'Skicka tillbaka', exact: true }).click();
  // Empty comment: the error summary names the field.
  await back.getByRole('alert').filter({ hasText: 'Skriv vad handläggaren behöver rätta.' }).first().waitFor();
  await screenshot(page, 'kassa-02-skicka-tillbaka-fel', false);
  await back.getByLabel('Vad behöver handläggaren rätta?').fill('Beloppet ska delas mellan hyresvärden och den enskilde enligt beslutet.');
  await back.getByRole('button', { name: 'Skicka tillbaka', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'är skickad tillbaka till handläggaren' }).waitFor();
  assert.equal(await back.count(), 0);

  // Approve another one: it leaves the list and waits to be sent.
  const approveId = (await cards
    .filter({ has: page.getByRole('button', { name: /^Godkänn utbetalningen/, disabled: false }) })
    .first()
    .locator('h3')
    .getAttribute('id'))!;
  const approve = cards.filter({ has: page.locator(`h3[id="${approveId}"]`) });
  const approvedTitle = (await approve.locator('h3').innerText()).split(' – ')[0]!;
  const approvedCase = await approve.locator('h3 a').innerText();
  await approve.getByRole('button', { name: /^Godkänn utbetalningen/ }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `Utbetalningen på ${approvedTitle} är godkänd.` })
    .waitFor();
  const approvedTable = page.getByRole('table', { name: 'Godkända utbetalningar som inte har skickats till banken' });
  await approvedTable.getByRole('link', { name: approvedCase }).first().waitFor();

  // Send the payment file; it appears under "Skickat" with the case.
  await page.getByRole('button', { name: 'Skapa betalfil' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: /Betalfilen VAGEN-2281-\d+ är skapad/ })
    .waitFor();
  const sent = page.locator('section[aria-labelledby="kassa-skickat"]');
  const newest = sent.locator('li.card').first();
  await newest.getByRole('link', { name: approvedCase }).waitFor();
  assert.match(await newest.innerText(), /Peter Lund/);
  assert.match(await sent.locator('p[aria-live]').innerText(), /\d+ betalfil(er)? med \d+ utbetalning(ar)?, sammanlagt/);
  // Other months can be chosen.
  const months = await sent.getByLabel('Månad').locator('option').count();
  assert.ok(months >= 2, `historiken har flera månader (${months})`);
  await page.getByRole('heading', { name: 'Skickat' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'kassa-03-skickat', false);
  await screenshot(page, 'kassa-04-hela-sidan');
  await expectNoAxeViolations(page, 'kassan');
  await context.close();

  // The caseworker sees the comment on the case.
  const { context: cw, page: worker } = await newPage(browser, app.url);
  for (const username of ['handlaggare.nord', 'handlaggare.syd']) {
    await signInStaff(worker, username);
    await worker.goto(caseHref);
    const found = await worker
      .getByText('Beloppet ska delas mellan hyresvärden och den enskilde enligt beslutet.')
      .first()
      .waitFor({ timeout: 5000 })
      .then(() => true)
      .catch(() => false);
    if (found) {
      await worker.getByText('Kassan skickade tillbaka förslaget').first().scrollIntoViewIfNeeded();
      await screenshot(worker, 'kassa-05-handlaggaren-ser-kommentaren', false);
      // The returned amount can be proposed again; choosing a newly registered (unverified) account flags it.
      await worker.getByLabel('Kontotyp').selectOption({ label: 'IBAN (svenskt)' });
      await worker.getByLabel('IBAN', { exact: true }).fill('SE55 5000 0000 0512 3456 7890');
      await worker.getByRole('button', { name: 'Spara konto' }).click();
      const accountSelect = worker.getByLabel('Konto för mottagare 1');
      const unverifiedOption = accountSelect.locator('option', { hasText: 'inte kontrollerat' }).first();
      await unverifiedOption.waitFor({ state: 'attached' });
      await accountSelect.selectOption((await unverifiedOption.getAttribute('value'))!);
      const flag = worker.locator('form', { has: accountSelect }).getByText('Observera:');
      await flag.waitFor();
      assert.match(await flag.locator('..').innerText(), /Kontot är inte kontrollerat\. Kassan kan inte godkänna utbetalningen förrän kontot är kontrollerat\./);
      await accountSelect.scrollIntoViewIfNeeded();
      await screenshot(worker, 'kassa-06-forslag-okontrollerat-konto', false);
      await cw.close();
      return;
    }
    await cw.clearCookies();
  }
  assert.fail(`handläggaren ser inte kassans kommentar i ärende ${caseNumber}`);
});
