/**
 * The monthly cycle in real Chromium: a caseworker opens a decided case, starts next month's återansökan, sees last
 * month's values and what changed, adjusts one cost, calculates, decides with last month's reasons carried forward
 * (not repeated in the letter), proposes the payment, and the kassa approves it.
 * The decided month it starts from is prepared through the API (as the caseworker), so that it has content.
 * Set VAGEN_SHOTS=/some/dir to keep screenshots (reapply-*.png).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addMonthsIso, formatSwedishMonth, swedishDate } from '@vagen/domain/calendar.ts';
import { pdfText } from '@vagen/server/test/pdf-text.ts';
import { startDemo } from '@vagen/tools/demo.ts';
import type { ApplicationView, DecisionView } from '@vagen/contract';
import { expectNoAxeViolations, launchBrowser, newPage, screenshot, signInStaff, STAFF_PASSWORD } from './support.ts';
import { foldSpace, kronorInput, moneySource, parseKronor, selectOptionStartingWith } from './casework-support.ts';

const TIMEOUT = 300_000;
const WORKER = 'handlaggare.nord';
const ITEM_REASON = 'Kostnadsförslaget avser delvis estetisk behandling, som inte är en skälig kostnad.';

let running: Awaited<ReturnType<typeof startDemo>>;
let browser: Browser;
const contexts: BrowserContext[] = [];
const state: { caseId?: string; month?: string; next?: string; applicantName?: string; amount?: number; page?: Page } = {};

/** The API as the caseworker (for preparing the month the test starts from). */
async function apiAs(username: string) {
  const login = await fetch(`${running.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: STAFF_PASSWORD }) });
  assert.equal(login.status, 200);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async <T = unknown>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${running.url}/api/v1${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json: unknown = await r.json().catch(() => null);
    if (r.status >= 400) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
    return json as T;
  };
}

before(async () => {
  running = await startDemo({ port: 0, households: 20, jobs: false });
  browser = await launchBrowser();
  const db = running.database.db;
  const today = swedishDate(new Date());
  const thisMonth = today.slice(0, 7);
  // An active case of the caseworker, with a decided month and nothing yet for the month after this one.
  const worker = await db.selectFrom('staff_users').select('id').where('username', '=', WORKER).executeTakeFirstOrThrow();
  const cases = await db.selectFrom('cases').select(['id']).where('responsible_worker_id', '=', worker.id).where('status', '=', 'active').where('protected_identity', '=', false).execute();
  const month = addMonthsIso(`${thisMonth}-01`, 1).slice(0, 7);
  let chosen: string | null = null;
  for (const c of cases) {
    const apps = await db.selectFrom('applications').select(['period_month', 'status', 'kind']).where('case_id', '=', c.id).execute();
    const decided = apps.some((a) => a.status === 'decided');
    const later = apps.some((a) => a.period_month.slice(0, 7) >= month);
    if (decided && !later) {
      chosen = c.id;
      break;
    }
  }
  assert.ok(chosen, 'ett aktuellt ärende med ett beslutat månad');
  const api = await apiAs(WORKER);
  // Next month's application, filled in and decided with a refused part of the dental care and its reason.
  const a = await api<ApplicationView>('POST', `/cases/${chosen}/applications`, { kind: 'renewal', periodMonth: month, channel: 'paper', receivedDate: today });
  const { version: _v, ...content } = a.content;
  content.housing = { ...content.housing, tenure: 'firstHand', rent: 650000 };
  content.costs = [
    { id: 'el', type: 'electricity', amount: 40000, note: '' },
    { id: 'tand', type: 'dentalCare', amount: 300000, note: 'Tandvård enligt kostnadsförslag' },
  ];
  content.incomes = [];
  await api('PUT', `/applications/${a.id}`, content);
  await api('POST', `/applications/${a.id}/calculations`);
  await api('POST', `/applications/${a.id}/adjustments`, { lineKey: 'cost:tand', value: 150000, note: 'Halva kostnadsförslaget avser estetisk behandling' });
  const d = await api<DecisionView>('POST', `/applications/${a.id}/decisions`);
  const adults = content.coApplicant ? ['applicant', 'coApplicant'] : ['applicant'];
  await api('PATCH', `/decisions/${d.id}`, {
    outcome: 'partlyRefused',
    itemReasons: [{ key: 'cost:tand', reason: ITEM_REASON }],
    supportObstacles: adults.map((adult) => ({ adult, code: d.obstacleChoices[0]!.code })),
    ...(content.children.length ? { childPerspective: { consideration: 'Barnens behov av mat och boende täcks av beslutet.', childSpokenTo: false } } : {}),
  });
  await api('POST', `/decisions/${d.id}/communication`, { kind: 'unnecessary', exceptionId: 'notAgainst', reason: 'Underlaget kommer från den enskilde själv.' });
  await api('POST', `/decisions/${d.id}/decide`);
  // A verified account for the payment.
  const applicant = content.applicant;
  const account = await api<{ id: string }>('POST', `/cases/${chosen}/payment-accounts`, {
    payeeKind: 'client',
    personId: applicant.personId,
    kind: 'bankAccount',
    clearing: '8327-9',
    number: '123 456 789-7',
  });
  await api('POST', `/payment-accounts/${account.id}/verify`, { note: 'Kontobevis från banken' });
  state.caseId = chosen!;
  state.month = month;
  state.next = addMonthsIso(`${month}-01`, 1).slice(0, 7);
  state.applicantName = applicant.name;
});

after(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await running?.close();
});

async function staffPage(username: string): Promise<Page> {
  const { context, page } = await newPage(browser, running.url);
  contexts.push(context);
  page.setDefaultTimeout(30_000);
  await signInStaff(page, username);
  return page;
}

const announced = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text }).first().waitFor();

describe('återansökan: nästa månad på ett beslutat ärende', () => {
  test('handläggaren startar återansökan, ser förra månaden och ändringarna, beräknar och beslutar med förra månadens motivering', { timeout: TIMEOUT }, async () => {
    const page = await staffPage(WORKER);
    state.page = page;
    await page.goto(`/arenden/${state.caseId}`);
    const panel = page.getByRole('heading', { name: 'Ny månadsansökan' });
    await panel.waitFor();
    const nextLabel = formatSwedishMonth(state.next!);
    const start = page.getByRole('button', { name: `Starta återansökan för ${nextLabel}` });
    await page.getByLabel('Hur kom ansökan in?').selectOption({ label: 'Telefon' });
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'reapply-01-ny-manadsansokan', false);
    await expectNoAxeViolations(page, 'ärendesidan: ny månadsansökan');
    await start.click();
    await announced(page, `Återansökan för ${nextLabel} är startad`);

    // Last month's values are filled in, and nothing has changed yet.
    const changes = page.getByRole('heading', { name: `Ändrat sedan förra månaden (${formatSwedishMonth(state.month!)})` });
    await changes.waitFor();
    await page.getByText('Inget har ändrats sedan förra månaden.').waitFor();
    assert.equal(parseKronor(await page.getByLabel('Hyra per månad (kr)').inputValue()), 650000);
    assert.equal(await page.getByLabel('Kostnad 1: typ').inputValue(), 'electricity');
    assert.equal(parseKronor(await page.getByLabel('Kostnad 1: belopp (kr)').inputValue()), 40000);

    // The electricity bill is higher this month.
    await page.getByLabel('Kostnad 1: belopp (kr)').fill('550');
    await page.getByRole('button', { name: 'Spara och beräkna' }).click();
    await announced(page, 'Ansökan är sparad och beräknad.');
    const table = page.getByRole('table', { name: /^Ändringar jämfört med/ });
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Hushållsel/ }) });
    await row.waitFor();
    assert.match(foldSpace(await row.innerText()), new RegExp(`Ändrad ${moneySource(40000)} ${moneySource(55000)}`));
    await page
      .getByText(new RegExp(`Förra månaden: ${moneySource(40000)} \\(ändrat\\)`))
      .first()
      .waitFor();
    await changes.scrollIntoViewIfNeeded();
    await screenshot(page, 'reapply-02-andrat-sedan-forra-manaden', false);
    await expectNoAxeViolations(page, 'ärendesidan: ändrat sedan förra månaden');

    // The calculation follows as for any application; the dental care is adjusted as last month.
    const calcTable = page.getByRole('table', { name: /^Beräkning för / });
    await calcTable.waitFor();
    await page.getByRole('button', { name: /^Justera Tandvård/ }).click();
    await page.getByLabel(/^Nytt värde för Tandvård/).fill('1500');
    await page.getByLabel('Notering (varför värdet ändras)').fill('Halva kostnadsförslaget avser estetisk behandling');
    await page.getByRole('button', { name: 'Spara justering' }).click();
    await announced(page, /Tandvård.* är justerad/);

    // The draft: last month's reason for the unchanged dental care is carried forward; the electricity changed.
    await page.getByRole('button', { name: 'Skapa beslutsutkast' }).click();
    await page.getByRole('heading', { name: /^Beslutsutkast/ }).waitFor();
    await page.getByRole('radio', { name: 'Delavslag' }).check();
    assert.equal(await page.getByLabel('Skäl för Tandvård').inputValue(), '');
    await page.getByRole('button', { name: 'Hämta förra månadens motivering' }).click();
    await announced(page, /Motiveringen från .* är hämtad för: Tandvård/);
    assert.equal(await page.getByLabel('Skäl för Tandvård').inputValue(), ITEM_REASON);
    await page.getByRole('button', { name: 'Hämta förra månadens motivering' }).click();
    assert.equal(await page.getByLabel('Skäl för Tandvård').inputValue(), ITEM_REASON, 'hämtad två gånger: samma text, inte upprepad');

    // Inserting a phrase that already stands in the reasons warns instead of repeating it.
    const reasons = page.getByLabel(/^Motivering \(vilka regler/);
    await reasons.fill('');
    await selectOptionStartingWith(page.getByLabel('Fras ur frasbiblioteket'), 'Delavslag');
    await page.getByRole('button', { name: 'Infoga fras' }).click();
    const once = await reasons.inputValue();
    assert.ok(once.length > 0);
    await page.getByRole('button', { name: 'Infoga fras' }).click();
    await announced(page, 'Frasen finns redan i motiveringen.');
    assert.equal(await reasons.inputValue(), once, 'frasen infogades inte igen');
    const legal = page.getByRole('group', { name: 'Lagrum' }).getByRole('checkbox');
    if ((await legal.evaluateAll((els) => els.filter((e) => (e as HTMLInputElement).checked).length)) === 0) await legal.first().check();
    await screenshot(page, 'reapply-03-motivering', false);
    await expectNoAxeViolations(page, 'ärendesidan: beslutsutkast med förra månadens motivering');

    await page.getByRole('button', { name: 'Registrera kommunicering' }).click();
    await page.getByRole('radio', { name: 'Kommunicering är obehövlig' }).check();
    await page.getByLabel('Undantag i förvaltningslagen 25 §').selectOption({ index: 1 });
    await page.getByLabel('Skäl i det här ärendet').fill('Underlaget kommer från den enskilde själv.');
    await page.getByRole('button', { name: 'Spara kommunicering' }).click();
    await announced(page, 'Att kommunicering är obehövlig är antecknat.');
    await page.getByRole('button', { name: 'Fatta beslut' }).click();
    const letter = page.getByRole('link', { name: 'Beslutsbrev (PDF)' }).first();
    await letter.waitFor();
    const decided = page.locator('.notice-success', { has: letter });
    const amount = parseKronor(/Delavslag\s+([\d\s\u00a0\u202f,]+kr)/.exec(foldSpace(await decided.innerText()))?.[1] ?? '');
    assert.ok(amount > 0);
    state.amount = amount;

    const pdf = await page.request.get((await letter.getAttribute('href'))!);
    const text = foldSpace(await pdfText(await pdf.body()));
    assert.equal(text.split(foldSpace(ITEM_REASON)).length - 1, 1, 'förra månadens skäl står en gång i brevet');
    assert.equal(text.split(foldSpace(once.split('\n')[0]!)).length - 1, 1, 'frasen står en gång i brevet');
    // The unit's contact details from the administration (the demo's units: 031-390 06 10 Nord, 031-390 06 20 Syd).
    assert.match(text, /Kontakt/);
    assert.match(text, /031-390 06 [12]0/, 'enhetens telefonnummer står i brevet');
    assert.match(text, /vagby\.example\/ekonomiskt-bistand/, 'e-tjänstens adress står i brevet');
  });

  test('handläggaren föreslår utbetalningen och kassan godkänner den', { timeout: TIMEOUT }, async () => {
    const page = state.page!;
    const amount = state.amount!;
    assert.ok(page && amount, 'beslutet är fattat');
    await page.getByRole('heading', { name: 'Nytt utbetalningsförslag' }).scrollIntoViewIfNeeded();
    // This month's decision (last month's, decided in the set-up, is listed too).
    const decisionSelect = page.getByRole('combobox', { name: 'Beslut', exact: true });
    const options = await decisionSelect.locator('option').evaluateAll((els) => els.map((e) => ({ value: (e as HTMLOptionElement).value, text: e.textContent ?? '' })));
    const option = options.find((o) => o.text.startsWith('Delavslag') && o.text.includes(`${state.next}-01`));
    assert.ok(option, `beslutet finns bland: ${options.map((o) => o.text).join(' | ')}`);
    await decisionSelect.selectOption(option.value);
    await selectOptionStartingWith(page.getByLabel('Konto för mottagare 1'), `${state.applicantName} – `);
    await page.getByLabel('Belopp för mottagare 1 (kronor)').fill(kronorInput(amount));
    await page.getByRole('button', { name: 'Föreslå utbetalning' }).click();
    try {
      await announced(page, new RegExp(`Utbetalningen är föreslagen: ${moneySource(amount)}`));
    } catch (err) {
      console.log(await page.locator('[role="alert"]:not(:empty), .notice-error').allInnerTexts());
      await screenshot(page, 'reapply-fel-utbetalning', false);
      throw err;
    }

    const kassa = await staffPage('kassa');
    await kassa.getByRole('link', { name: 'Kassa', exact: true }).click();
    await kassa.getByRole('heading', { level: 1, name: 'Kassa' }).waitFor();
    const approve = kassa.getByRole('button', { name: new RegExp(`^Godkänn utbetalningen på ${moneySource(amount)} till ${state.applicantName}$`) });
    await approve.click();
    await announced(kassa, new RegExp(`Utbetalningen på ${moneySource(amount)} till ${state.applicantName} är godkänd\\.`));
  });
});
