/**
 * Legal records are dated by the Swedish day. A decision made at 23:30 UTC on 28 March 2026 is made at 00:30 on
 * 29 March in Stockholm: the journal entry, the decision letter and every date derived from it say 29 March.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createWorld, login, type World } from './harness.ts';
import { pdfText } from './pdf-text.ts';
import { addApplication, as, coupleContent, put } from './assessment-fixtures.ts';

let world: World;
before(async () => {
  world = await createWorld();
  await world.handle.db.updateTable('cases').set({ status: 'investigation' }).where('id', '=', world.ids.caseNord).execute();
});
after(async () => {
  await world.close();
});

test('a decision made at 2026-03-28T23:30Z is dated 2026-03-29 in the journal and the letter', async () => {
  world.clock.now = new Date('2026-03-28T23:10:00Z');
  const nord = await login(world, 'nord');
  const id = await addApplication(world);
  assert.equal((await put(world, nord, `/api/v1/applications/${id}`, coupleContent({ housing: { tenure: 'firstHand', rent: 700000, personsInDwelling: 4 } }))).statusCode, 200);
  assert.equal((await as(world, nord).post(`/api/v1/applications/${id}/calculations`)).statusCode, 201);
  const draft = await as(world, nord).post(`/api/v1/applications/${id}/decisions`);
  assert.equal(draft.statusCode, 201, draft.body);
  const d = draft.json();
  assert.equal(d.outcome, 'granted');
  const patched = await as(world, nord).patch(`/api/v1/decisions/${d.id}`, {
    reasons: 'Hushållets inkomster räcker inte till normen och de skäliga kostnaderna för september 2025.',
    supportObstacles: [
      { adult: 'applicant', code: 'unemployed.none' },
      { adult: 'coApplicant', code: 'partTime.insufficient' },
    ],
    childPerspective: { consideration: 'Barnens behov av mat och boende täcks av beslutet.', childSpokenTo: false },
  });
  assert.equal(patched.statusCode, 200, patched.body);

  world.clock.now = new Date('2026-03-28T23:30:00Z');
  const decided = await as(world, nord).post(`/api/v1/decisions/${d.id}/decide`);
  assert.equal(decided.statusCode, 200, decided.body);
  // The instant stays an instant (UTC) …
  assert.equal(decided.json().decidedAt, '2026-03-28T23:30:00.000Z');

  // … and the legal records carry the Swedish day.
  const journal = await world.handle.db.selectFrom('journal_entries').select(['event_date', 'title']).where('case_id', '=', world.ids.caseNord).where('step', '=', 'decision').execute();
  assert.equal(journal.length, 1);
  assert.equal(String(journal[0]!.event_date).slice(0, 10), '2026-03-29');

  const letter = await as(world, nord).get(`/api/v1/decisions/${d.id}/letter`);
  assert.equal(letter.statusCode, 200);
  const text = await pdfText(letter.rawPayload);
  assert.match(text, /29 mars 2026/);
  assert.doesNotMatch(text, /28 mars 2026/);
});
