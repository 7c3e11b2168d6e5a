import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { as, auditCount, login } from './harness.ts';
import {
  BEFORE_BOOKING_REQUIRED,
  BEFORE_HANDOVER_REQUIRED,
  createIntakeWorld,
  intakeWorker,
  newPnr,
  registration,
  responsibilityChecked,
  singleAdultInterview,
  type IntakeWorld,
} from './intake-fixtures.ts';
import { pdfText } from './pdf-text.ts';

let w: IntakeWorld;
before(async () => {
  w = await createIntakeWorld();
});
after(async () => {
  await w.close();
});

type Client = Awaited<ReturnType<typeof intakeWorker>>;
// The clock stands at Tuesday 10 March 2026, 10:00 in Stockholm (09:00 UTC, CET).
const THURSDAY_1030 = '2026-03-12T09:30:00.000Z';

async function tick(m: Client, id: string, stage: string, keys: string[]) {
  for (const key of keys) {
    const res = await m.post(`/api/v1/intake/${id}/checklist`, { stage, key, checked: true });
    assert.equal(res.statusCode, 200, res.body);
  }
}

async function interviewed(m: Client, over: Record<string, unknown> = {}) {
  const r = (await m.post('/api/v1/intake', registration(w, over))).json();
  assert.equal((await m.post(`/api/v1/intake/${r.id}/interview`, singleAdultInterview)).statusCode, 200);
  assert.equal((await m.post(`/api/v1/intake/${r.id}/preliminary-calculation`)).statusCode, 200);
  assert.equal((await m.post(`/api/v1/intake/${r.id}/responsibility`, responsibilityChecked)).statusCode, 200);
  return r as { id: string; caseId: string; applicationId: string; caseNumber: string };
}

const booking = (workerId: string, over: Record<string, unknown> = {}) => ({
  visitAt: THURSDAY_1030,
  place: 'Socialkontoret, Storgatan 10, Vägby',
  workerId,
  documents: ['payslips', 'lease', 'bankStatements'],
  ...over,
});

test('booking is refused until the checklist is complete; ticking records who and when', async () => {
  const m = await intakeWorker(w);
  const r = (await m.post('/api/v1/intake', registration(w))).json() as { id: string };
  const refused = await m.post(`/api/v1/intake/${r.id}/booking`, booking(w.ids.users.nord!));
  assert.equal(refused.statusCode, 409);
  assert.match(refused.json().message, /Nybesöket kan inte bokas förrän checklistan är klar/);
  assert.match(refused.json().message, /Telefonintervjun är gjord/);

  // The interview, calculation and responsibility check are read from the contact, not ticked.
  assert.equal((await m.post(`/api/v1/intake/${r.id}/interview`, singleAdultInterview)).statusCode, 200);
  assert.equal((await m.post(`/api/v1/intake/${r.id}/preliminary-calculation`)).statusCode, 200);
  assert.equal((await m.post(`/api/v1/intake/${r.id}/responsibility`, responsibilityChecked)).statusCode, 200);
  await tick(m, r.id, 'beforeBooking', BEFORE_BOOKING_REQUIRED.slice(0, -1));
  const stillRefused = await m.post(`/api/v1/intake/${r.id}/booking`, booking(w.ids.users.nord!));
  assert.equal(stillRefused.statusCode, 409);
  assert.match(stillRefused.json().message, /Akut behov/);
  assert.doesNotMatch(stillRefused.json().message, /Telefonintervjun|Preliminär|ansvar/);

  const unknown = await m.post(`/api/v1/intake/${r.id}/checklist`, { stage: 'beforeBooking', key: 'nothing', checked: true });
  assert.equal(unknown.statusCode, 400);
  const unknownInList = await m.post(`/api/v1/intake/${r.id}/checklist`, { stage: 'beforeBooking', keys: ['identity', 'nothing'], checked: true });
  assert.equal(unknownInList.statusCode, 400);
  assert.equal(unknownInList.json().fields[0].path, '/body/keys/1');
  assert.equal((await m.post(`/api/v1/intake/${r.id}/checklist`, { stage: 'beforeBooking', checked: true })).statusCode, 400, 'key or keys');
  const untick = await m.post(`/api/v1/intake/${r.id}/checklist`, { stage: 'beforeBooking', keys: ['identity', 'interpreter'], checked: false });
  assert.equal(untick.statusCode, 200);
  assert.deepEqual(
    untick
      .json()
      .checklists[0].items.filter((i: { checked: boolean }) => i.checked)
      .map((i: { key: string }) => i.key),
    ['responsibility', 'rightInstance', 'interview', 'preliminaryCalculation'],
    'the derived points hold; the unticked judgement does not',
  );
  const retick = await m.post(`/api/v1/intake/${r.id}/checklist`, { stage: 'beforeBooking', keys: ['identity'], checked: true });
  assert.equal(retick.statusCode, 200);
  const detail = (await m.post(`/api/v1/intake/${r.id}/checklist`, { stage: 'beforeBooking', key: 'acuteNeed', checked: true })).json();
  const item = detail.checklists[0].items.find((i: { key: string }) => i.key === 'acuteNeed');
  assert.deepEqual([item.checked, item.checkedByName, item.checkedAt, item.derived], [true, 'Test mottagning', '2026-03-10T09:00:00.000Z', null]);
  assert.equal(detail.checklists[0].complete, true);
  const noCount = await w.handle.db.selectFrom('documents').select('id').where('related_id', '=', r.id).execute();
  assert.equal(noCount.length, 0, 'the refused bookings stored nothing');
});

test('a point the system knows is derived: shown with its fact, and a hand tick is refused in Swedish', async () => {
  const m = await intakeWorker(w);
  const r = (await m.post('/api/v1/intake', registration(w))).json() as { id: string };
  const points = (d: {
    checklists: { items: { key: string; checked: boolean; checkedByName: string | null; derived: { fact: string; label: string; met: boolean; at: string | null } | null }[] }[];
  }) => Object.fromEntries(d.checklists.flatMap((c) => c.items.map((i) => [i.key, i])));
  const before = points((await m.get(`/api/v1/intake/${r.id}`)).json());
  assert.deepEqual(before.interview!.derived, { fact: 'interviewSaved', label: 'Telefonintervjun är inte sparad', met: false, at: null });
  assert.equal(before.interview!.checked, false);
  assert.equal(before.identity!.derived, null, 'a judgement is ticked by a person');

  for (const body of [
    { stage: 'beforeBooking', key: 'interview', checked: true },
    { stage: 'beforeBooking', keys: ['identity', 'preliminaryCalculation'], checked: true },
    { stage: 'beforeHandover', key: 'firstVisitBooked', checked: false },
  ]) {
    const res = await m.post(`/api/v1/intake/${r.id}/checklist`, body);
    assert.equal(res.statusCode, 400, JSON.stringify(body));
    assert.match(res.json().fields[0].message, /hämtas från ärendet och kan inte markeras för hand/);
  }
  assert.equal(res400Path((await m.post(`/api/v1/intake/${r.id}/checklist`, { stage: 'beforeBooking', keys: ['identity', 'interview'], checked: true })).json()), '/body/keys/1');
  const afterRefusal = points((await m.get(`/api/v1/intake/${r.id}`)).json());
  assert.equal(afterRefusal.identity!.checked, false, 'a refused change changes nothing');

  assert.equal((await m.post(`/api/v1/intake/${r.id}/interview`, singleAdultInterview)).statusCode, 200);
  const after = points((await m.get(`/api/v1/intake/${r.id}`)).json());
  assert.deepEqual(after.interview!.derived, { fact: 'interviewSaved', label: 'Telefonintervjun är sparad', met: true, at: '2026-03-10T09:00:00.000Z' });
  assert.deepEqual([after.interview!.checked, after.interview!.checkedByName], [true, null]);
  assert.equal(after.firstVisitBooked!.derived!.met, false);
});

const res400Path = (body: { fields: { path: string }[] }) => body.fields[0]!.path;

test('a first visit must be in the future, on a weekday, between 08 and 17, with a worker of the unit and known documents', async () => {
  const m = await intakeWorker(w);
  const r = await interviewed(m);
  await tick(m, r.id, 'beforeBooking', BEFORE_BOOKING_REQUIRED);
  const cases: [Record<string, unknown>, string][] = [
    [{ visitAt: '2026-03-09T09:30:00Z' }, '/body/visitAt'],
    [{ visitAt: '2026-03-14T09:30:00Z' }, '/body/visitAt'], // Saturday
    [{ visitAt: '2026-03-12T17:30:00Z' }, '/body/visitAt'], // 18:30 in Stockholm
    [{ visitAt: '2026-03-12T06:30:00Z' }, '/body/visitAt'], // 07:30
    [{ workerId: w.ids.users.syd! }, '/body/workerId'],
    [{ documents: ['payslips', 'passport-photo'] }, '/body/documents/1'],
    [{ visitAt: 'torsdag' }, '/body/visitAt'],
  ];
  for (const [over, path] of cases) {
    const res = await m.post(`/api/v1/intake/${r.id}/booking`, booking(w.ids.users.nord!, over));
    assert.equal(res.statusCode, 400, `${JSON.stringify(over)}: ${res.body}`);
    assert.ok(
      res.json().fields.some((f: { path: string }) => f.path === path),
      `${path} in ${res.body}`,
    );
  }
  const row = await w.handle.db.selectFrom('intakes').select(['status', 'visit_at']).where('id', '=', r.id).executeTakeFirstOrThrow();
  assert.deepEqual([row.status, row.visit_at], ['interviewed', null]);
});

test('booking creates the letter PDF with the ticked documents, a journal entry and a work item for the worker', async () => {
  const m = await intakeWorker(w);
  const r = await interviewed(m);
  await tick(m, r.id, 'beforeBooking', BEFORE_BOOKING_REQUIRED);
  const res = await m.post(`/api/v1/intake/${r.id}/booking`, booking(w.ids.users.nord!));
  assert.equal(res.statusCode, 201, res.body);
  const d = res.json();
  assert.equal(d.status, 'booked');
  assert.equal(d.booking.visitAt, THURSDAY_1030);
  assert.equal(d.booking.worker.name, 'Test nord');
  assert.deepEqual(
    d.booking.documents.map((x: { key: string }) => x.key),
    ['payslips', 'lease', 'bankStatements'],
  );
  assert.equal(d.timestamps.bookedAt, '2026-03-10T09:00:00.000Z');

  const db = w.handle.db;
  const doc = await db.selectFrom('documents').selectAll().where('id', '=', d.booking.letterDocumentId).executeTakeFirstOrThrow();
  assert.deepEqual([doc.kind, doc.visible_to_client, !!doc.locked_at, doc.case_id, doc.mime_type], ['firstVisitLetter', true, true, r.caseId, 'application/pdf']);

  const auditBefore = await auditCount(w, { action: 'document.read' });
  const pdf = await m.get(d.booking.letterUrl);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal(await auditCount(w, { action: 'document.read' }), auditBefore + 1);
  const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
  for (const expected of [
    'Kallelse till nybesök',
    'Lönespecifikationer för de senaste 3 månaderna',
    'Hyresavtal och senaste hyresavi',
    'Kontoutdrag för alla konton',
    'torsdag 12 mars 2026',
    '10:30',
    'Test nord',
    'Storgatan 10',
    r.caseNumber,
    'Alva Ek',
  ]) {
    assert.ok(text.includes(expected), `${expected} in ${text}`);
  }
  assert.ok(!text.includes('Beslut från CSN'), 'documents not ticked are not in the letter');

  const journal = await db.selectFrom('journal_entries').selectAll().where('case_id', '=', r.caseId).execute();
  assert.equal(journal.length, 1);
  assert.equal(journal[0]!.step, 'intake');
  assert.match(journal[0]!.body, /Lönespecifikationer/);
  const visit = await db.selectFrom('work_items').selectAll().where('ref_id', '=', r.id).where('kind', '=', 'firstVisit').executeTakeFirstOrThrow();
  assert.deepEqual([visit.assigned_to, visit.due_at, visit.closed_at], [w.ids.users.nord, THURSDAY_1030, null]);

  const syd = as(w, await login(w, 'syd'));
  assert.equal((await syd.get(d.booking.letterUrl)).statusCode, 404);
});

test('workers of the unit with caseload, heavy cases, experience and new staff', async () => {
  const m = await intakeWorker(w);
  const res = await m.get(`/api/v1/intake/workers?unitId=${w.ids.unitNord}`);
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.match(body.heavyCaseRule, /minst 3 barn/);
  const nord = body.workers.find((x: { id: string }) => x.id === w.ids.users.nord);
  // Harness: Nord has case 1 (Nord), the protected case 3 (Nord) and case 4 (Syd, assigned across units).
  assert.equal(nord.activeCases, 3);
  assert.equal(nord.heavyCases, 1, 'the protected-identity case is heavy');
  assert.equal(nord.yearsOfExperience, 6);
  assert.equal(nord.newStaff, false);
  const ny = body.workers.find((x: { id: string }) => x.id === w.extra.ny);
  assert.deepEqual([ny.newStaff, ny.yearsOfExperience, ny.activeCases], [true, 0, 0]);
  assert.ok(!body.workers.some((x: { role: string }) => x.role === 'cashier' || x.role === 'unitManager'));
  assert.equal((await m.get(`/api/v1/intake/workers?unitId=${w.ids.unitSyd}`)).statusCode, 400);
});

test('assignment needs the hand-over checklist; it sets the worker, moves the case to investigation with history, and moves the work', async (t) => {
  const m = await intakeWorker(w);
  const r = await interviewed(m);
  await tick(m, r.id, 'beforeBooking', BEFORE_BOOKING_REQUIRED);
  assert.equal((await m.post(`/api/v1/intake/${r.id}/booking`, booking(w.ids.users.nord!))).statusCode, 201);

  const nordUser = as(w, await login(w, 'nord'));
  assert.equal((await nordUser.post(`/api/v1/intake/${r.id}/assign`, { workerId: w.ids.users.nord })).statusCode, 403, 'a caseworker may not assign');

  const refused = await m.post(`/api/v1/intake/${r.id}/assign`, { workerId: w.ids.users.nord });
  assert.equal(refused.statusCode, 409);
  assert.match(refused.json().message, /Ärendet kan inte lämnas över förrän checklistan är klar/);
  await tick(m, r.id, 'beforeHandover', BEFORE_HANDOVER_REQUIRED);
  const badWorker = await m.post(`/api/v1/intake/${r.id}/assign`, { workerId: w.ids.users.syd });
  assert.equal(badWorker.statusCode, 400);

  w.clock.now = new Date('2026-03-10T13:30:00Z');
  t.after(() => {
    w.clock.now = new Date('2026-03-10T09:00:00Z');
  });
  const later = await intakeWorker(w); // the morning's session has timed out
  const auditBefore = await auditCount(w, { action: 'intake.assign', caseId: r.caseId });
  const res = await later.post(`/api/v1/intake/${r.id}/assign`, { workerId: w.ids.users.nord, secondWorkerId: w.extra.ny, note: 'Har pratat med handläggaren.' });
  assert.equal(res.statusCode, 200, res.body);
  const a = res.json();
  assert.equal(a.caseStatus, 'investigation');
  assert.equal(a.intake.status, 'handedOver');
  assert.equal(a.intake.leadTimesMinutes.toHandover, 270);
  assert.equal(await auditCount(w, { action: 'intake.assign', caseId: r.caseId }), auditBefore + 1);

  const db = w.handle.db;
  const c = await db.selectFrom('cases').selectAll().where('id', '=', r.caseId).executeTakeFirstOrThrow();
  assert.deepEqual([c.status, c.responsible_worker_id, c.second_worker_id], ['investigation', w.ids.users.nord, w.extra.ny]);
  const history = await db.selectFrom('case_status_history').selectAll().where('case_id', '=', r.caseId).orderBy('id').execute();
  assert.deepEqual(
    history.map((h) => [h.from_status, h.to_status, h.actor_id, h.at]),
    [
      [null, 'intake', w.extra.mottagning, '2026-03-10T09:00:00.000Z'],
      ['intake', 'investigation', w.extra.mottagning, '2026-03-10T13:30:00.000Z'],
    ],
  );
  assert.match(history[1]!.reason!, /Test nord/);
  const items = await db.selectFrom('work_items').selectAll().where('case_id', '=', r.caseId).execute();
  assert.ok(items.find((i) => i.kind === 'intake')!.closed_at, 'the intake item is closed');
  const assessment = items.find((i) => i.kind === 'assessment')!;
  assert.deepEqual([assessment.assigned_to, assessment.ref_type, assessment.ref_id, assessment.closed_at], [w.ids.users.nord, 'application', r.applicationId, null]);

  const caseDetail = (await as(w, await login(w, 'nord')).get(`/api/v1/cases/${r.caseId}`)).json();
  assert.equal(caseDetail.responsibleWorker.name, 'Test nord');
  assert.equal((await later.post(`/api/v1/intake/${r.id}/assign`, { workerId: w.ids.users.nord })).statusCode, 409, 'only once');
});

test('a heavy case to new staff needs a confirmation and gives a warning', async () => {
  const m = await intakeWorker(w);
  const children = [newPnr('2012-01-01'), newPnr('2015-02-02'), newPnr('2019-03-03')].map((p, i) => ({ personnummer: p, firstName: `Barn${i}`, lastName: 'Ek' }));
  const r = (await m.post('/api/v1/intake', registration(w, { children }))).json();
  const detail = (await m.get(`/api/v1/intake/${r.id}`)).json();
  assert.deepEqual(detail.heavyCase, { heavy: true, reasons: [{ code: 'manyChildren', label: 'Många barn i hushållet' }] });
  // Ready for hand-over: interviewed, checked, booked (read from the contact) and the judgements ticked.
  assert.equal((await m.post(`/api/v1/intake/${r.id}/interview`, singleAdultInterview)).statusCode, 200);
  assert.equal((await m.post(`/api/v1/intake/${r.id}/preliminary-calculation`)).statusCode, 200);
  assert.equal((await m.post(`/api/v1/intake/${r.id}/responsibility`, responsibilityChecked)).statusCode, 200);
  await tick(m, r.id, 'beforeBooking', BEFORE_BOOKING_REQUIRED);
  assert.equal((await m.post(`/api/v1/intake/${r.id}/booking`, booking(w.ids.users.nord!))).statusCode, 201);
  await tick(m, r.id, 'beforeHandover', BEFORE_HANDOVER_REQUIRED);
  const refused = await m.post(`/api/v1/intake/${r.id}/assign`, { workerId: w.extra.ny });
  assert.equal(refused.statusCode, 409);
  assert.equal(refused.json().error, 'HEAVY_CASE_NEW_STAFF');
  assert.match(refused.json().message, /nyanställd/);
  const c = await w.handle.db.selectFrom('cases').select(['status', 'responsible_worker_id']).where('id', '=', r.caseId).executeTakeFirstOrThrow();
  assert.deepEqual([c.status, c.responsible_worker_id], ['intake', null]);
  const ok = await m.post(`/api/v1/intake/${r.id}/assign`, { workerId: w.extra.ny, confirmHeavyForNewStaff: true });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().warnings.length, 1);
});

test('a new contact within 3 months of closure reopens the case with the same worker; after that a new case is opened', async () => {
  const m = await intakeWorker(w);
  const db = w.handle.db;
  const closeCase = async (caseId: string, closedAt: string) => {
    await db.updateTable('cases').set({ status: 'closed', closed_at: closedAt, closure_reason: 'work' }).where('id', '=', caseId).execute();
  };
  // An earlier applicant whose case (worker: nord) closed on 15 January.
  const pnr = newPnr('1975-05-05');
  const first = (await m.post('/api/v1/intake', registration(w, { applicant: { personnummer: pnr, firstName: 'Bo', lastName: 'Ström' } }))).json();
  await db.updateTable('cases').set({ responsible_worker_id: w.ids.users.nord }).where('id', '=', first.caseId).execute();
  await closeCase(first.caseId, '2026-01-15T10:00:00.000Z');

  const res = await m.post('/api/v1/intake', registration(w, { track: 'acute', applicant: { personnummer: pnr, firstName: 'Bo', lastName: 'Ström' } }));
  assert.equal(res.statusCode, 201, res.body);
  const r = res.json();
  assert.equal(r.reopened, true);
  assert.equal(r.caseId, first.caseId);
  assert.match(r.message, /återaktualiserat hos Test nord/);
  const c = await db.selectFrom('cases').selectAll().where('id', '=', r.caseId).executeTakeFirstOrThrow();
  assert.deepEqual([c.status, c.responsible_worker_id, c.closed_at], ['investigation', w.ids.users.nord, null]);
  const last = await db.selectFrom('case_status_history').selectAll().where('case_id', '=', r.caseId).orderBy('id', 'desc').executeTakeFirstOrThrow();
  assert.deepEqual([last.from_status, last.to_status, last.actor_id], ['closed', 'investigation', w.extra.mottagning]);
  const apps = await db.selectFrom('applications').select('id').where('case_id', '=', r.caseId).execute();
  assert.equal(apps.length, 2, 'a new application on the same case');
  const item = await db.selectFrom('work_items').selectAll().where('ref_id', '=', r.applicationId).executeTakeFirstOrThrow();
  assert.deepEqual([item.kind, item.assigned_to, item.priority], ['assessment', w.ids.users.nord, 2]);
  const detail = (await m.get(`/api/v1/intake/${r.id}`)).json();
  assert.equal(detail.status, 'handedOver');
  assert.equal(detail.reopened, true);
  assert.equal(await auditCount(w, { action: 'case.reopen', caseId: r.caseId }), 1);

  // Closed more than three months ago: a new case.
  await closeCase(r.caseId, '2025-11-30T10:00:00.000Z');
  const later = (await m.post('/api/v1/intake', registration(w, { applicant: { personnummer: pnr, firstName: 'Bo', lastName: 'Ström' } }))).json();
  assert.equal(later.reopened, false);
  assert.notEqual(later.caseId, r.caseId);
});
