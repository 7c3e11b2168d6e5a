/**
 * The casework chain end to end, in real Chromium and in Swedish, the way the staff would do it:
 *  1. the intake worker (mottagning) registers a phone contact for a new person with a child, interviews, makes the
 *     preliminary calculation, checks responsibility, ticks the checklists, books the nybesök with documents to bring
 *     and assigns the case to Johan Ekström (handlaggare.nord);
 *  2. the caseworker fills in the application (rent, dental care, an income), calculates, adjusts the dental care
 *     with a note (system and worker values side by side), drafts a delavslag with reasons, försörjningshinder and
 *     child perspective, is stopped by FL 25 § before kommunicering, records kommunicering whose deadline has passed,
 *     decides and opens the decision letter;
 *  3. the caseworker adds and verifies the client's bank account and proposes the payment of the decided amount;
 *  4. the kassa approves it (four eyes) and creates the payment file;
 *  5. the pain.001 file validates against the XSD and holds the amount; the letter PDF says what was decided, why,
 *     and how to appeal; axe finds nothing on any page state on the way; no personnummer ever reaches a URL.
 * Set VAGEN_SHOTS=/some/dir to keep screenshots (scenario-*.png).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { pdfText } from '@vagen/server/test/pdf-text.ts';
import { validatePain001Xsd } from '@vagen/server/payments/xsd.ts';
import { expectNoAxeViolations, launchBrowser, newPage, openCaseList, screenshot, signInStaff } from './support.ts';
import {
  addDays,
  foldSpace,
  isoAmount,
  kronorInput,
  moneyPattern,
  moneySource,
  nextWeekday,
  parseKronor,
  selectOptionStartingWith,
  startScenarioApp,
  stockholmToday,
  unusedPersonnummer,
  UrlWatch,
  type ScenarioApp,
} from './casework-support.ts';

const STEP_TIMEOUT = 240_000;
const ACTION_TIMEOUT = 30_000;

const CLIENT = { firstName: 'Saga', lastName: 'Örnberg', addressLine: 'Vägbygatan 14', postalCode: '123 45', city: 'Vägby', phone: '070-123 45 67' };
const CHILD = { firstName: 'Ebba', lastName: 'Örnberg' };
const FULL_NAME = `${CLIENT.firstName} ${CLIENT.lastName}`;
const WORKER = 'Johan Ekström';
const RENT_KR = 6500;
const DENTAL_APPLIED = 300_000;
const DENTAL_ADJUSTED = 150_000;
const ADJUST_NOTE = 'Halva kostnadsförslaget avser estetisk behandling, som inte är en skälig kostnad.';
const OWN_REASON = 'Tandvården beviljas till den del den är akut och nödvändig enligt tandläkarens intyg.';
const CHILD_CONSIDERATION = 'Barnets behov av mat, kläder och boende täcks fullt ut; avslaget gäller bara den vuxnas tandvård.';

let app: ScenarioApp;
let browser: Browser;
const urls = new UrlWatch();
const contexts: BrowserContext[] = [];

/** What one step hands to the next. */
const state: {
  personnummer?: string;
  childPersonnummer?: string;
  caseNumber?: string;
  handedOver?: boolean;
  decidedAmount?: number;
  letterChecked?: boolean;
  /** The caseworker's page, kept open from the decision to the payment proposal. */
  caseworker?: Page;
  proposed?: boolean;
  paymentFileXml?: string;
} = {};

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Föregående steg blev inte klart (${what} saknas).`);
  return value;
}

/** The page each step works on; on failure it is captured with the messages shown, to see what the person saw. */
let current: Page | null = null;

async function staffPage(username: string): Promise<Page> {
  const { context, page } = await newPage(browser, app.url);
  contexts.push(context);
  current = page;
  page.setDefaultTimeout(ACTION_TIMEOUT);
  page.setDefaultNavigationTimeout(ACTION_TIMEOUT);
  urls.watch(context, page);
  await signInStaff(page, username);
  return page;
}

/** A screenshot of the viewport with `at` at the top (only when VAGEN_SHOTS is set). */
async function shot(page: Page, name: string, at: Locator): Promise<void> {
  await at.first().evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
  await screenshot(page, name, false);
}

/** The live region that announces what just happened on the page. */
const announced = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text }).first().waitFor();

/** A step of the scenario; when it fails, the page is captured with the messages it showed, to see what the person saw. */
function step(name: string, fn: () => Promise<void>): void {
  test(name, { timeout: STEP_TIMEOUT }, async () => {
    try {
      await fn();
    } catch (err) {
      if (current && !current.isClosed() && !/^Föregående steg/.test(String((err as Error).message))) {
        const shown = await current
          .locator('[role="alert"]:not(:empty), [role="status"]:not(:empty), .notice-error')
          .allInnerTexts()
          .catch(() => []);
        if (shown.length) console.log(`Meddelanden på sidan när steget misslyckades:\n  ${shown.join('\n  ')}`);
        await screenshot(current, `scenario-fel-${name.slice(0, 2).replace(/\W/g, '')}`, false).catch(() => undefined);
      }
      throw err;
    }
  });
}

before(async () => {
  app = await startScenarioApp();
  browser = await launchBrowser();
  state.personnummer = await unusedPersonnummer(app, '1991-06-17', 'K');
  state.childPersonnummer = await unusedPersonnummer(app, '2018-03-09', 'K');
});

after(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await app?.close();
});

describe('ett ärende från första telefonsamtalet till betalfilen', () => {
  step('1. mottagningen registrerar kontakten, intervjuar, beräknar, prövar ansvaret, bokar nybesök och fördelar ärendet', async () => {
    const pnr = need(state.personnummer, 'personnummer');
    const page = await staffPage('mottagning');

    await page.getByRole('link', { name: 'Mottagning', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Mottagning' }).waitFor();
    await page.getByRole('link', { name: 'Registrera ny kontakt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registrera ny kontakt' }).waitFor();

    // The contact: by phone, ordinary track, for this month.
    await page.getByRole('radio', { name: 'Telefon' }).check();
    await page.getByRole('radio', { name: 'Ordinarie' }).check();
    await page.getByLabel('Vad gäller kontakten?').fill('Ringer och saknar pengar till hyran och tandvård. Har a-kassa men den räcker inte.');
    await page.getByLabel('Personnummer', { exact: true }).fill(pnr);
    await page.getByLabel('Förnamn', { exact: true }).fill(CLIENT.firstName);
    await page.getByLabel('Efternamn', { exact: true }).fill(CLIENT.lastName);
    await page.getByLabel('Gatuadress', { exact: true }).fill(CLIENT.addressLine);
    await page.getByLabel('Postnummer', { exact: true }).fill(CLIENT.postalCode);
    await page.getByLabel('Ort', { exact: true }).fill(CLIENT.city);
    await page.getByRole('textbox', { name: 'Telefon', exact: true }).fill(CLIENT.phone);
    await page.getByRole('button', { name: 'Lägg till barn' }).click();
    await page.getByLabel('Personnummer för barn 1').fill(need(state.childPersonnummer, 'barnets personnummer'));
    await page.getByLabel('Förnamn för barn 1').fill(CHILD.firstName);
    await page.getByLabel('Efternamn för barn 1').fill(CHILD.lastName);
    await expectNoAxeViolations(page, 'mottagning: registrera ny kontakt (ifyllt)');
    await page.getByRole('button', { name: 'Registrera kontakt' }).click();

    await page.waitForURL(/\/mottagning\/[0-9a-f-]{36}$/);
    const h1 = page.getByRole('heading', { level: 1, name: /^Kontakt / });
    await h1.waitFor();
    const caseNumber = /Kontakt ([^\s,]+)/.exec((await h1.textContent()) ?? '')?.[1];
    assert.ok(caseNumber, 'ärendenumret står i rubriken');
    state.caseNumber = caseNumber;
    assert.match(await h1.innerText(), new RegExp(FULL_NAME));
    const people = page.getByRole('table', { name: 'Personer i hushållet' });
    await people.getByRole('row', { name: new RegExp(FULL_NAME) }).waitFor();
    assert.doesNotMatch(await page.locator('dl.summary-list').first().innerText(), /återaktualiserat/, 'en ny person, inte ett återaktualiserat ärende');
    await urls.snapshot(page);

    // Telefonintervjun.
    await page.getByLabel('Vad behöver personen hjälp med?').fill('Hyran för månaden och akut tandvård. A-kassan räcker inte till allt.');
    await page.getByLabel('Vad har personen själv gjort för att lösa situationen?').fill('Söker arbete via Arbetsförmedlingen och har ansökt om bostadsbidrag.');
    await page.getByLabel('Boendekostnad per månad (kr)').fill(String(RENT_KR));
    await page.getByLabel('Äger bil', { exact: true }).setChecked(false);
    await page.getByRole('button', { name: 'Lägg till inkomst' }).click();
    await page.getByLabel('Inkomst 1, belopp (kr)').fill('3000');
    await page.getByRole('button', { name: 'Spara intervjun' }).click();
    await announced(page, 'Intervjun är sparad.');

    // Preliminär beräkning: an amount per month, shown and announced, clearly not a decision.
    await page.getByRole('button', { name: 'Gör preliminär beräkning' }).click();
    await announced(page, /Preliminär beräkning klar: .+ i bistånd per månad\./);
    const announcedText = await page.getByRole('status').filter({ hasText: 'Preliminär beräkning klar' }).first().innerText();
    const preliminary = parseKronor(/klar: (.+) i bistånd/.exec(announcedText)![1]!);
    assert.ok(preliminary > 0, `preliminärt bistånd > 0 (${announcedText})`);
    const totalRow = page.getByRole('table', { name: 'Preliminär beräkning per månad' }).getByRole('row', { name: /Preliminärt bistånd per månad/ });
    assert.match(await totalRow.innerText(), moneyPattern(preliminary));
    await page.locator('.badge-preliminary').first().waitFor();
    await shot(page, 'scenario-01-preliminar-berakning', page.getByRole('heading', { level: 2, name: 'Preliminär beräkning' }));
    await expectNoAxeViolations(page, 'mottagning: intervju och preliminär beräkning');

    // Ansvarsprövning.
    await page.getByRole('group', { name: 'Är kommunen ansvarig?' }).getByRole('radio', { name: 'Ja' }).check();
    await page.getByRole('group', { name: 'Grund för ansvaret' }).getByRole('radio', { name: 'Folkbokförd i kommunen' }).check();
    await page.getByRole('group', { name: 'Är ekonomiskt bistånd rätt instans?' }).getByRole('radio', { name: 'Ja' }).check();
    await page.getByLabel('Anteckning om ansvarsprövningen').fill('Folkbokförd i Vägby sedan 2019. Bostadsbidrag sökt hos Försäkringskassan.');
    await page.getByRole('button', { name: 'Spara ansvarsprövningen' }).click();
    await announced(page, 'Ansvarsprövningen är sparad.');

    // Checklists: every box saves at once; the first list gates the booking, the second the hand-over.
    const checklistGroups = page.getByRole('region', { name: 'Checklistor' }).locator('fieldset');
    const tickAll = async (group: number) => {
      const boxes = checklistGroups.nth(group).getByRole('checkbox');
      const count = await boxes.count();
      assert.ok(count > 0, `checklista ${group + 1} har punkter`);
      for (let i = 0; i < count; i++) {
        const box = boxes.nth(i);
        if (await box.isChecked()) continue;
        const id = await box.getAttribute('id');
        const label = (await page.locator(`label[for="${id}"]`).innerText()).replace(/ \(frivillig\)$/, '').trim();
        await box.check();
        await announced(page, `Markerat: ${label}.`);
        // Saved: who ticked it and when is shown with the box.
        await page
          .locator(`label[for="${id}"]`)
          .getByText(/Markerad av Linnea Holmberg/)
          .waitFor();
      }
    };
    await tickAll(0);

    // Nybesök: a weekday within office hours, with Johan Ekström, and the documents to bring.
    const visitDate = nextWeekday(stockholmToday(), 2);
    await page.getByLabel('Tid för nybesöket').fill(`${visitDate}T10:00`);
    await selectOptionStartingWith(page.getByLabel('Nybesöket bokas hos'), WORKER);
    await page.getByLabel('Plats', { exact: true }).fill('Socialkontoret, Storgatan 10, plan 2');
    const documents = [
      'Id-handling (pass, id-kort eller körkort)',
      'Hyresavtal och senaste hyresavi',
      'Kontoutdrag för alla konton, de senaste 3 månaderna',
      'Räkningar du söker bistånd för (el, hemförsäkring, tandvård, medicin)',
    ];
    const booking = page.getByRole('group', { name: 'Handlingar att ta med' });
    for (const d of documents) await booking.getByRole('checkbox', { name: d, exact: true }).check();
    await page.getByRole('button', { name: 'Boka nybesök', exact: true }).click();
    await announced(page, /Nybesöket är bokat .* Kallelsen är skapad\./);
    const letterLink = page.getByRole('link', { name: /^Öppna kallelsen \(PDF\)/ });
    await letterLink.waitFor();
    const summons = await page.request.get(urls.add(page, need((await letterLink.getAttribute('href')) ?? undefined, 'kallelsens adress')));
    assert.equal(summons.status(), 200);
    assert.match(summons.headers()['content-type'] ?? '', /application\/pdf/);
    const summonsText = foldSpace(await pdfText(await summons.body()));
    for (const d of documents) assert.ok(summonsText.includes(d), `kallelsen nämner ”${d}”`);
    assert.match(summonsText, new RegExp(WORKER));

    await tickAll(1);

    // Fördelning till Johan Ekström.
    await selectOptionStartingWith(page.getByLabel('Ansvarig handläggare'), `${WORKER},`);
    await page.getByLabel('Anteckning vid överlämning (frivillig)').fill('Akut tandvård nämndes i samtalet; kostnadsförslag tas med till nybesöket.');
    await page.getByRole('button', { name: 'Fördela ärendet', exact: true }).click();
    await announced(page, `Ärendet är fördelat till ${WORKER}.`);
    await page.getByText(new RegExp(`Ärendet lämnades över .* till ${WORKER}`)).waitFor();
    await shot(page, 'scenario-02-overlamnad', page.getByRole('heading', { level: 2, name: 'Nybesök' }));
    await expectNoAxeViolations(page, 'mottagning: nybesök bokat och ärendet fördelat');
    await urls.snapshot(page);
    state.handedOver = true;
  });

  step('2. handläggaren fyller i ansökan, beräknar, justerar med notering, möter FL 25 §, kommunicerar och fattar ett delavslag', async () => {
    need(state.handedOver, 'överlämningen');
    const pnr = need(state.personnummer, 'personnummer');
    const caseNumber = need(state.caseNumber, 'ärendenummer');
    const page = await staffPage('handlaggare.nord');
    await openCaseList(page);

    // Find the case by personnummer: it goes in the request body, never in the address.
    await page.getByLabel('Namn, ärendenummer eller personnummer').fill(pnr);
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    const hits = page.getByRole('table', { name: /^Sökresultat/ });
    await hits.waitFor();
    await hits.getByRole('link', { name: caseNumber, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`Ärende ${caseNumber}`) }).waitFor();
    await urls.snapshot(page);
    await page.getByRole('heading', { name: 'Bedömning av ansökan' }).waitFor();
    await page.getByRole('heading', { name: 'Ansökan', exact: true }).waitFor();

    // Ansökan: the household comes from the case (Ebba as child 1), rent, a dental cost and an income.
    assert.equal(await page.getByLabel('Barn 1: förnamn').inputValue(), CHILD.firstName);
    await page.getByLabel('Hyra per månad (kr)').fill(`${RENT_KR}`);
    await page.getByRole('button', { name: 'Lägg till kostnad' }).click();
    await page.getByLabel('Kostnad 1: typ').selectOption('dentalCare');
    await page.getByLabel('Kostnad 1: belopp (kr)').fill(kronorInput(DENTAL_APPLIED));
    await page.getByLabel('Kostnad 1: beskrivning').fill('Akut tandvård enligt kostnadsförslag');
    await page.getByRole('button', { name: 'Lägg till inkomst' }).click();
    await page.getByLabel('Inkomst 1: typ').selectOption('unemploymentBenefit');
    await page.getByLabel('Inkomst 1: belopp per månad (kr)').fill('3000');
    await page.getByRole('button', { name: 'Spara och beräkna' }).click();
    await announced(page, 'Ansökan är sparad och beräknad.');
    const calcTable = page.getByRole('table', { name: /^Beräkning för / });
    await calcTable.waitFor();
    await shot(page, 'scenario-03-berakning', page.getByRole('heading', { name: 'Beräkning', exact: true }));
    await expectNoAxeViolations(page, 'ärendesidan: ansökan och beräkning');

    // Adjust the dental care with a note: the system value stays beside the caseworker's value.
    const dentalRow = calcTable.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Tandvård/ }) });
    const systemBefore = parseKronor(await dentalRow.locator('td.num').nth(0).innerText());
    assert.equal(systemBefore, DENTAL_APPLIED, 'systemvärdet för tandvården är det ansökta beloppet');
    const assistanceRow = calcTable.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Bistånd' }) });
    const systemAssistance = parseKronor(await assistanceRow.locator('td.num').nth(0).innerText());
    await page.getByRole('button', { name: /^Justera Tandvård/ }).click();
    await page.getByLabel(/^Nytt värde för Tandvård/).fill(kronorInput(DENTAL_ADJUSTED));
    await page.getByLabel('Notering (varför värdet ändras)').fill(ADJUST_NOTE);
    await page.getByRole('button', { name: 'Spara justering' }).click();
    await announced(page, new RegExp(`Tandvård.* är justerad till ${moneySource(DENTAL_ADJUSTED)}`));
    await dentalRow.getByText(ADJUST_NOTE).waitFor();
    const dentalCells = dentalRow.locator('td.num');
    assert.equal(parseKronor(await dentalCells.nth(0).innerText()), DENTAL_APPLIED, 'systemvärdet syns kvar');
    assert.equal(parseKronor(await dentalCells.nth(1).innerText()), DENTAL_ADJUSTED, 'handläggarens värde syns bredvid');
    assert.equal(parseKronor(await assistanceRow.locator('td.num').nth(0).innerText()), systemAssistance, 'systemets bistånd syns kvar');
    const adjustedAssistance = parseKronor(await assistanceRow.locator('td.num').nth(1).innerText());
    assert.equal(adjustedAssistance, systemAssistance - (DENTAL_APPLIED - DENTAL_ADJUSTED), 'biståndet efter justeringen');
    await shot(page, 'scenario-04-justerad', calcTable);
    await expectNoAxeViolations(page, 'ärendesidan: beräkning med justering');

    // Beslutsutkast: delavslag with reasons per refused item (phrase picker) and overall, försörjningshinder, barnperspektiv.
    await page.getByRole('button', { name: 'Skapa beslutsutkast' }).click();
    await page.getByRole('heading', { name: /^Beslutsutkast/ }).waitFor();
    await page.getByRole('radio', { name: 'Delavslag' }).check();
    assert.equal(await page.getByRole('radio', { name: 'Delavslag' }).isChecked(), true);
    const decidedAmount = parseKronor(await page.getByLabel('Beviljat belopp (kr)').inputValue());
    assert.equal(decidedAmount, adjustedAssistance, 'det beviljade beloppet är beräkningens bistånd efter justeringen');
    const items = page.getByRole('table', { name: 'Beslut per post för perioden' });
    const dentalItem = items.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Tandvård/ }) });
    assert.equal(parseKronor(await dentalItem.locator('td.num').nth(2).innerText()), DENTAL_APPLIED - DENTAL_ADJUSTED, 'det som avslås för tandvården');
    await page.getByLabel('Fras för Tandvård').selectOption({ label: 'Kostnaden är högre än vad som är skäligt' });
    const itemReason = await page.getByLabel('Skäl för Tandvård').inputValue();
    assert.match(itemReason, /skälig/, 'frasen infogades som skäl för tandvården');
    for (const box of await page.getByRole('textbox', { name: /^Skäl för / }).all()) {
      if (!(await box.inputValue()).trim()) await box.fill('Kostnaden är högre än vad som är skäligt enligt kommunens riktlinjer.');
    }
    const reasons = page.getByLabel(/^Motivering \(vilka regler/);
    await reasons.fill('');
    await page.getByLabel('Fras ur frasbiblioteket').selectOption({ label: 'Delavslag – en eller flera kostnader beviljas inte fullt ut' });
    await page.getByRole('button', { name: 'Infoga fras' }).click();
    const phraseText = await reasons.inputValue();
    assert.match(phraseText, /avslår resten av ansökan/, 'frasen infogades i motiveringen');
    await reasons.fill(`${phraseText}\n\n${OWN_REASON}`);
    const legal = page.getByRole('group', { name: 'Lagrum' }).getByRole('checkbox');
    if ((await legal.evaluateAll((els) => els.filter((e) => (e as HTMLInputElement).checked).length)) === 0) await legal.first().check();
    await page.getByLabel('Försörjningshinder, sökande').selectOption({ label: 'Arbetslös – otillräcklig ersättning' });
    assert.equal(await page.getByLabel('Försörjningshinder, medsökande').count(), 0, 'ingen medsökande');
    await page.getByLabel('Hur barnens situation har beaktats i beslutet').fill(CHILD_CONSIDERATION);

    // Deciding before kommunicering is refused with the FL 25 § message.
    const decisionCard = page.getByRole('region', { name: 'Beslut om ansökan' });
    await decisionCard.getByText('Ej kommunicerat').waitFor();
    await page.getByRole('button', { name: 'Fatta beslut' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Beslutet kunde inte sparas eller fattas' });
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /förvaltningslagen 25 §/);
    await shot(page, 'scenario-05-fl25-stopp', refusal);
    await expectNoAxeViolations(page, 'ärendesidan: beslutsutkast stoppat av FL 25 §');

    // Kommunicering: sent ten days ago by letter, the answer deadline was yesterday.
    const today = stockholmToday();
    await page.getByRole('button', { name: 'Registrera kommunicering' }).click();
    await page.getByRole('radio', { name: 'Underlaget har kommunicerats' }).check();
    await page.getByLabel('Vad som kommunicerades').fill(`Beräkningen för perioden och förslaget att bevilja ${kronorInput(DENTAL_ADJUSTED)} kr av den ansökta tandvården.`);
    await page.getByLabel('Skickat (datum och tid)').fill(`${addDays(today, -10)}T09:00`);
    await page.getByLabel('Hur', { exact: true }).selectOption({ label: 'Brev' });
    await page.getByLabel('Svar senast').fill(addDays(today, -1));
    await page.getByRole('button', { name: 'Spara kommunicering' }).click();
    await announced(page, 'Kommuniceringen är registrerad.');
    await decisionCard.getByText('Kommunicerat – svarstiden har gått ut').waitFor();
    await decisionCard.getByRole('link', { name: 'Kommuniceringsbrev (PDF)' }).waitFor();
    await expectNoAxeViolations(page, 'ärendesidan: kommunicering registrerad');

    // Decide.
    await page.getByRole('button', { name: 'Fatta beslut' }).click();
    const letter = page.getByRole('link', { name: 'Beslutsbrev (PDF)' });
    await letter.waitFor();
    const decided = page.locator('.notice-success', { has: letter });
    // The case page reloads after the decision: the application is decided and the decision is listed.
    await page
      .getByRole('table', { name: /^Ansökningar i ärendet/ })
      .getByRole('row', { name: /Beslutad/ })
      .waitFor();
    await page
      .getByRole('table', { name: /^Beslut i ärendet \(1 st/ })
      .getByRole('row', { name: new RegExp(moneySource(decidedAmount)) })
      .waitFor();
    assert.match(foldSpace(await decided.innerText()), new RegExp(`Delavslag ${moneySource(decidedAmount)} för .*beslutat .* av ${WORKER}`));
    await shot(page, 'scenario-06-beslutat', decided);
    await expectNoAxeViolations(page, 'ärendesidan: beslut fattat');
    state.decidedAmount = decidedAmount;
    state.caseworker = page;

    // The decision letter: amounts, reasons and how to appeal.
    const pdf = await page.request.get(urls.add(page, need((await letter.getAttribute('href')) ?? undefined, 'beslutsbrevets adress')));
    assert.equal(pdf.status(), 200);
    assert.match(pdf.headers()['content-type'] ?? '', /application\/pdf/);
    const text = foldSpace(await pdfText(await pdf.body()));
    assert.match(text, /du får delvis bistånd/, 'rubriken säger delavslag');
    assert.match(text, new RegExp(`Du får ekonomiskt bistånd med ${moneySource(decidedAmount)}`), 'det beviljade beloppet');
    assert.match(text, new RegExp(`Att betala ut ${moneySource(decidedAmount)}`), 'summan i tabellen');
    assert.match(
      text,
      new RegExp(`Tandvård[^:]*? ${moneySource(DENTAL_APPLIED)} ${moneySource(DENTAL_ADJUSTED)} ${moneySource(DENTAL_APPLIED - DENTAL_ADJUSTED)}`),
      'tandvården: ansökt, beviljat, inte beviljat',
    );
    assert.match(text, new RegExp(`Tandvård[^:]*: ${moneySource(DENTAL_APPLIED - DENTAL_ADJUSTED)} beviljas inte\\.`), 'skälet för det som inte beviljas');
    assert.ok(text.includes(foldSpace(itemReason)), 'skälet för tandvården står i brevet');
    assert.ok(text.includes(OWN_REASON), 'handläggarens motivering står i brevet');
    assert.ok(text.includes(CHILD_CONSIDERATION), 'barnperspektivet står i brevet');
    assert.match(text, /överklaga/i);
    assert.match(text, /inom 3 veckor/);
    assert.match(text, /förvaltningsrätten/);
    assert.doesNotMatch(text, /Arbetslös – otillräcklig ersättning/, 'försörjningshinder skrivs aldrig i brevet');
    state.letterChecked = true;
  });

  step('3. handläggaren lägger till och kontrollerar kontot och föreslår utbetalningen av det beslutade beloppet', async () => {
    const amount = need(state.decidedAmount, 'beslutat belopp');
    const page = need(state.caseworker, 'handläggarens sida');
    current = page;
    need(state.letterChecked, 'beslutsbrevet');
    await page.getByRole('heading', { name: 'Konton för utbetalning' }).scrollIntoViewIfNeeded();

    // The client's Swedbank account (clearing 8327-9), checked against the banks' rules when saved.
    await page.getByLabel('Mottagare', { exact: true }).selectOption({ label: 'Sökande eller medsökande' });
    await selectOptionStartingWith(page.getByLabel('Vems konto'), `${FULL_NAME} (`);
    await page.getByLabel('Kontotyp', { exact: true }).selectOption({ label: 'Bankkonto' });
    await page.getByLabel('Clearingnummer', { exact: true }).fill('8327-9');
    await page.getByLabel('Kontonummer', { exact: true }).fill('123 456 789-7');
    await page.getByRole('button', { name: 'Spara konto' }).click();
    await announced(page, new RegExp(`Kontot .* för ${FULL_NAME} är sparat`));
    const accounts = page.getByRole('table', { name: /^Konton för utbetalning/ });
    await page.getByRole('button', { name: new RegExp(`^Kontrollera kontot .* för ${FULL_NAME}$`) }).click();
    await page.getByLabel('Hur kontrollerades kontot?').fill('Kontobevis från Swedbank, visat vid nybesöket');
    await page.getByRole('button', { name: 'Markera som kontrollerat' }).click();
    await announced(page, /är markerat som kontrollerat/);
    const accountRow = accounts.getByRole('row', { name: new RegExp(FULL_NAME) });
    await accountRow.getByText('Kontrollerat', { exact: true }).waitFor();
    await accountRow.getByText('Kontobevis från Swedbank, visat vid nybesöket').waitFor();

    // The proposal: the decided decision, the verified account, exactly the decided amount.
    const decisionText = await selectOptionStartingWith(page.getByRole('combobox', { name: 'Beslut', exact: true }), 'Delavslag');
    assert.match(decisionText, new RegExp(`${moneySource(amount)} kvar av ${moneySource(amount)}`));
    await selectOptionStartingWith(page.getByLabel('Konto för mottagare 1'), `${FULL_NAME} – `);
    await page.getByLabel('Belopp för mottagare 1 (kronor)').fill(kronorInput(amount));
    await page
      .locator('#forslag-sum')
      .getByText(/stämmer/)
      .waitFor();
    await shot(page, 'scenario-07-utbetalningsforslag', page.getByRole('heading', { name: 'Nytt utbetalningsförslag' }));
    await page.getByRole('button', { name: 'Föreslå utbetalning' }).click();
    await announced(page, new RegExp(`Utbetalningen är föreslagen: ${moneySource(amount)} den .* Den väntar nu på kassans kontroll\\.`));
    await expectNoAxeViolations(page, 'ärendesidan: konto kontrollerat och utbetalning föreslagen');
    await urls.snapshot(page);
    state.proposed = true;
  });

  step('4–5. kassan godkänner (fyra ögon) och skapar betalfilen; pain.001 följer schemat och har beloppet', async () => {
    need(state.proposed, 'utbetalningsförslaget');
    const amount = need(state.decidedAmount, 'beslutat belopp');
    const page = await staffPage('kassa');
    await page.getByRole('link', { name: 'Kassa', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Kassa' }).waitFor();
    await page.getByRole('heading', { name: /^Väntar på kontroll/ }).waitFor();
    const approve = page.getByRole('button', { name: new RegExp(`^Godkänn utbetalningen på ${moneySource(amount)} till ${FULL_NAME}$`) });
    await approve.waitFor();
    const card = page.locator('li.card', { has: approve });
    assert.match(foldSpace(await card.innerText()), new RegExp(`Delavslag .*${moneySource(amount)}, ${WORKER}`), 'kassan ser beslutet bakom utbetalningen');
    assert.match(foldSpace(await card.innerText()), new RegExp(`Föreslagen av ${WORKER}`));
    await expectNoAxeViolations(page, 'kassa: väntar på kontroll');
    await approve.click();
    await announced(page, new RegExp(`Utbetalningen på ${moneySource(amount)} till ${FULL_NAME} är godkänd\\.`));
    await page
      .getByRole('table', { name: /^Godkända utbetalningar/ })
      .getByRole('row', { name: new RegExp(FULL_NAME) })
      .waitFor();
    await shot(page, 'scenario-08-kassa-godkand', page.getByRole('heading', { name: /^Godkända, inte skickade/ }));

    await page.getByRole('button', { name: 'Skapa betalfil' }).click();
    await announced(page, new RegExp(`Betalfilen VAGEN-\\S+ är skapad med 1 utbetalning på sammanlagt ${moneySource(amount)}\\.`));
    // The newest file comes first (the demo has sent files before).
    const fileLink = page.getByRole('link', { name: /^Betalfil VAGEN-\S+ \(XML\)$/ }).first();
    await fileLink.waitFor();
    await shot(page, 'scenario-09-betalfil', page.getByRole('heading', { name: /^Godkända, inte skickade/ }));
    await expectNoAxeViolations(page, 'kassa: betalfil skapad');
    await urls.snapshot(page);

    const res = await page.request.get(urls.add(page, need((await fileLink.getAttribute('href')) ?? undefined, 'betalfilens adress')));
    assert.equal(res.status(), 200);
    const xml = await res.text();
    const v = await validatePain001Xsd(xml);
    assert.equal(v.valid, true, `pain.001 följer inte schemat:\n${v.errors.join('\n')}`);
    assert.match(xml, /urn:iso:std:iso:20022:tech:xsd:pain\.001\.001\.03/);
    const instd = [...xml.matchAll(/<InstdAmt Ccy="SEK">([^<]+)<\/InstdAmt>/g)].map((m) => m[1]);
    assert.deepEqual(instd, [isoAmount(amount)], 'en betalning på det beslutade beloppet, med två decimaler');
    const ctrl = [...xml.matchAll(/<CtrlSum>([^<]+)<\/CtrlSum>/g)].map((m) => m[1]);
    assert.ok(ctrl.length >= 1, 'CtrlSum finns');
    for (const c of ctrl) assert.equal(c, isoAmount(amount), 'kontrollsumman är det beslutade beloppet, med två decimaler');
    assert.match(xml, /<NbOfTxs>1<\/NbOfTxs>/);
    assert.match(xml, new RegExp(`<Cdtr>\\s*<Nm>${FULL_NAME}</Nm>`), 'mottagarens namn');
    assert.match(xml, /<CdtrAcct>\s*<Id>\s*<Othr>\s*<Id>83271234567897<\/Id>/, 'det kontrollerade kontot (clearing och kontonummer)');
    state.paymentFileXml = xml;
    console.log(`scenario: ärende ${need(state.caseNumber, 'ärendenummer')}, delavslag ${isoAmount(amount)} kr, betalfil ${/<MsgId>([^<]+)</.exec(xml)?.[1] ?? '?'} giltig mot XSD`);
  });

  test('ingen adress under hela flödet innehöll ett personnummer', () => {
    need(state.paymentFileXml, 'betalfilen');
    urls.assertClean([need(state.personnummer, 'personnummer'), need(state.childPersonnummer, 'barnets personnummer')]);
  });
});
