import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { auditCount } from './harness.ts';
import { createIntakeWorld, intakeWorker, newPnr, registration, singleAdultInterview, type IntakeWorld } from './intake-fixtures.ts';

let w: IntakeWorld;
before(async () => {
  w = await createIntakeWorld();
});
after(async () => {
  await w.close();
});

const count = async (table: 'intakes' | 'cases' | 'applications' | 'persons' | 'work_items') =>
  Number(
    (
      await w.handle.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

test('a registration with a bad personnummer, an unknown unit and a time in the future is refused and saves nothing', async () => {
  const m = await intakeWorker(w);
  const before = await Promise.all([count('intakes'), count('cases'), count('applications'), count('persons'), count('work_items')]);
  const res = await m.post(
    '/api/v1/intake',
    registration(w, {
      unitId: w.ids.unitSyd,
      receivedAt: '2026-03-11T09:00:00Z',
      applicant: { personnummer: '19880714-1234', firstName: 'Alva', lastName: 'Ek' },
    }),
  );
  assert.equal(res.statusCode, 400);
  const paths = res
    .json()
    .fields.map((f: { path: string }) => f.path)
    .sort();
  assert.deepEqual(paths, ['/body/applicant/personnummer', '/body/receivedAt', '/body/unitId']);
  for (const f of res.json().fields) assert.ok(f.message.length > 5 && /[a-zåäö]/.test(f.message), 'Swedish message');
  const afterCounts = await Promise.all([count('intakes'), count('cases'), count('applications'), count('persons'), count('work_items')]);
  assert.deepEqual(afterCounts, before);

  const text = await m.post('/api/v1/intake', registration(w, { track: 'snabb', channel: 'fax' }));
  assert.equal(text.statusCode, 400);
  assert.deepEqual(
    text
      .json()
      .fields.map((f: { path: string }) => f.path)
      .sort(),
    ['/body/channel', '/body/track'],
  );
  const kassa = await m.post('/api/v1/intake', registration(w, { unitId: '00000000-0000-4000-8000-000000000099' }));
  assert.equal(kassa.statusCode, 400);
  assert.equal(kassa.json().fields[0].path, '/body/unitId');
  assert.equal(await count('intakes'), before[0]);
});

test('an acute contact gets a 2-day deadline, a case in intake, an application, history, a work item and an audit record', async () => {
  const m = await intakeWorker(w);
  const auditBefore = await auditCount(w, { action: 'intake.register' });
  const res = await m.post('/api/v1/intake', registration(w, { track: 'acute' }));
  assert.equal(res.statusCode, 201, res.body);
  const r = res.json();
  assert.equal(r.reopened, false);
  assert.equal(r.deadlineAt, '2026-03-12T09:00:00.000Z');
  const db = w.handle.db;
  const c = await db.selectFrom('cases').selectAll().where('id', '=', r.caseId).executeTakeFirstOrThrow();
  assert.equal(c.status, 'intake');
  assert.equal(c.responsible_worker_id, null);
  assert.equal(c.unit_id, w.ids.unitNord);
  const history = await db.selectFrom('case_status_history').selectAll().where('case_id', '=', r.caseId).execute();
  assert.equal(history.length, 1);
  assert.equal(history[0]!.actor_id, w.extra.mottagning);
  const a = await db.selectFrom('applications').selectAll().where('id', '=', r.applicationId).executeTakeFirstOrThrow();
  assert.deepEqual([a.kind, a.channel, a.status, a.period_month, a.period_start, a.period_end], ['new', 'phone', 'registered', '2026-03-01', '2026-03-01', '2026-03-31']);
  const events = await db.selectFrom('intake_events').selectAll().where('intake_id', '=', r.id).execute();
  assert.deepEqual(
    events.map((e) => [e.kind, e.to_status, e.actor_id]),
    [['registered', 'registered', w.extra.mottagning]],
  );
  const item = await db.selectFrom('work_items').selectAll().where('ref_id', '=', r.id).executeTakeFirstOrThrow();
  assert.deepEqual([item.kind, item.priority, item.due_at, item.assigned_role, item.assigned_to, item.unit_id], ['intake', 2, '2026-03-12T09:00:00.000Z', 'intakeWorker', null, w.ids.unitNord]);
  assert.equal(await auditCount(w, { action: 'intake.register' }), auditBefore + 1);

  const again = await m.post(
    '/api/v1/intake',
    registration(w, {
      applicant: {
        personnummer: (
          await db
            .selectFrom('persons')
            .select('personnummer')
            .where('id', '=', (await db.selectFrom('intakes').select('applicant_person_id').where('id', '=', r.id).executeTakeFirstOrThrow()).applicant_person_id)
            .executeTakeFirstOrThrow()
        ).personnummer,
        firstName: 'Alva',
        lastName: 'Ek',
      },
    }),
  );
  assert.equal(again.statusCode, 409, 'an open case for the same person stops a second registration');
  assert.match(again.json().message, /pågående ärende/);
});

test('a letter may be registered with an earlier receipt time; the ordinary deadline counts from it', async () => {
  const m = await intakeWorker(w);
  const res = await m.post('/api/v1/intake', registration(w, { channel: 'paper', receivedAt: '2026-03-05T08:00:00Z' }));
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.json().deadlineAt, '2026-03-19T08:00:00.000Z');
});

test('the queue shows acute contacts first, time since receipt and overdue; reading it is audited', async () => {
  const m = await intakeWorker(w);
  await m.post('/api/v1/intake', registration(w, { receivedAt: '2026-02-01T08:00:00Z', channel: 'paper' }));
  const auditBefore = await auditCount(w, { action: 'intake.list' });
  const res = await m.get('/api/v1/intake');
  assert.equal(res.statusCode, 200);
  const items = res.json().items as { track: string; deadlineAt: string; overdue: boolean; minutesSinceReceipt: number; receivedAt: string; applicantName: string; channelLabel: string }[];
  assert.ok(items.length >= 3);
  const firstOrdinary = items.findIndex((i) => i.track === 'ordinary');
  assert.ok(items.slice(0, firstOrdinary).every((i) => i.track === 'acute') && items.slice(firstOrdinary).every((i) => i.track === 'ordinary'), 'acute first');
  const ordinary = items.slice(firstOrdinary);
  assert.deepEqual(
    ordinary.map((i) => i.deadlineAt),
    [...ordinary.map((i) => i.deadlineAt)].sort(),
    'then by deadline',
  );
  const old = items.find((i) => i.receivedAt === '2026-02-01T08:00:00.000Z')!;
  assert.equal(old.overdue, true);
  assert.equal(old.minutesSinceReceipt, (Date.parse('2026-03-10T09:00:00Z') - Date.parse('2026-02-01T08:00:00Z')) / 60000);
  assert.equal(old.channelLabel, 'Brev');
  assert.equal(items.find((i) => i.track === 'acute')!.overdue, false);
  assert.equal(await auditCount(w, { action: 'intake.list' }), auditBefore + 1);

  const acute = await m.get('/api/v1/intake?track=acute');
  assert.ok(acute.json().items.every((i: { track: string }) => i.track === 'acute'));
  const syd = await m.get(`/api/v1/intake?unitId=${w.ids.unitSyd}`);
  assert.equal(syd.statusCode, 400, 'not a unit of the user');
});

test('the interview is saved with history; the preliminary calculation of a single adult 2026 is 5 220 kr + rent', async () => {
  const m = await intakeWorker(w);
  const r = (await m.post('/api/v1/intake', registration(w))).json();
  const early = await m.post(`/api/v1/intake/${r.id}/preliminary-calculation`);
  assert.equal(early.statusCode, 409, 'no calculation before the interview');

  const bad = await m.post(`/api/v1/intake/${r.id}/interview`, {
    ...singleAdultInterview,
    housing: { tenure: 'firstHand', monthlyCost: '4000' },
    incomes: [{ type: 'salary', person: 'coApplicant', amount: 100 }],
  });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().fields[0].path, '/body/housing/monthlyCost');
  const noCo = await m.post(`/api/v1/intake/${r.id}/interview`, { ...singleAdultInterview, incomes: [{ type: 'salary', person: 'coApplicant', amount: 100 }] });
  assert.equal(noCo.statusCode, 400);
  assert.equal(noCo.json().fields[0].path, '/body/incomes/0/person');

  const saved = await m.post(`/api/v1/intake/${r.id}/interview`, singleAdultInterview);
  assert.equal(saved.statusCode, 200, saved.body);
  assert.equal(saved.json().status, 'interviewed');
  assert.equal(saved.json().interview.ownership.car, false);
  assert.equal(saved.json().timestamps.interviewedAt, '2026-03-10T09:00:00.000Z');
  await m.post(`/api/v1/intake/${r.id}/interview`, { ...singleAdultInterview, family: 'Ensamstående. Har en vuxen son som bor i Umeå.' });
  const versions = await w.handle.db.selectFrom('intake_events').select(['kind', 'data']).where('intake_id', '=', r.id).where('kind', '=', 'interviewSaved').orderBy('id').execute();
  assert.equal(versions.length, 2, 'each version is kept');
  assert.equal((versions[0]!.data as { family: string }).family, 'Ensamstående, inga barn.');

  const calc = await m.post(`/api/v1/intake/${r.id}/preliminary-calculation`);
  assert.equal(calc.statusCode, 200, calc.body);
  const c = calc.json();
  assert.equal(c.preliminary, true);
  assert.match(c.label, /Preliminär/);
  assert.equal(c.result.totals.norm, 522000);
  assert.equal(c.result.totals.costs, 400000);
  assert.equal(c.result.totals.assistance, 922000);
  assert.ok(c.result.lines.some((l: { kind: string }) => l.kind === 'cost'));
  assert.ok(Array.isArray(c.result.warnings));

  const detail = (await m.get(`/api/v1/intake/${r.id}`)).json();
  assert.equal(detail.preliminary.result.totals.assistance, 922000);
  assert.equal(detail.preliminary.calculatedByName, 'Test mottagning');
  assert.deepEqual(
    detail.history.map((h: { kind: string }) => h.kind),
    ['preliminaryCalculated', 'interviewSaved', 'interviewSaved', 'registered'],
  );
  assert.equal(detail.people[0].personnummer.length, 13);
});

test('a capped rent gives the engine warning in the preliminary calculation', async () => {
  const m = await intakeWorker(w);
  const r = (await m.post('/api/v1/intake', registration(w))).json();
  await m.post(`/api/v1/intake/${r.id}/interview`, {
    ...singleAdultInterview,
    housing: { tenure: 'firstHand', monthlyCost: 900000 },
    incomes: [{ type: 'unemploymentBenefit', person: 'applicant', amount: 300000 }],
  });
  const c = (await m.post(`/api/v1/intake/${r.id}/preliminary-calculation`)).json();
  assert.ok(
    c.result.warnings.some((x: { type: string }) => x.type === 'EXPENSE_CAPPED'),
    JSON.stringify(c.result.warnings),
  );
  assert.equal(c.result.totals.income, 300000);
});

test('responsibility check: a "no" needs a note; a contact can then be referred, which closes its case without a decision', async () => {
  const m = await intakeWorker(w);
  const r = (await m.post('/api/v1/intake', registration(w))).json();
  const noRefer = await m.post(`/api/v1/intake/${r.id}/refer`, { reason: 'Bor i Umeå' });
  assert.equal(noRefer.statusCode, 409);
  const noNote = await m.post(`/api/v1/intake/${r.id}/responsibility`, { municipalityResponsible: 'no', rightInstance: 'yes' });
  assert.equal(noNote.statusCode, 400);
  assert.equal(noNote.json().fields[0].path, '/body/note');
  const ok = await m.post(`/api/v1/intake/${r.id}/responsibility`, { municipalityResponsible: 'no', rightInstance: 'yes', note: 'Folkbokförd och bor i Umeå, ringde för en släkting.' });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().responsibility.municipalityResponsibleLabel, 'Nej');
  const referred = await m.post(`/api/v1/intake/${r.id}/refer`, { reason: 'Hänvisad till Umeå kommun.' });
  assert.equal(referred.statusCode, 200, referred.body);
  assert.equal(referred.json().status, 'referred');
  assert.equal(referred.json().case.status, 'closed');
  const items = await w.handle.db.selectFrom('work_items').select('closed_at').where('ref_id', '=', r.id).execute();
  assert.ok(items.every((i) => i.closed_at));
  const again = await m.post(`/api/v1/intake/${r.id}/interview`, singleAdultInterview);
  assert.equal(again.statusCode, 409, 'a referred contact is read-only');
});

test('intakes are visible only through the case: another unit gets 404, a cashier cannot register', async () => {
  const m = await intakeWorker(w);
  const r = (await m.post('/api/v1/intake', registration(w))).json();
  const { as, login } = await import('./harness.ts');
  const syd = as(w, await login(w, 'syd'));
  const denied = await auditCount(w, { action: 'intake.read', outcome: 'denied' });
  assert.equal((await syd.get(`/api/v1/intake/${r.id}`)).statusCode, 404);
  assert.equal((await syd.post(`/api/v1/intake/${r.id}/interview`, singleAdultInterview)).statusCode, 404);
  assert.equal(await auditCount(w, { action: 'intake.read', outcome: 'denied' }), denied + 1);
  assert.equal((await syd.get('/api/v1/intake/00000000-0000-4000-8000-000000000999')).statusCode, 404);
  const sydQueue = (await syd.get('/api/v1/intake')).json();
  assert.ok(!sydQueue.items.some((i: { id: string }) => i.id === r.id));
  const kassa = as(w, await login(w, 'kassa'));
  assert.equal((await kassa.post('/api/v1/intake', registration(w))).statusCode, 403);
  assert.equal((await kassa.post(`/api/v1/intake/${r.id}/interview`, singleAdultInterview)).statusCode, 403);
  const nord = as(w, await login(w, 'nord'));
  assert.equal((await nord.get(`/api/v1/intake/${r.id}`)).statusCode, 200, 'same unit');
  assert.equal(newPnr().length, 12);
});

test('the case page lists the intakes of the case (audited, same access as the case)', async () => {
  const m = await intakeWorker(w);
  const r = (await m.post('/api/v1/intake', registration(w, { track: 'acute', channel: 'walkIn' }))).json();
  const before = await auditCount(w, { action: 'intake.list', caseId: r.caseId });
  const res = await m.get(`/api/v1/cases/${r.caseId}/intakes`);
  assert.equal(res.statusCode, 200);
  assert.deepEqual(
    res.json().items.map((i: { id: string; trackLabel: string; channelLabel: string; statusLabel: string }) => [i.id, i.trackLabel, i.channelLabel, i.statusLabel]),
    [[r.id, 'Akut', 'Besök', 'Registrerad']],
  );
  assert.equal(await auditCount(w, { action: 'intake.list', caseId: r.caseId }), before + 1);
  const { as, login } = await import('./harness.ts');
  assert.equal((await as(w, await login(w, 'syd')).get(`/api/v1/cases/${r.caseId}/intakes`)).statusCode, 404);
});
