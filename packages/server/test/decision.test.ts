import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CaseworkRules, getCaseworkRules } from '../src/rules/casework-rules.ts';
import { useCaseworkRulesForAssessment } from '../src/decisions/config.ts';
import { createWorld, auditCount, login, type World, type Session } from './harness.ts';
import { pdfText } from './pdf-text.ts';
import { addApplication, addStaff, as, coupleContent, put } from './assessment-fixtures.ts';

let world: World;
let nord: Session, chef: Session, forste: Session;
before(async () => {
  world = await createWorld();
  await addStaff(world, 'forste', 'seniorCaseWorker');
  nord = await login(world, 'nord');
  chef = await login(world, 'chef');
  forste = await login(world, 'forste');
  // The Nord case is under investigation: its first decision that grants assistance makes it active.
  await world.handle.db.updateTable('cases').set({ status: 'investigation' }).where('id', '=', world.ids.caseNord).execute();
});
after(async () => {
  useCaseworkRulesForAssessment(null);
  await world.close();
});

/** An application with content and calculation: dental care 3 000 kr adjusted to 1 500 kr → partlyRefused. */
async function prepared(extraCosts: unknown[] = []) {
  const id = await addApplication(world);
  const content = coupleContent({
    housing: { tenure: 'firstHand', rent: 700000, personsInDwelling: 4 },
    costs: [{ id: 'el', type: 'electricity', amount: 40000 }, { id: 'tand', type: 'dentalCare', amount: 300000, note: 'Akut tandvård' }, ...extraCosts],
  });
  assert.equal((await put(world, nord, `/api/v1/applications/${id}`, content)).statusCode, 200);
  await as(world, nord).post(`/api/v1/applications/${id}/calculations`);
  const adj = await as(world, nord).post(`/api/v1/applications/${id}/adjustments`, { lineKey: 'cost:tand', value: 150000, note: 'Kostnadsförslaget avser även estetisk behandling' });
  assert.equal(adj.statusCode, 201, adj.body);
  return id;
}

const complete = {
  reasons: 'Du har ansökt om bistånd för september 2025. Tandvården beviljas delvis enligt 12 kap. 1 § socialtjänstlagen eftersom en del av kostnadsförslaget avser estetisk behandling.',
  supportObstacles: [
    { adult: 'applicant', code: 'unemployed.none' },
    { adult: 'coApplicant', code: 'partTime.insufficient' },
  ],
  childPerspective: { consideration: 'Barnens behov av mat och boende täcks av beslutet; tandvården gäller en vuxen.', childSpokenTo: false },
  itemReasons: [{ key: 'cost:tand', reason: 'Estetisk behandling är inte en skälig kostnad.' }],
};

test('draft from the calculation: partlyRefused proposal, items per cost, default legal basis and reasons', async () => {
  const id = await prepared();
  const res = await as(world, nord).post(`/api/v1/applications/${id}/decisions`);
  assert.equal(res.statusCode, 201, res.body);
  const d = res.json();
  assert.equal(d.status, 'draft');
  assert.equal(d.outcome, 'partlyRefused');
  const tand = d.items.find((i: { key: string }) => i.key === 'cost:tand');
  assert.deepEqual([tand.applied, tand.approved, tand.refused], [300000, 150000, 150000]);
  // Norm 15 550 + rent 7 000 + el 400 + tand 1 500 − income 10 650 = 13 800 kr.
  assert.equal(d.amount, 1_380_000);
  assert.equal(d.systemAmount, 1_380_000);
  assert.deepEqual(
    d.legalBasis.map((l: { id: string }) => l.id),
    ['SOL-12-1', 'SOL-12-7'],
  );
  assert.match(d.reasons, /13\s800 kr/);
  assert.equal(d.childPerspective.children.length, 2);
  assert.equal(d.communicationStatus, 'missing');
  assert.ok(d.itemPhrases.find((p: { key: string }) => p.key === 'cost:tand').phrases.length > 0);
  // A second draft for the same application: 409.
  assert.equal((await as(world, nord).post(`/api/v1/applications/${id}/decisions`)).statusCode, 409);
});

test('a decision period outside the application → 400 with the field path; nothing changes', async () => {
  const id = await prepared();
  const d = (await as(world, nord).post(`/api/v1/applications/${id}/decisions`)).json();
  const res = await as(world, nord).patch(`/api/v1/decisions/${d.id}`, { periodStart: '2025-08-15', reasons: 'Ändrad text som inte ska sparas.' });
  assert.equal(res.statusCode, 400, res.body);
  assert.deepEqual(
    res.json().fields.map((f: { path: string }) => f.path),
    ['/body/periodStart'],
  );
  const after = (await as(world, nord).get(`/api/v1/decisions/${d.id}`)).json();
  assert.equal(after.periodStart, '2025-09-01');
  assert.equal(after.reasons, d.reasons);
  const bad = await as(world, nord).patch(`/api/v1/decisions/${d.id}`, { amount: '1000', legalBasisIds: ['NOPE'] });
  assert.equal(bad.statusCode, 400);
});

test('partlyRefused is blocked until kommunicering is recorded (409), then decided once the deadline has passed', async () => {
  const id = await prepared();
  const d = (await as(world, nord).post(`/api/v1/applications/${id}/decisions`)).json();
  // Incomplete (no försörjningshinder, no reason for the refused item): 400 with paths.
  const incomplete = await as(world, nord).post(`/api/v1/decisions/${d.id}/decide`);
  assert.equal(incomplete.statusCode, 400, incomplete.body);
  const paths = incomplete.json().fields.map((f: { path: string }) => f.path);
  assert.ok(paths.includes('/decision/supportObstacles/0') && paths.includes('/decision/supportObstacles/1') && paths.some((p: string) => p.startsWith('/decision/items/')), paths.join());
  assert.equal((await as(world, nord).patch(`/api/v1/decisions/${d.id}`, complete)).statusCode, 200);
  const blocked = await as(world, nord).post(`/api/v1/decisions/${d.id}/decide`);
  assert.equal(blocked.statusCode, 409, blocked.body);
  assert.match(blocked.json().message, /kommuniceras \(förvaltningslagen 25 §\)/);
  assert.equal((await as(world, nord).get(`/api/v1/decisions/${d.id}`)).json().status, 'draft');
  // Sent with a deadline a week ahead: still blocked while waiting for the answer; a work item waits for it.
  const sent = await as(world, nord).post(`/api/v1/decisions/${d.id}/communication`, {
    kind: 'sent',
    text: 'Vi tänker bevilja 1 500 kr av tandvården på 3 000 kr.',
    sentAt: '2026-03-10T08:00:00Z',
    channel: 'letter',
    answerDeadline: '2026-03-17T23:00:00Z',
    createLetter: true,
  });
  assert.equal(sent.statusCode, 201, sent.body);
  assert.ok(sent.json().letterUrl);
  const letter = await as(world, nord).get(sent.json().letterUrl);
  assert.equal(letter.statusCode, 200);
  assert.match(await pdfText(letter.rawPayload), /förvaltningslagen 25 §/);
  const item = await world.handle.db.selectFrom('work_items').selectAll().where('ref_id', '=', d.id).where('kind', '=', 'communicationAnswer').executeTakeFirstOrThrow();
  assert.equal(item.due_at, '2026-03-17T23:00:00.000Z');
  assert.equal((await as(world, nord).post(`/api/v1/decisions/${d.id}/decide`)).statusCode, 409);
  // The clock passes the deadline: the decision can be made.
  world.clock.now = new Date('2026-03-18T08:00:00Z');
  try {
    // Eight days later the morning session has ended: sign in again.
    const nord = await login(world, 'nord');
    const auditBefore = await auditCount(world, { action: 'decision.decide', outcome: 'success' });
    const ok = await as(world, nord).post(`/api/v1/decisions/${d.id}/decide`);
    assert.equal(ok.statusCode, 200, ok.body);
    const done = ok.json();
    assert.equal(done.status, 'decided');
    assert.equal(done.decidedBy.id, world.ids.users.nord);
    assert.equal(done.communicationStatus, 'deadlinePassed');
    assert.equal(await auditCount(world, { action: 'decision.decide', outcome: 'success' }), auditBefore + 1);
    // Case investigation → active, with actor and time; application decided; journal entry; work items closed.
    const history = await world.handle.db.selectFrom('case_status_history').selectAll().where('case_id', '=', world.ids.caseNord).orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual([history.from_status, history.to_status, history.actor_id], ['investigation', 'active', world.ids.users.nord]);
    assert.equal(history.at, '2026-03-18T08:00:00.000Z');
    const app = await world.handle.db.selectFrom('applications').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(app.status, 'decided');
    const journal = await world.handle.db.selectFrom('journal_entries').selectAll().where('case_id', '=', world.ids.caseNord).where('step', '=', 'decision').execute();
    assert.equal(journal.length, 1);
    const open = await world.handle.db.selectFrom('work_items').select('id').where('ref_id', '=', d.id).where('closed_at', 'is', null).execute();
    assert.equal(open.length, 0);
    const events = await world.handle.db.selectFrom('assessment_events').select(['event', 'to_status']).where('object_id', '=', d.id).orderBy('id').execute();
    assert.deepEqual(
      events.map((e) => e.event),
      ['drafted', 'edited', 'decided'],
    );
    // The letter: amounts, reasons, legal basis, appeal instructions; försörjningshinder are not printed. Reading it is audited.
    const pdf = await as(world, nord).get(`/api/v1/decisions/${d.id}/letter`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
    for (const expected of [
      '13 800 kr',
      '3 000 kr',
      '1 500 kr',
      'Estetisk behandling är inte en skälig kostnad',
      'Tandvården beviljas delvis',
      '12 kap. 1 § socialtjänstlagen (2025:400)',
      '3 veckor',
      'förvaltningsrätten',
      'skriftligt',
      'förvaltningslagen 44 §',
      'Test nord',
    ]) {
      assert.ok(text.includes(expected), `${expected} in ${text}`);
    }
    assert.ok(!text.includes('Arbetslös') && !text.includes('försörjningshinder'), 'försörjningshinder are internal');
    assert.equal(await auditCount(world, { action: 'decision.letter.read', outcome: 'success' }), 1);
    const doc = await world.handle.db.selectFrom('documents').selectAll().where('related_id', '=', d.id).executeTakeFirstOrThrow();
    assert.equal(doc.kind, 'decisionLetter');
    assert.equal(doc.visible_to_client, true);
    assert.ok(doc.locked_at);
    // A decided decision cannot be changed.
    assert.equal((await as(world, nord).patch(`/api/v1/decisions/${d.id}`, { reasons: 'x'.repeat(30) })).statusCode, 409);
    assert.equal((await put(world, nord, `/api/v1/applications/${id}`, coupleContent())).statusCode, 409);
  } finally {
    world.clock.now = new Date('2026-03-10T09:00:00Z');
    nord = await login(world, 'nord');
  }
});

test('kommunicering recorded as unnecessary with a reason lets a refusal be decided', async () => {
  const id = await prepared();
  const d = (await as(world, nord).post(`/api/v1/applications/${id}/decisions`)).json();
  await as(world, nord).patch(`/api/v1/decisions/${d.id}`, {
    ...complete,
    outcome: 'refused',
    reasons: 'Avslag: hushållets inkomster täcker behovet enligt 12 kap. 1 § socialtjänstlagen.',
    amountReason: 'Avslag på hela ansökan.',
  });
  assert.equal((await as(world, nord).post(`/api/v1/decisions/${d.id}/communication`, { kind: 'unnecessary', exceptionId: 'notAgainst' })).statusCode, 400);
  const rec = await as(world, nord).post(`/api/v1/decisions/${d.id}/communication`, {
    kind: 'unnecessary',
    exceptionId: 'notAgainst',
    reason: 'Den enskilde har själv uppgett inkomsterna och känner till underlaget.',
  });
  assert.equal(rec.statusCode, 201, rec.body);
  const ok = await as(world, nord).post(`/api/v1/decisions/${d.id}/decide`);
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().amount, 0);
  assert.equal(ok.json().communicationStatus, 'unnecessary');
});

test('a worker without delegation for the amount gets 403 naming who may decide, and nothing changes; submit to the decider', async () => {
  // "Other" is always assessed manually (0 kr); the worker approves 45 000 kr of it → the decision exceeds 40 000 kr.
  const id = await prepared([{ id: 'ovr', type: 'other', amount: 4_500_000, note: 'Hemutrustning efter brand' }]);
  await as(world, nord).post(`/api/v1/applications/${id}/adjustments`, { lineKey: 'cost:ovr', value: 4_500_000, note: 'Skälig kostnad enligt offert' });
  const d = (await as(world, nord).post(`/api/v1/applications/${id}/decisions`)).json();
  await as(world, nord).patch(`/api/v1/decisions/${d.id}`, complete);
  await as(world, nord).post(`/api/v1/decisions/${d.id}/communication`, { kind: 'unnecessary', exceptionId: 'urgent', reason: 'Akut behov av hemutrustning efter brand.' });
  const before = await world.handle.db.selectFrom('decisions').selectAll().where('id', '=', d.id).executeTakeFirstOrThrow();
  const res = await as(world, nord).post(`/api/v1/decisions/${d.id}/decide`);
  assert.equal(res.statusCode, 403, res.body);
  assert.match(res.json().message, /förste socialsekreterare/);
  assert.match(res.json().message, /delegation/);
  const afterRow = await world.handle.db.selectFrom('decisions').selectAll().where('id', '=', d.id).executeTakeFirstOrThrow();
  assert.deepEqual(afterRow, before);
  assert.equal((await auditCount(world, { action: 'decision.decide', outcome: 'denied' })) >= 1, true);
  // "Skicka till beslutsfattare": awaiting approval, a work item for the right role.
  const sub = await as(world, nord).post(`/api/v1/decisions/${d.id}/submit`);
  assert.equal(sub.statusCode, 200, sub.body);
  assert.equal(sub.json().status, 'awaitingApproval');
  const wi = await world.handle.db.selectFrom('work_items').selectAll().where('ref_id', '=', d.id).where('kind', '=', 'decisionApproval').executeTakeFirstOrThrow();
  assert.equal(wi.assigned_role, 'seniorCaseWorker');
  const ok = await as(world, forste).post(`/api/v1/decisions/${d.id}/decide`);
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().approvedBy.id, ok.json().decidedBy.id);
  assert.equal(ok.json().presentingOfficer.id, world.ids.users.nord);
});

test('four-eyes on decisions: the presenting officer cannot decide; another person with delegation can', async () => {
  const base = getCaseworkRules().documents.filter((doc) => doc.kind !== 'fourEyes');
  useCaseworkRulesForAssessment(
    new CaseworkRules([
      ...base,
      { kind: 'fourEyes', id: 'fe-test', municipality: '2281', validFrom: '2020-01-01', validTo: null, source: 'test', sections: { calculation: false, decision: true, payment: true } },
    ]),
  );
  try {
    const id = await prepared();
    const d = (await as(world, nord).post(`/api/v1/applications/${id}/decisions`)).json();
    await as(world, nord).patch(`/api/v1/decisions/${d.id}`, complete);
    await as(world, nord).post(`/api/v1/decisions/${d.id}/communication`, { kind: 'unnecessary', exceptionId: 'notAgainst', reason: 'Underlaget kommer från den enskilde själv.' });
    const own = await as(world, nord).post(`/api/v1/decisions/${d.id}/decide`);
    assert.equal(own.statusCode, 403, own.body);
    assert.match(own.json().message, /fyra ögon/);
    const ok = await as(world, chef).post(`/api/v1/decisions/${d.id}/decide`);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().decidedBy.id, world.ids.users.chef);
    assert.equal(ok.json().approvedBy.id, world.ids.users.chef);
  } finally {
    useCaseworkRulesForAssessment(null);
  }
});

test('a changed calculation must be brought into the draft before deciding; dismissal without a calculation', async () => {
  const id = await prepared();
  const d = (await as(world, nord).post(`/api/v1/applications/${id}/decisions`)).json();
  await as(world, nord).patch(`/api/v1/decisions/${d.id}`, complete);
  await as(world, nord).post(`/api/v1/decisions/${d.id}/communication`, { kind: 'unnecessary', exceptionId: 'notAgainst', reason: 'Underlaget kommer från den enskilde själv.' });
  await as(world, nord).post(`/api/v1/applications/${id}/adjustments`, { lineKey: 'cost:tand', value: 100000, note: 'Nytt kostnadsförslag' });
  const stale = await as(world, nord).post(`/api/v1/decisions/${d.id}/decide`);
  assert.equal(stale.statusCode, 409, stale.body);
  const refreshed = await as(world, nord).post(`/api/v1/decisions/${d.id}/refresh`);
  assert.equal(refreshed.statusCode, 200, refreshed.body);
  assert.equal(refreshed.json().amount, 1_380_000 - 50_000);
  assert.equal(refreshed.json().items.find((i: { key: string }) => i.key === 'cost:tand').reason, complete.itemReasons[0]!.reason);

  const empty = await addApplication(world);
  assert.equal((await as(world, nord).post(`/api/v1/applications/${empty}/decisions`)).statusCode, 409);
  const dis = await as(world, nord).post(`/api/v1/applications/${empty}/decisions`, { outcome: 'dismissed' });
  assert.equal(dis.statusCode, 201, dis.body);
  assert.equal(dis.json().outcome, 'dismissed');
  // The dismissed application was one for assistance under 12 kap. 1 §: that settles how the dismissal is appealed.
  assert.deepEqual(
    dis.json().legalBasis.map((l: { id: string }) => l.id),
    ['SOL-12-1', 'FL-20'],
  );
});

// ---- Legal content of the letters: appeal instructions follow the legal basis ------------------------------------------

/** A complete draft with kommunicering recorded as unnecessary, ready to decide; returns the draft. */
async function readyDraft(patch: Record<string, unknown> = {}) {
  const id = await prepared();
  const d = (await as(world, nord).post(`/api/v1/applications/${id}/decisions`)).json();
  const p = await as(world, nord).patch(`/api/v1/decisions/${d.id}`, { ...complete, ...patch });
  assert.equal(p.statusCode, 200, p.body);
  assert.equal(
    (await as(world, nord).post(`/api/v1/decisions/${d.id}/communication`, { kind: 'unnecessary', exceptionId: 'notAgainst', reason: 'Underlaget kommer från den enskilde själv.' })).statusCode,
    201,
  );
  return p.json();
}

async function letterText(decider: Session, decisionId: string): Promise<string> {
  const ok = await as(world, decider).post(`/api/v1/decisions/${decisionId}/decide`);
  assert.equal(ok.statusCode, 200, ok.body);
  const pdf = await as(world, decider).get(`/api/v1/decisions/${decisionId}/letter`);
  assert.equal(pdf.statusCode, 200);
  return (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
}

test('a decision under 12 kap. 1 §: förvaltningsbesvär with where to send it (postal and e-service address); no föredragande when the decider prepared it', async () => {
  const d = await readyDraft();
  assert.equal(d.appealRoute.route, 'appeal');
  const text = await letterText(nord, d.id);
  for (const expected of [
    'Beslutet är fattat enligt 12 kap. 1 § socialtjänstlagen (2025:400) och 12 kap. 7 § socialtjänstlagen (2025:400)',
    'kan du överklaga till förvaltningsrätten (35 kap. 1 § socialtjänstlagen (2025:400))',
    'Så överklagar du till förvaltningsrätten',
    'Box 100, 852 30 Vägby',
    'https://e-tjanster.vagby.example/overklaga',
    'inom 3 veckor',
    'förvaltningslagen 44 §',
    'avvisas det, och då prövas det inte (förvaltningslagen 45 §)',
  ])
    assert.ok(text.includes(expected), `${expected} in ${text}`);
  assert.ok(!text.includes('Laglighetsprövning') && !text.includes('kommunallagen'), 'no laglighetsprövning text for a 12 kap. 1 § decision');
  assert.ok(!text.includes('Föredragande'), 'the decider prepared the decision: no föredragande (FL 31 §)');
});

test('a decision under 12 kap. 2 § alone: the laglighetsprövning text instead, and the föredragande when someone else presented', async () => {
  const d = await readyDraft({ legalBasisIds: ['SOL-12-2'], reasons: 'Bistånd till tandvården beviljas delvis enligt 12 kap. 2 § socialtjänstlagen eftersom det finns skäl för det.' });
  assert.equal(d.appealRoute.route, 'legalityReview');
  const text = await letterText(chef, d.id);
  for (const expected of [
    'Beslutet är fattat enligt 12 kap. 2 § socialtjänstlagen (2025:400). Ett sådant beslut kan inte överklagas till förvaltningsrätten på vanligt sätt',
    'laglighetsprövning (13 kap. kommunallagen (2017:725))',
    'alla som är medlemmar i kommunen',
    'direkt till förvaltningsrätten (Förvaltningsrätten i Härnösand)',
    'inom tre veckor från den dag då det tillkännagavs på kommunens anslagstavla att protokollet över beslutet har justerats',
    'kan inte sätta ett annat beslut i dess ställe',
    'Föredragande: Test nord',
  ])
    assert.ok(text.includes(expected), `${expected} in ${text}`);
  assert.ok(!text.includes('Så överklagar du till förvaltningsrätten') && !text.includes('Box 100'), 'no förvaltningsbesvär text for a 12 kap. 2 § decision');
});

test('a decision with items under both: each item needs its basis (400), is stored and shown, and the letter says which item is appealed how', async () => {
  const d = await readyDraft({ legalBasisIds: ['SOL-12-1', 'SOL-12-7', 'SOL-12-2'] });
  const incomplete = await as(world, nord).post(`/api/v1/decisions/${d.id}/decide`);
  assert.equal(incomplete.statusCode, 400, incomplete.body);
  const paths = incomplete.json().fields.map((f: { path: string }) => f.path);
  assert.ok(
    paths.includes('/decision/items/0/legalBasisId') && !paths.some((p: string) => p.endsWith(`/${d.items.length - 1}/legalBasisId`)),
    `norm and costs need a basis, incomes not: ${paths.join()}`,
  );
  // A basis that is not among the decision's references, or one that does not settle the route: 400 on the field sent.
  const notChosen = await as(world, nord).patch(`/api/v1/decisions/${d.id}`, {
    itemLegalBasis: [
      { key: 'norm', legalBasisId: 'SOL-12-1' },
      { key: 'cost:tand', legalBasisId: 'SOL-12-5' },
    ],
  });
  assert.equal(notChosen.statusCode, 400);
  assert.deepEqual(
    notChosen.json().fields.map((f: { path: string }) => f.path),
    ['/body/itemLegalBasis/1/legalBasisId'],
  );
  const unknownRow = await as(world, nord).patch(`/api/v1/decisions/${d.id}`, { itemLegalBasis: [{ key: 'cost:nope', legalBasisId: 'SOL-12-1' }] });
  assert.deepEqual(
    unknownRow.json().fields.map((f: { path: string }) => f.path),
    ['/body/itemLegalBasis/0/key'],
  );
  const keys = d.items.filter((i: { kind: string }) => i.kind !== 'income').map((i: { key: string }) => i.key);
  const set = await as(world, nord).patch(`/api/v1/decisions/${d.id}`, { itemLegalBasis: keys.map((key: string) => ({ key, legalBasisId: key === 'cost:tand' ? 'SOL-12-2' : 'SOL-12-1' })) });
  assert.equal(set.statusCode, 200, set.body);
  assert.equal(set.json().items.find((i: { key: string }) => i.key === 'cost:tand').legalBasisId, 'SOL-12-2');
  assert.equal(set.json().appealRoute.route, 'mixed');
  assert.deepEqual(
    set
      .json()
      .appealRoute.items.filter((i: { route: string }) => i.route === 'legalityReview')
      .map((i: { key: string }) => i.key),
    ['cost:tand'],
  );
  const text = await letterText(nord, d.id);
  for (const expected of [
    'Beslutet har delar som är fattade enligt olika lagrum',
    'Det här kan du överklaga till förvaltningsrätten (35 kap. 1 § socialtjänstlagen (2025:400)): Riksnorm (personliga och gemensamma kostnader), Boendekostnad (hyra), Hushållsel.',
    'Det här är beslutat enligt 12 kap. 2 § socialtjänstlagen (2025:400) och kan inte överklagas på det sättet, bara laglighetsprövas: Tandvård (Akut tandvård)',
    'Så överklagar du till förvaltningsrätten',
    'Box 100',
    'Laglighetsprövning',
    '13 kap. kommunallagen (2017:725)',
  ])
    assert.ok(text.includes(expected), `${expected} in ${text}`);
});

test('the kommunicering letter tells of the right to give information orally before the nämnd (SoL 14 kap. 8 §)', async () => {
  const id = await prepared();
  const d = (await as(world, nord).post(`/api/v1/applications/${id}/decisions`)).json();
  const sent = await as(world, nord).post(`/api/v1/decisions/${d.id}/communication`, {
    kind: 'sent',
    text: 'Vi tänker bevilja 1 500 kr av tandvården.',
    sentAt: '2026-03-10T08:00:00Z',
    channel: 'letter',
    answerDeadline: '2026-03-17T23:00:00Z',
    createLetter: true,
  });
  assert.equal(sent.statusCode, 201, sent.body);
  const text = (await pdfText((await as(world, nord).get(sent.json().letterUrl)).rawPayload)).replace(/\s+/g, ' ');
  assert.ok(text.includes('rätt att lämna uppgifter muntligt inför socialnämnden innan den beslutar (14 kap. 8 § socialtjänstlagen (2025:400))'), text);
});

test('an amount built on a provisional source is marked in the letter with the source', async () => {
  const id = await prepared();
  // Mark one riksnorm line of the stored calculation provisional, as the 2027 reference-value norm will be.
  const calc = await world.handle.db.selectFrom('calculations').select(['id', 'effective']).where('application_id', '=', id).where('superseded_at', 'is', null).executeTakeFirstOrThrow();
  const effective = calc.effective as { months: { rows: { kind: string; source?: { id: string; status: string; text: string } }[] }[] };
  const row = effective.months[0]!.rows.find((r) => r.kind === 'personal')!;
  row.source = { id: 'test-referensvarde-2027', status: 'provisional', text: 'referensvärdet för 2027 (förslag, ännu inte beslutat)' };
  await world.handle.db
    .updateTable('calculations')
    .set({ effective: JSON.stringify(effective) })
    .where('id', '=', calc.id)
    .execute();
  const d = (await as(world, nord).post(`/api/v1/applications/${id}/decisions`)).json();
  assert.deepEqual(d.items.find((i: { key: string }) => i.key === 'norm').provisionalSources, [{ id: 'test-referensvarde-2027', text: 'referensvärdet för 2027 (förslag, ännu inte beslutat)' }]);
  assert.equal(d.items.find((i: { key: string }) => i.key === 'cost:tand').provisionalSources, undefined);
  await as(world, nord).patch(`/api/v1/decisions/${d.id}`, complete);
  await as(world, nord).post(`/api/v1/decisions/${d.id}/communication`, { kind: 'unnecessary', exceptionId: 'notAgainst', reason: 'Underlaget kommer från den enskilde själv.' });
  const text = await letterText(nord, d.id);
  assert.ok(text.includes('Riksnorm (personliga och gemensamma kostnader) (preliminärt belopp, se not)'), text);
  assert.ok(text.includes('Beloppet för riksnorm (personliga och gemensamma kostnader) är preliminärt. Det bygger på referensvärdet för 2027 (förslag, ännu inte beslutat)'), text);
  assert.ok(!text.includes('Tandvård (Akut tandvård) (preliminärt'), 'only the provisional line is marked');
});

test('a decision made before 1 July 2025 cites the old law: 4 kap. SoL 2001:453 and appeal under its 16 kap. 3 §', async () => {
  // The demo's reason phrases start 1 July 2025; this municipality's phrases for the earlier date are given here.
  const base = getCaseworkRules().documents;
  const phrases = base.find((doc) => doc.kind === 'reasonPhrases')!;
  useCaseworkRulesForAssessment(new CaseworkRules([...base, { ...phrases, id: 'rp-test-2025-h1', validFrom: '2025-01-01', validTo: '2025-06-30' }]));
  world.clock.now = new Date('2025-06-16T08:00:00Z');
  try {
    const nordJune = await login(world, 'nord');
    const id = await addApplication(world, { month: '2025-06' });
    const content = coupleContent({
      period: { start: '2025-06-01', end: '2025-06-30' },
      housing: { tenure: 'firstHand', rent: 500000, personsInDwelling: 4 },
      costs: [{ id: 'tand', type: 'dentalCare', amount: 300000, note: 'Akut tandvård' }],
    });
    assert.equal((await put(world, nordJune, `/api/v1/applications/${id}`, content)).statusCode, 200);
    assert.equal((await as(world, nordJune).post(`/api/v1/applications/${id}/calculations`)).statusCode, 201);
    await as(world, nordJune).post(`/api/v1/applications/${id}/adjustments`, { lineKey: 'cost:tand', value: 150000, note: 'Delvis estetisk behandling' });
    const d = (await as(world, nordJune).post(`/api/v1/applications/${id}/decisions`)).json();
    assert.deepEqual(
      d.legalBasis.map((l: { id: string }) => l.id),
      ['SOL2001-4-1', 'SOL2001-4-3'],
    );
    assert.equal(
      (await as(world, nordJune).patch(`/api/v1/decisions/${d.id}`, { ...complete, reasons: 'Tandvården beviljas delvis enligt 4 kap. 1 § socialtjänstlagen (2001:453).' })).statusCode,
      200,
    );
    await as(world, nordJune).post(`/api/v1/decisions/${d.id}/communication`, { kind: 'unnecessary', exceptionId: 'notAgainst', reason: 'Underlaget kommer från den enskilde själv.' });
    const text = await letterText(nordJune, d.id);
    for (const expected of [
      'Beslutet fattades före den 1 juli 2025. Därför gäller den äldre socialtjänstlagen (2001:453)',
      'Beslutet är fattat enligt 4 kap. 1 § socialtjänstlagen (2001:453)',
      'kan du överklaga till förvaltningsrätten (16 kap. 3 § socialtjänstlagen (2001:453))',
    ])
      assert.ok(text.includes(expected), `${expected} in ${text}`);
    assert.ok(!text.includes('socialtjänstlagen (2025:400)'), `no reference to the new law in a decision made under the old one: ${text}`);
  } finally {
    useCaseworkRulesForAssessment(null);
    world.clock.now = new Date('2026-03-10T09:00:00Z');
    nord = await login(world, 'nord');
  }
});
