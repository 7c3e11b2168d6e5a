import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CaseworkRules } from '../src/rules/casework-rules.ts';
import { getCaseworkRules } from '../src/rules/casework-rules.ts';
import { useCaseworkRulesForAssessment } from '../src/decisions/config.ts';
import { createWorld, auditCount, type World, type Session } from './harness.ts';
import { addApplication, as, coupleContent, put, sessions } from './assessment-fixtures.ts';

let world: World;
let s: { nord: Session; chef: Session; syd: Session };
before(async () => {
  world = await createWorld();
  s = await sessions(world);
});
after(async () => {
  useCaseworkRulesForAssessment(null);
  await world.close();
});

test('an empty application offers a template from the household; the case page reads it (audited)', async () => {
  const id = await addApplication(world);
  const res = await as(world, s.nord).get(`/api/v1/applications/${id}`);
  assert.equal(res.statusCode, 200, res.body);
  const a = res.json();
  assert.equal(a.filled, false);
  assert.equal(a.status, 'registered');
  assert.equal(a.content.applicant.name, 'Nora Nordin');
  assert.equal(a.content.children.length, 1);
  assert.equal(a.content.period.start, '2025-09-01');
  assert.equal((await auditCount(world, { action: 'application.read', outcome: 'success' })) >= 1, true);
  // Another unit's worker: the same answer as a missing application.
  assert.equal((await as(world, s.syd).get(`/api/v1/applications/${id}`)).statusCode, 404);
  const overview = await as(world, s.nord).get(`/api/v1/cases/${world.ids.caseNord}/assessment`);
  assert.equal(overview.statusCode, 200, overview.body);
  assert.ok(overview.json().applications.some((x: { application: { id: string } }) => x.application.id === id));
});

test('amounts as text → 400 with field paths; nothing is saved', async () => {
  const id = await addApplication(world);
  const before = await auditCount(world, { action: 'application.update' });
  const bad = coupleContent({ costs: [{ id: 'el', type: 'electricity', amount: '400 kr' }], housing: { tenure: 'castle', rent: 1.5, personsInDwelling: 4 } });
  const res = await put(world, s.nord, `/api/v1/applications/${id}`, bad);
  assert.equal(res.statusCode, 400, res.body);
  const paths = res.json().fields.map((f: { path: string }) => f.path);
  assert.ok(paths.includes('/body/costs/0/amount'), paths.join());
  assert.ok(paths.includes('/body/housing/tenure'));
  assert.ok(paths.includes('/body/housing/rent'));
  assert.match(res.json().fields.find((f: { path: string }) => f.path === '/body/costs/0/amount').message, /ören/);
  const after = await as(world, s.nord).get(`/api/v1/applications/${id}`);
  assert.equal(after.json().filled, false);
  assert.equal(after.json().status, 'registered');
  assert.equal(await auditCount(world, { action: 'application.update' }), before);
  // An unknown field is refused by the contract's schema …
  const res2 = await put(world, s.nord, `/api/v1/applications/${id}`, coupleContent({ extra: 1 }));
  assert.equal(res2.statusCode, 400);
  assert.deepEqual(res2.json().fields, [{ path: '/body/extra', message: 'Okänt fält.' }]);
  // … rent among the costs and a person not in the household by the domain's own rules, after the schema.
  const res3 = await put(world, s.nord, `/api/v1/applications/${id}`, coupleContent({ costs: [{ type: 'rent', amount: 100 }], incomes: [{ type: 'salary', person: 'barn9', amount: 1 }] }));
  assert.equal(res3.statusCode, 400);
  const p3 = res3.json().fields.map((f: { path: string }) => f.path);
  assert.deepEqual(
    ['/body/costs/0/type', '/body/incomes/0/person'].filter((p) => !p3.includes(p)),
    [],
  );
  assert.match(res3.json().fields.find((f: { path: string }) => f.path === '/body/costs/0/type').message, /housing\.rent/);
});

test('PUT replaces the content: status registered → inAssessment, audited, event row', async () => {
  const id = await addApplication(world);
  const res = await put(world, s.nord, `/api/v1/applications/${id}`, coupleContent());
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().status, 'inAssessment');
  assert.equal(res.json().content.coApplicant.name, 'Nils Nordin');
  const events = await world.handle.db.selectFrom('assessment_events').selectAll().where('object_id', '=', id).execute();
  assert.equal(events[0]!.from_status, 'registered');
  assert.equal(events[0]!.to_status, 'inAssessment');
  assert.equal(events[0]!.actor_id, world.ids.users.nord);
  const row = await world.handle.db.selectFrom('applications').select(['period_start', 'period_end']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual([row.period_start, row.period_end], ['2025-09-01', '2025-09-30']);
  // The cashier has no write capability.
  const kassa = await (await import('./harness.ts')).login(world, 'kassa');
  assert.equal((await put(world, kassa, `/api/v1/applications/${id}`, coupleContent())).statusCode, 403);
});

test('calculation: a couple with two children, September 2025 (riksnorm 2025, example caps 2281)', async () => {
  const id = await addApplication(world);
  await put(world, s.nord, `/api/v1/applications/${id}`, coupleContent());
  const res = await as(world, s.nord).post(`/api/v1/applications/${id}/calculations`);
  assert.equal(res.statusCode, 201, res.body);
  const c = res.json();
  // Norm: couple 7 050 + child 8 years 3 790 + child 5 years without lunch 2 700 + common 4 persons 2 010 = 15 550 kr.
  assert.equal(c.totals.norm, 1_555_000);
  // Rent 8 000 kr is capped at 7 416 kr (1–2 adults with 2 children); electricity 400 kr.
  assert.equal(c.totals.costsApplied, 840_000);
  assert.equal(c.totals.costs, 741_600 + 40_000);
  assert.equal(c.totals.income, 265_000 + 800_000);
  assert.equal(c.totals.assistance, 1_555_000 + 781_600 - 1_065_000);
  assert.equal(c.assistance, 1_271_600);
  assert.equal(c.outcome, 'partlyRefused');
  const rows = c.months[0].rows;
  const rent = rows.find((r: { key: string }) => r.key === 'cost:housing');
  assert.equal(rent.applied, 800_000);
  assert.equal(rent.systemValue, 741_600);
  // The warning sits on the row it is about.
  assert.deepEqual(
    rent.warnings.map((w: { type: string }) => w.type),
    ['EXPENSE_CAPPED'],
  );
  assert.ok(!c.months[0].warnings.some((w: { type: string }) => w.type === 'EXPENSE_CAPPED'));
  const stored = await world.handle.db.selectFrom('calculations').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
  assert.equal((stored.months as { month: { input: { month: string } } }[])[0]!.month.input.month, '2025-09');
});

test('an adjustment keeps the system value, survives recalculation and content changes; delete and restore', async () => {
  const id = await addApplication(world);
  await put(
    world,
    s.nord,
    `/api/v1/applications/${id}`,
    coupleContent({
      costs: [
        { id: 'el', type: 'electricity', amount: 40000 },
        { id: 'tand', type: 'dentalCare', amount: 300000, note: 'Akut tandvård' },
      ],
    }),
  );
  await as(world, s.nord).post(`/api/v1/applications/${id}/calculations`);
  // Without a note: 400. A row that does not exist: 400.
  assert.equal((await as(world, s.nord).post(`/api/v1/applications/${id}/adjustments`, { lineKey: 'cost:tand', value: 150000, note: ' ' })).statusCode, 400);
  assert.equal((await as(world, s.nord).post(`/api/v1/applications/${id}/adjustments`, { lineKey: 'cost:nope', value: 1, note: 'x' })).statusCode, 400);
  assert.equal((await as(world, s.nord).post(`/api/v1/applications/${id}/adjustments`, { lineKey: 'cost:tand', value: '1500', note: 'x' })).statusCode, 400);
  const adj = await as(world, s.nord).post(`/api/v1/applications/${id}/adjustments`, { lineKey: 'cost:tand', value: 150000, note: 'Enligt kostnadsförslag från tandläkaren' });
  assert.equal(adj.statusCode, 201, adj.body);
  const row = (c: { months: { rows: { key: string }[] }[] }) =>
    c.months[0]!.rows.find((r) => r.key === 'cost:tand') as unknown as { systemValue: number; workerValue: number | null; value: number; origin: string; note: string | null; adjustmentId: string };
  let r = row(adj.json());
  assert.deepEqual([r.systemValue, r.workerValue, r.value, r.origin], [300000, 150000, 150000, 'caseworker']);
  assert.equal(r.note, 'Enligt kostnadsförslag från tandläkaren');
  // Recalculation never loses it.
  const again = await as(world, s.nord).post(`/api/v1/applications/${id}/calculations`);
  r = row(again.json());
  assert.deepEqual([r.systemValue, r.workerValue], [300000, 150000]);
  // Nor does a change of the content (the row keeps its id).
  const changed = coupleContent({
    costs: [
      { id: 'tand', type: 'dentalCare', amount: 320000, note: 'Akut tandvård' },
      { id: 'el', type: 'electricity', amount: 45000 },
    ],
  });
  assert.equal((await put(world, s.nord, `/api/v1/applications/${id}`, changed)).statusCode, 200);
  const third = await as(world, s.nord).post(`/api/v1/applications/${id}/calculations`);
  r = row(third.json());
  assert.deepEqual([r.systemValue, r.workerValue, r.value], [320000, 150000, 150000]);
  assert.equal(third.json().totals.costs, 741_600 + 45_000 + 150_000);
  // Soft delete: the system value counts again; restore brings the worker's value back.
  const del = await as(world, s.nord).post(`/api/v1/adjustments/${r.adjustmentId}/delete`);
  assert.equal(del.statusCode, 200, del.body);
  assert.equal(row(del.json()).workerValue, null);
  assert.ok(del.json().adjustments.some((a: { id: string; deletedAt: string | null }) => a.id === r.adjustmentId && a.deletedAt));
  const restored = await as(world, s.nord).post(`/api/v1/adjustments/${r.adjustmentId}/restore`);
  assert.equal(row(restored.json()).workerValue, 150000);
  assert.equal((await auditCount(world, { action: 'calculation.adjust', outcome: 'success' })) >= 1, true);
});

test('four-eyes on the calculation: another person approves', async () => {
  const base = getCaseworkRules().documents.filter((d) => d.kind !== 'fourEyes');
  useCaseworkRulesForAssessment(
    new CaseworkRules([
      ...base,
      { kind: 'fourEyes', id: 'fe-test', municipality: '2281', validFrom: '2020-01-01', validTo: null, source: 'test', sections: { calculation: true, decision: false, payment: true } },
    ]),
  );
  try {
    const id = await addApplication(world);
    await put(world, s.nord, `/api/v1/applications/${id}`, coupleContent());
    const calc = (await as(world, s.nord).post(`/api/v1/applications/${id}/calculations`)).json();
    assert.equal(calc.approval.required, true);
    const items = await world.handle.db.selectFrom('work_items').selectAll().where('ref_id', '=', calc.id).where('kind', '=', 'calculationApproval').execute();
    assert.equal(items.length, 1);
    assert.equal((await as(world, s.nord).post(`/api/v1/calculations/${calc.id}/approve`)).statusCode, 409);
    const ok = await as(world, s.chef).post(`/api/v1/calculations/${calc.id}/approve`);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().approval.approvedByName, 'Test chef');
    const closed = await world.handle.db.selectFrom('work_items').select('closed_at').where('ref_id', '=', calc.id).executeTakeFirstOrThrow();
    assert.ok(closed.closed_at);
  } finally {
    useCaseworkRulesForAssessment(null);
  }
});
