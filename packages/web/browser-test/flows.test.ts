/**
 * Real flows against the real server: staff sign-in (wrong password, then right), case list, search without
 * personnummer in the URL, case page, journal entry written, signed and corrected; a client's e-ID sign-in and
 * Mina sidor showing only their own case; CSRF header on every change; 401 → the right sign-in page.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page, Request } from 'playwright-core';
import { assertNoPersonnummerInUrl, launchBrowser, newPage, openCaseList, screenshot, signInClient, signInStaff, startApp, STAFF_PASSWORD, type TestApp } from './support.ts';

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

/** Records every API request that changes something, and every URL the page visits. */
function watch(page: Page) {
  const changes: { method: string; path: string; csrf: string | undefined }[] = [];
  const urls: string[] = [];
  page.on('request', (req: Request) => {
    const u = new URL(req.url());
    if (u.pathname.startsWith('/api/') && req.method() !== 'GET') changes.push({ method: req.method(), path: u.pathname, csrf: req.headers()['x-csrf-token'] });
  });
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) urls.push(frame.url());
  });
  return { changes, urls };
}

async function currentUrlsClean(page: Page, urls: string[]) {
  for (const u of [...urls, page.url()]) assertNoPersonnummerInUrl(u);
  // History API changes (SPA navigation) are not frame navigations: check the live location too.
  assertNoPersonnummerInUrl(await page.evaluate(() => location.href));
}

describe('personal', () => {
  test('fel lösenord visar ett fel som läses upp och kopplas till formuläret', async () => {
    const { context, page } = await newPage(browser, app.url);
    await page.goto('/logga-in');
    await page.getByLabel('Användarnamn').fill('handlaggare.nord');
    await page.getByLabel('Lösenord').fill('fel-losenord');
    await page.getByRole('button', { name: 'Logga in' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Fel användarnamn eller lösenord' });
    await alert.waitFor();
    assert.equal(new URL(page.url()).pathname, '/logga-in');
    assert.equal(await page.getByLabel('Lösenord').inputValue(), '', 'lösenordet töms');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'password', 'fokus i lösenordsfältet');

    // Empty fields: errors linked to the fields with aria-describedby and listed in the summary.
    await page.getByLabel('Användarnamn').fill('');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.locator('#username-error').waitFor();
    const describedBy = await page.getByLabel('Användarnamn').getAttribute('aria-describedby');
    assert.match(describedBy ?? '', /username-error/);
    await page.getByRole('alert').getByRole('link', { name: 'Skriv ditt användarnamn.' }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'username');
    await context.close();
  });

  test('utan inloggning leder personalsidor till inloggningen och sedan tillbaka', async () => {
    const { context, page } = await newPage(browser, app.url);
    await page.goto('/arenden?status=active');
    await page.waitForURL((u) => u.pathname === '/logga-in');
    await page.getByLabel('Användarnamn').fill('handlaggare.nord');
    await page.getByLabel('Lösenord').fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL((u) => u.pathname === '/arenden' && u.searchParams.get('status') === 'active');
    await page.locator('table.case-table tbody tr').first().waitFor();
    const statuses = await page.locator('table.case-table tbody td .badge').allTextContents();
    for (const s of statuses) assert.equal(s, 'Aktuellt');
    await context.close();
  });

  test('handläggaren loggar in, ser ärenden, söker, öppnar ett ärende och skriver och signerar en anteckning', async () => {
    const { context, page } = await newPage(browser, app.url);
    const seen = watch(page);
    await signInStaff(page, 'handlaggare.nord');

    // Header: name and role, and "Logga ut".
    const header = page.getByRole('banner');
    await header.getByText('Johan Ekström').waitFor();
    await header.getByText('Socialsekreterare').waitFor();
    assert.equal(await header.getByRole('button', { name: 'Logga ut' }).count(), 1);

    // Case list (the menu's "Ärenden"; sign-in lands on the start page): only what the API returns; Nord's worker
    // sees Nord's cases.
    await openCaseList(page);
    const headers = await page.locator('table.case-table thead th').allTextContents();
    assert.deepEqual(headers, ['Ärendenummer', 'Sökande', 'Status', 'Enhet', 'Ansvarig handläggare', 'Senast ändrad']);
    const units = new Set(await page.locator('table.case-table tbody tr td:nth-child(4)').allTextContents());
    assert.deepEqual([...units], ['Försörjningsstöd Nord']);

    // "Mina ärenden": every row has this worker as responsible (or second) worker.
    await page.getByRole('button', { name: 'Mina ärenden' }).click();
    await page.waitForURL(/mina=ja/);
    await page
      .getByRole('status')
      .filter({ hasText: /Visar|Inga ärenden/ })
      .waitFor();
    assert.equal(await page.getByRole('button', { name: 'Mina ärenden' }).getAttribute('aria-pressed'), 'true');
    await page.getByRole('button', { name: 'Alla ärenden' }).click();
    await page.waitForURL((u) => !u.searchParams.has('mina'));

    // Search by personnummer goes in the request body, never in the URL.
    const client = app.demoLogins.clients.find((c) => /Nord/.test(c.note)) ?? app.demoLogins.clients[0]!;
    await page.getByLabel('Namn, ärendenummer eller personnummer').fill(client.personnummer);
    const [searchReq] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith('/api/v1/cases/search') && r.method() === 'POST'),
      page.getByRole('button', { name: 'Sök', exact: true }).click(),
    ]);
    assert.equal(JSON.parse(searchReq.postData() ?? '{}').query, client.personnummer);
    await page.locator('table.case-table caption', { hasText: 'Sökresultat' }).waitFor();
    const hits = page.locator('table.case-table tbody tr th a');
    assert.ok((await hits.count()) >= 1, 'sökningen hittar klientens ärende');
    await currentUrlsClean(page, seen.urls);

    // Open the case.
    const caseNumber = (await hits.first().textContent())!.trim();
    await hits.first().click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`Ärende ${caseNumber}`) }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'fokus flyttas till rubriken vid sidbyte');
    assert.match(await page.title(), new RegExp(`Ärende ${caseNumber} – Vägen`));
    const household = page.locator('table', { has: page.locator('caption', { hasText: 'Personer i hushållet' }) });
    await household.locator('tbody tr').first().waitFor();
    assert.ok((await household.locator('tbody tr').count()) >= 1);
    // Money and time formatting in the tables (when there are rows).
    const amounts = await page
      .locator('table', { has: page.locator('caption', { hasText: 'Beslut i ärendet' }) })
      .locator('td.num')
      .allTextContents();
    for (const a of amounts) assert.match(a, /^\d{1,3}(?:\s\d{3})*(?:,\d{2})?\s?kr$/u, `belopp i kronor: ${a}`);
    await currentUrlsClean(page, seen.urls);

    // Write a journal entry with an oral statement (FL 27 §).
    const title = `Telefonsamtal ${Date.now()}`;
    await page.getByLabel('Rubrik', { exact: true }).fill(title);
    await page.getByLabel('Text', { exact: true }).fill('Sökanden ringde och berättade att hen har fått en praktikplats.');
    await page.getByLabel('Muntlig uppgift från').fill('Sökanden');
    await page.getByLabel('Muntlig uppgift när').fill('2026-01-15T10:30');
    await page.getByRole('button', { name: 'Spara anteckning' }).click();
    const entry = page.locator('article.journal-entry', { has: page.getByRole('heading', { name: title }) });
    await entry.waitFor();
    await entry.getByText('Inte signerad').waitFor();
    await entry.getByText(/Från Sökanden/).waitFor();
    await page.getByRole('status').filter({ hasText: 'är sparad' }).waitFor();

    // Edit while unsigned.
    await entry.getByRole('button', { name: 'Ändra' }).click();
    await entry.getByLabel('Text').fill('Sökanden ringde och berättade att hen har fått en praktikplats från 1 februari.');
    await entry.getByRole('button', { name: 'Spara ändringar' }).click();
    await entry.getByText('från 1 februari').waitFor();

    // Sign: confirm, then the entry is locked (no edit, correction offered instead).
    await entry.getByRole('button', { name: 'Signera' }).click();
    await entry.getByRole('button', { name: 'Ja, signera' }).click();
    await entry.getByText('Signerad – låst').waitFor();
    assert.equal(await entry.getByRole('button', { name: 'Ändra' }).count(), 0, 'signerad anteckning kan inte ändras');
    assert.equal(await entry.getByRole('button', { name: 'Signera' }).count(), 0);
    await entry
      .getByText(/Johan Ekström/)
      .first()
      .waitFor();

    // Correction refers to the original.
    await entry.getByRole('button', { name: 'Skriv rättelse' }).click();
    await entry.getByLabel('Vad ska rättas?').fill('Praktikplatsen börjar 3 februari, inte 1 februari.');
    await entry.getByRole('button', { name: 'Spara rättelse' }).click();
    const correction = page.locator('article.journal-entry', { hasText: 'Det här är en rättelse av' }).filter({ hasText: title }).first();
    await correction.waitFor();
    await correction.getByRole('link', { name: new RegExp(title) }).click();
    assert.match((await page.evaluate(() => document.activeElement?.textContent)) ?? '', new RegExp(title));
    await entry.getByText('Den här anteckningen har rättats i').waitFor();
    await correction.scrollIntoViewIfNeeded();
    await screenshot(page, '09-arende-journal', false);

    // Every change carried the CSRF token (login itself is exempt).
    const unprotected = seen.changes.filter((c) => c.path !== '/api/v1/auth/login' && !c.csrf);
    assert.deepEqual(unprotected, [], 'alla ändrande anrop har x-csrf-token');
    assert.ok(seen.changes.some((c) => c.path.endsWith('/sign')));
    await currentUrlsClean(page, seen.urls);

    // Sign out → sign-in page; the case page now needs a new sign-in.
    await page.getByRole('banner').getByRole('button', { name: 'Logga ut' }).click();
    await page.waitForURL((u) => u.pathname === '/logga-in');
    await page.getByText('Du är utloggad.').waitFor();
    await context.close();
  });

  test('status kan ändras med motivering, och avslut kräver avslutsorsak', async () => {
    const { context, page } = await newPage(browser, app.url);
    await signInStaff(page, 'handlaggare.syd');
    await openCaseList(page);
    // Open the first case that is not closed.
    const rows = page.locator('table.case-table tbody tr');
    const n = await rows.count();
    let opened = false;
    for (let i = 0; i < n; i++) {
      if ((await rows.nth(i).locator('.badge').textContent()) !== 'Avslutat') {
        await rows.nth(i).locator('th a').click();
        opened = true;
        break;
      }
    }
    assert.ok(opened, 'det finns ett öppet ärende');
    await page.getByRole('heading', { name: 'Ändra status' }).waitFor();
    await page.getByRole('radio', { name: 'Avslutat' }).check();
    await page.getByRole('button', { name: 'Ändra status' }).click();
    await page.getByRole('alert').getByRole('link', { name: 'Välj varför ärendet avslutas.' }).waitFor();
    await page.getByLabel('Orsak till avslut').selectOption('work');
    await page.getByLabel('Motivering (frivillig)').fill('Har fått anställning.');
    await page.getByRole('button', { name: 'Ändra status' }).click();
    await page.getByRole('status').filter({ hasText: 'Statusen är ändrad till Avslutat' }).waitFor();
    const history = page.locator('table', { has: page.locator('caption', { hasText: 'Statushistorik' }) });
    await history.getByText('Har fått anställning.').waitFor();
    await page.locator('.summary-list').getByText('Arbete').waitFor();
    await context.close();
  });

  test('ärendelistan bläddras sida för sida och fokus flyttas till tabellen', async () => {
    const { context, page } = await newPage(browser, app.url);
    await signInStaff(page, 'enhetschef');
    await openCaseList(page);
    await page.getByLabel('Per sida').selectOption('10');
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await page.waitForURL(/antal=10/);
    const status = page.getByRole('status').filter({ hasText: /^Visar 1–10 av \d+ ärenden\.$/ });
    await status.waitFor();
    const total = Number(/av (\d+)/.exec((await status.textContent())!)![1]);
    assert.ok(total > 10, `fler än 10 ärenden (${total})`);
    const nav = page.getByRole('navigation', { name: 'Sidor i ärendelistan' });
    const firstPage = await page.locator('table.case-table tbody th a').allTextContents();
    assert.equal(firstPage.length, 10);
    await nav.getByRole('link', { name: 'Nästa sida' }).click();
    await page.waitForURL(/sida=2/);
    await page
      .getByRole('status')
      .filter({ hasText: `Visar 11–${Math.min(20, total)} av ${total} ärenden.` })
      .waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'TABLE', 'fokus på tabellen efter sidbyte');
    const secondPage = await page.locator('table.case-table tbody th a').allTextContents();
    assert.equal(secondPage.filter((c) => firstPage.includes(c)).length, 0, 'sida 2 visar andra ärenden');
    assert.equal(await nav.locator('[aria-current="page"]').textContent(), 'Sida 2');
    await nav.getByRole('link', { name: 'Föregående sida' }).click();
    await page.waitForURL((u) => !u.searchParams.has('sida'));
    await context.close();
  });

  test('ett utgånget konto (401) leder till inloggningen', async () => {
    const { context, page } = await newPage(browser, app.url);
    await signInStaff(page, 'handlaggare.nord');
    await openCaseList(page);
    await context.clearCookies();
    await page.locator('table.case-table tbody tr th a').first().click();
    await page.waitForURL((u) => u.pathname === '/logga-in');
    await page.getByText('Du har blivit utloggad').waitFor();
    await context.close();
  });
});

describe('Mina sidor', () => {
  test('klienten loggar in med test-e-legitimation och ser bara sitt eget ärende', async () => {
    const { context, page } = await newPage(browser, app.url);
    const seen = watch(page);
    const [me, other] = app.demoLogins.clients;
    assert.ok(me && other, 'demodata har minst två klienter');

    // What staff sees for this person (the manager sees both units).
    const { context: staffCtx, page: staffPage } = await newPage(browser, app.url);
    await signInStaff(staffPage, 'enhetschef');
    const caseNumbersOf = async (pnr: string) => {
      const r = await staffPage.evaluate(async (query) => {
        const s = await (await fetch('/api/v1/auth/session')).json();
        const res = await fetch('/api/v1/cases/search', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrfToken }, body: JSON.stringify({ query }) });
        return (await res.json()) as { items: { caseNumber: string }[] };
      }, pnr);
      return r.items.map((i) => i.caseNumber).sort();
    };
    const mine = await caseNumbersOf(me.personnummer);
    const theirs = await caseNumbersOf(other.personnummer);
    await staffCtx.close();
    assert.ok(mine.length >= 1);

    await page.goto('/mina-sidor');
    await page.waitForURL((u) => u.pathname === '/mina-sidor/logga-in');
    await page.getByRole('link', { name: 'Logga in med e-legitimation' }).click();
    await page.waitForURL(/\/interaction\//);
    await page.getByLabel('Personnummer').fill(me.personnummer);
    await page.getByRole('button', { name: 'Legitimera' }).click();
    await page.waitForURL((u) => u.pathname === '/mina-sidor');
    await page.locator('.case-card').first().waitFor();

    const firstName = me.name.split(' ')[0]!;
    await page.getByText(`Hej ${firstName}!`).waitFor();
    const shown = (await page.locator('.case-card h2').allTextContents()).map((h) => h.replace('Ärende ', '').trim()).sort();
    assert.deepEqual(shown, mine, 'visar exakt klientens egna ärenden');
    for (const cn of theirs) assert.ok(!shown.includes(cn), `visar inte någon annans ärende (${cn})`);
    await page.locator('.case-card').first().getByText('Din handläggare').waitFor();
    await currentUrlsClean(page, seen.urls);

    // Sign out.
    await page.getByRole('banner').getByRole('button', { name: 'Logga ut' }).click();
    await page.waitForURL((u) => u.pathname === '/mina-sidor/logga-in');
    await page.goto('/mina-sidor');
    await page.waitForURL((u) => u.pathname === '/mina-sidor/logga-in');
    await context.close();
  });

  test('en okänd person får ett begripligt fel efter e-legitimationen', async () => {
    const { context, page } = await newPage(browser, app.url);
    await page.goto('/mina-sidor/logga-in');
    await page.getByRole('link', { name: 'Logga in med e-legitimation' }).click();
    await page.waitForURL(/\/interaction\//);
    // A valid personnummer (checksum) that is not in the demo data.
    await page.getByLabel('Personnummer').fill('19121212-1212');
    await page.getByRole('button', { name: 'Legitimera' }).click();
    await page.waitForURL((u) => u.pathname === '/mina-sidor/logga-in');
    await page.getByRole('alert').getByText('Vi hittar inga uppgifter om dig').waitFor();
    await context.close();
  });

  test('klienten kan inte se personalsidor', async () => {
    const { context, page } = await newPage(browser, app.url);
    await signInClient(page, app.demoLogins.clients[1]!.personnummer);
    await page.goto('/arenden');
    await page.waitForURL((u) => u.pathname === '/logga-in');
    await context.close();
  });
});
