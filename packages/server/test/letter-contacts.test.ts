/** Every letter Vägen renders tells the person how to reach the unit responsible for the case ("Kontakt"). */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { renderLetterPdf } from '../src/letters/render.ts';
import { unitContactOf } from '../src/letters/unit-contact.ts';
import { buildFirstVisitLetter } from '../src/intake/letter.ts';
import { intakeConfig } from '../src/intake/config.ts';
import { letterParties } from '../src/appeals/load.ts';
import { appealDocumentPdf } from '../src/appeals/letters.ts';
import { appealLetters } from '../src/appeals/settings.ts';
import { createWorld, login, type Session, type World } from './harness.ts';
import { pdfText } from './pdf-text.ts';
import { addApplication, as, coupleContent, put } from './assessment-fixtures.ts';

let world: World;
let admin: Session, nord: Session;
const flat = async (pdf: Buffer | Uint8Array) => (await pdfText(pdf)).replace(/\s+/g, ' ');

before(async () => {
  world = await createWorld();
  admin = await login(world, 'admin');
  nord = await login(world, 'nord');
  await world.handle.db.updateTable('cases').set({ status: 'investigation' }).where('id', '=', world.ids.caseNord).execute();
  // The systemförvaltare enters the Nord unit's contact details on the administration page.
  const saved = await put(world, admin, `/api/v1/admin/units/${world.ids.unitNord}`, {
    name: 'Försörjningsstöd Nord',
    contactPhone: '0123-45 60 00',
    postalAddress: 'Box 101\n123 01 Vägby',
    eServiceUrl: 'https://vagby.se/ekonomisktbistand',
    visitingAddress: 'Torggatan 3, Vägby',
  });
  assert.equal(saved.statusCode, 200, saved.body);
});
after(() => world.close());

function assertContact(text: string) {
  for (const expected of ['Kontakt', 'Telefon: 0123-45 60 00', 'Postadress: Box 101, 123 01 Vägby', 'Besöksadress: Torggatan 3, Vägby', 'E-tjänst: https://vagby.se/ekonomisktbistand']) {
    assert.ok(text.includes(expected), `${expected} in ${text}`);
  }
}

test('the decision letter carries the unit contact details entered by the systemförvaltare', async () => {
  const id = await addApplication(world);
  assert.equal((await put(world, nord, `/api/v1/applications/${id}`, coupleContent({ housing: { tenure: 'firstHand', rent: 700000, personsInDwelling: 4 } }))).statusCode, 200);
  assert.equal((await as(world, nord).post(`/api/v1/applications/${id}/calculations`)).statusCode, 201);
  const d = (await as(world, nord).post(`/api/v1/applications/${id}/decisions`)).json();
  const patched = await as(world, nord).patch(`/api/v1/decisions/${d.id}`, {
    reasons: 'Du har ansökt om bistånd för september 2025 och har rätt till det enligt 4 kap. 1 § socialtjänstlagen.',
    supportObstacles: [
      { adult: 'applicant', code: 'unemployed.none' },
      { adult: 'coApplicant', code: 'partTime.insufficient' },
    ],
    childPerspective: { consideration: 'Barnens behov av mat och boende täcks av beslutet.', childSpokenTo: false },
  });
  assert.equal(patched.statusCode, 200, patched.body);
  const decided = await as(world, nord).post(`/api/v1/decisions/${d.id}/decide`);
  assert.equal(decided.statusCode, 200, decided.body);
  const pdf = await as(world, nord).get(`/api/v1/decisions/${d.id}/letter`);
  assert.equal(pdf.statusCode, 200);
  assertContact(await flat(pdf.rawPayload));
});

test('appeal letters and the first-visit letter carry the unit contact details of the case', async () => {
  const parties = await letterParties(world.handle.db, world.ids.caseNord);
  const appeal = await appealDocumentPdf(
    appealLetters('2281', '2026-03-10'),
    parties,
    { receivedOn: '2026-03-09', channel: 'letter', text: 'Jag vill få hela hyran.', appellantName: null, registeredBy: 'Test nord' },
    { outcome: 'granted', periodStart: '2025-09-01', periodEnd: '2025-09-30', amount: 1380000, decidedAt: '2026-03-01T09:00:00Z' },
    '2026-03-10',
  );
  assertContact(await flat(appeal));

  const letter = buildFirstVisitLetter(intakeConfig('2281', '2026-03-10').letter, {
    municipalityName: 'Testkommun',
    unitName: 'Försörjningsstöd Nord',
    unitContact: await unitContactOf(world.handle.db, world.ids.unitNord),
    caseNumber: 'EB-2026-000001',
    recipient: { firstName: 'Nora', lastName: 'Nordin', addressLines: ['Storgatan 1', '852 30 Vägby'] },
    visitAt: new Date('2026-03-16T09:00:00Z'),
    timeZone: 'Europe/Stockholm',
    place: 'Torggatan 3',
    workerName: 'Test nord',
    documents: [],
    today: new Date('2026-03-10T09:00:00Z'),
  });
  assertContact(await flat(await renderLetterPdf(letter)));
});

test('a unit without contact details gives no empty contact lines; the Syd unit is not mixed up with Nord', async () => {
  const parties = await letterParties(world.handle.db, world.ids.caseSyd);
  const text = await flat(await renderLetterPdf({ sender: parties.sender, date: '10 mars 2026', title: 'Brev', blocks: [{ type: 'paragraph', text: 'Hej.' }], contact: null }));
  assert.ok(!text.includes('Kontakt') && !text.includes('Telefon') && !text.includes('0123-45 60 00'), text);
});
