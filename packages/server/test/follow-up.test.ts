/**
 * The monthly cycle: a caseworker starts next month's återansökan (or a tilläggsansökan) on a decided case; it is
 * pre-filled from the last decided month, shows what changed, and is calculated and decided as any application, with
 * last month's reasons carried forward for what did not change.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createWorld, auditCount, login, type World, type Session } from './harness.ts';
import { addApplication, as, coupleContent, put } from './assessment-fixtures.ts';

let world: World;
let nord: Session, syd: Session;
const caseUrl = () => `/api/v1/cases/${world.ids.caseNord}/applications`;

before(async () => {
  world = await createWorld();
  nord = await login(world, 'nord');
  syd = await login(world, 'syd');
  await world.handle.db.updateTable('cases').set({ status: 'investigation' }).where('id', '=', world.ids.caseNord).execute();
});
after(async () => {
  await world.close();
});

const itemReason = 'Kostnadsförslaget avser estetisk behandling, som inte är en skälig kostnad.';

/** A decided month: content, calculation, dental care partly refused with a reason, kommunicering not needed, decided. */
async function decidedMonth(month: string) {
  const id = await addApplication(world, { month });
  const [y, m] = month.split('-');
  const end = `${month}-${new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate()}`;
  const content = coupleContent({
    housing: { tenure: 'firstHand', rent: 700000, personsInDwelling: 4 },
    costs: [
      { id: 'el', type: 'electricity', amount: 40000 },
      { id: 'tand', type: 'dentalCare', amount: 300000, note: 'Tandvård' },
    ],
    period: { start: `${month}-01`, end },
  });
  assert.equal((await put(world, nord, `/api/v1/applications/${id}`, content)).statusCode, 200);
  assert.equal((await as(world, nord).post(`/api/v1/applications/${id}/calculations`)).statusCode, 201);
  assert.equal((await as(world, nord).post(`/api/v1/applications/${id}/adjustments`, { lineKey: 'cost:tand', value: 150000, note: 'Estetisk behandling' })).statusCode, 201);
  const d = (await as(world, nord).post(`/api/v1/applications/${id}/decisions`)).json();
  const p = await as(world, nord).patch(`/api/v1/decisions/${d.id}`, {
    reasons: `Du har ansökt om bistånd för ${month}. Tandvården beviljas delvis.`,
    supportObstacles: [
      { adult: 'applicant', code: 'unemployed.none' },
      { adult: 'coApplicant', code: 'partTime.insufficient' },
    ],
    childPerspective: { consideration: 'Barnens behov av mat och boende täcks av beslutet.', childSpokenTo: false },
    itemReasons: [{ key: 'cost:tand', reason: itemReason }],
  });
  assert.equal(p.statusCode, 200, p.body);
  assert.equal(
    (await as(world, nord).post(`/api/v1/decisions/${d.id}/communication`, { kind: 'unnecessary', exceptionId: 'notAgainst', reason: 'Underlaget kommer från den enskilde själv.' })).statusCode,
    201,
  );
  const ok = await as(world, nord).post(`/api/v1/decisions/${d.id}/decide`);
  assert.equal(ok.statusCode, 200, ok.body);
  return id;
}

test('a caseworker starts next month’s återansökan: pre-filled from the decided month, next calendar month, audited; the same month twice is refused', async () => {
  world.clock.now = new Date('2026-02-20T09:00:00Z');
  await decidedMonth('2026-02');
  const overview = (await as(world, nord).get(`/api/v1/cases/${world.ids.caseNord}/assessment?limit=6`)).json();
  assert.equal(overview.followUp.suggestedRenewalMonth, '2026-03');
  assert.deepEqual(overview.followUp.decidedMonths, ['2026-02']);

  world.clock.now = new Date('2026-02-25T09:00:00Z');
  const audits = await auditCount(world, { action: 'application.create', caseId: world.ids.caseNord });
  const res = await as(world, nord).post(caseUrl(), { kind: 'renewal', periodMonth: '2026-03', channel: 'paper', receivedDate: '2026-02-24' });
  assert.equal(res.statusCode, 201, res.body);
  const a = res.json();
  assert.equal(a.kind, 'renewal');
  assert.equal(a.kindLabel, 'Återansökan');
  assert.equal(a.channel, 'paper');
  assert.equal(a.periodMonth, '2026-03');
  assert.deepEqual(a.content.period, { start: '2026-03-01', end: '2026-03-31' });
  assert.equal(a.filled, true);
  assert.equal(a.content.housing.rent, 700000);
  assert.deepEqual(
    a.content.costs.map((c: { id: string; amount: number }) => [c.id, c.amount]),
    [
      ['el', 40000],
      ['tand', 300000],
    ],
  );
  assert.equal(a.content.children.length, 2);
  assert.equal(a.previous.periodMonth, '2026-02');
  assert.deepEqual(a.changes, []);
  assert.equal(await auditCount(world, { action: 'application.create', caseId: world.ids.caseNord }), audits + 1);

  const again = await as(world, nord).post(caseUrl(), { kind: 'renewal', periodMonth: '2026-03', channel: 'phone', receivedDate: '2026-02-25' });
  assert.equal(again.statusCode, 409);
  assert.match(again.json().message, /redan en pågående ansökan för mars 2026/);
  const decidedAgain = await as(world, nord).post(caseUrl(), { kind: 'renewal', periodMonth: '2026-02', channel: 'phone', receivedDate: '2026-02-25' });
  assert.equal(decidedAgain.statusCode, 409);
  assert.match(decidedAgain.json().message, /redan en beslutad ansökan för februari 2026/);
  const supNoDecision = await as(world, nord).post(caseUrl(), { kind: 'supplementary', periodMonth: '2026-03', channel: 'phone', receivedDate: '2026-02-25' });
  assert.equal(supNoDecision.statusCode, 409);
  assert.match(supNoDecision.json().message, /Mars 2026 har inget fattat beslut/);
  const sup = await as(world, nord).post(caseUrl(), { kind: 'supplementary', periodMonth: '2026-02', channel: 'walkIn', receivedDate: '2026-02-25' });
  assert.equal(sup.statusCode, 201, sup.body);
  assert.equal(sup.json().kindLabel, 'Tilläggsansökan');

  // The tilläggsansökan is calculated for the whole month, less what February's decision already granted: it never
  // grants the month a second time.
  const granted = await world.handle.db
    .selectFrom('decisions')
    .select('amount')
    .where('case_id', '=', world.ids.caseNord)
    .where('status', '=', 'decided')
    .where('period_start', '=', '2026-02-01')
    .executeTakeFirstOrThrow();
  assert.ok(granted.amount > 0);
  const calc = await as(world, nord).post(`/api/v1/applications/${sup.json().id}/calculations`);
  assert.equal(calc.statusCode, 201, calc.body);
  const rows = calc.json().months[0].rows as { key: string; value: number; label: string; adjustable: boolean }[];
  const deduction = rows.find((r) => r.key === 'granted:2026-02');
  assert.ok(deduction, 'a row deducts what was already granted');
  assert.equal(deduction.value, granted.amount);
  assert.equal(deduction.label, 'Redan beviljat för februari 2026');
  assert.equal(deduction.adjustable, false);
  const t = calc.json().totals as { need: number; income: number; assistance: number };
  assert.equal(t.assistance, Math.max(0, t.need - t.income));
  assert.ok(t.income >= granted.amount);
  // The same content as February (with the dental cost in full, not as adjusted) gives at most that difference.
  assert.ok(t.assistance <= 150000, `tillägget är högst det som inte beviljades i februari, inte hela månaden igen (${t.assistance})`);
  const d = await as(world, nord).post(`/api/v1/applications/${sup.json().id}/decisions`);
  assert.equal(d.statusCode, 201, d.body);
  const item = (d.json().items as { key: string; approved: number; label: string }[]).find((i) => i.key === 'granted');
  assert.deepEqual(item && [item.approved, item.label], [granted.amount, 'Bistånd som redan har beviljats för perioden']);
});

test('what changed is shown, the calculation and decision follow as for a new application, last month’s reasons are carried forward where nothing changed', async () => {
  world.clock.now = new Date('2026-02-26T09:00:00Z');
  const overview = (await as(world, nord).get(`/api/v1/cases/${world.ids.caseNord}/assessment?limit=6`)).json();
  const march = overview.applications.find((x: { application: { periodMonth: string; kind: string } }) => x.application.periodMonth === '2026-03').application;
  const content = structuredClone(march.content);
  content.costs = content.costs.map((c: { id: string; amount: number }) => (c.id === 'el' ? { ...c, amount: 55000 } : c));
  content.housing.rent = 720000;
  const saved = await put(world, nord, `/api/v1/applications/${march.id}`, content);
  assert.equal(saved.statusCode, 200, saved.body);
  const changes = saved.json().changes as { key: string; before: string; after: string }[];
  assert.deepEqual(changes.map((c) => c.key).sort(), ['cost:el', 'cost:housing']);
  assert.deepEqual([changes.find((c) => c.key === 'cost:housing')!.before, changes.find((c) => c.key === 'cost:housing')!.after], ['7 000 kr', '7 200 kr']);
  assert.equal((await as(world, nord).post(`/api/v1/applications/${march.id}/calculations`)).statusCode, 201);
  assert.equal((await as(world, nord).post(`/api/v1/applications/${march.id}/adjustments`, { lineKey: 'cost:tand', value: 150000, note: 'Estetisk behandling' })).statusCode, 201);
  const d = (await as(world, nord).post(`/api/v1/applications/${march.id}/decisions`)).json();
  assert.equal(d.items.find((i: { key: string }) => i.key === 'cost:tand').reason, '');

  const cf = await as(world, nord).post(`/api/v1/decisions/${d.id}/carry-forward`);
  assert.equal(cf.statusCode, 200, cf.body);
  const body = cf.json();
  assert.equal(body.carryForward.fromMonth, '2026-02');
  assert.deepEqual(
    body.carryForward.carried.map((x: { key: string }) => x.key),
    ['cost:tand'],
  );
  assert.equal(body.decision.items.find((i: { key: string }) => i.key === 'cost:tand').reason, itemReason);
  // Twice: the same reason, not repeated.
  const twice = (await as(world, nord).post(`/api/v1/decisions/${d.id}/carry-forward`)).json();
  assert.equal(twice.decision.items.find((i: { key: string }) => i.key === 'cost:tand').reason, itemReason);

  const p = await as(world, nord).patch(`/api/v1/decisions/${d.id}`, {
    supportObstacles: [
      { adult: 'applicant', code: 'unemployed.none' },
      { adult: 'coApplicant', code: 'partTime.insufficient' },
    ],
    childPerspective: { consideration: 'Barnens behov av mat och boende täcks av beslutet.', childSpokenTo: false },
  });
  assert.equal(p.statusCode, 200, p.body);
  assert.equal(
    (await as(world, nord).post(`/api/v1/decisions/${d.id}/communication`, { kind: 'unnecessary', exceptionId: 'notAgainst', reason: 'Underlaget kommer från den enskilde själv.' })).statusCode,
    201,
  );
  const decided = await as(world, nord).post(`/api/v1/decisions/${d.id}/decide`);
  assert.equal(decided.statusCode, 200, decided.body);
  assert.equal(decided.json().status, 'decided');
  // The next month is now April.
  const after = (await as(world, nord).get(`/api/v1/cases/${world.ids.caseNord}/assessment?limit=6`)).json();
  assert.equal(after.followUp.suggestedRenewalMonth, '2026-04');
});

test('a re-application for January 2027 is calculated under the 2027 rules and can be decided', async () => {
  world.clock.now = new Date('2026-12-20T09:00:00Z');
  nord = await login(world, 'nord');
  await decidedMonth('2026-12');
  world.clock.now = new Date('2026-12-27T09:00:00Z');
  nord = await login(world, 'nord');
  syd = await login(world, 'syd');
  const res = await as(world, nord).post(caseUrl(), { kind: 'renewal', periodMonth: '2027-01', channel: 'phone', receivedDate: '2026-12-27' });
  assert.equal(res.statusCode, 201, res.body);
  const calc = await as(world, nord).post(`/api/v1/applications/${res.json().id}/calculations`);
  assert.equal(calc.statusCode, 201, calc.body);
  assert.ok(calc.json().assistance > 0);
  assert.equal(calc.json().months[0].month, '2027-01');
  const d = await as(world, nord).post(`/api/v1/applications/${res.json().id}/decisions`);
  assert.equal(d.statusCode, 201, d.body);
});

test('access and input: another unit’s worker gets 404, bad input 400 with the field', async () => {
  const hidden = await as(world, syd).post(caseUrl(), { kind: 'renewal', periodMonth: '2027-02', channel: 'phone', receivedDate: '2026-12-27' });
  assert.equal(hidden.statusCode, 404);
  const badMonth = await as(world, nord).post(caseUrl(), { kind: 'renewal', periodMonth: '2027-13', channel: 'phone', receivedDate: '2026-12-27' });
  assert.equal(badMonth.statusCode, 400);
  assert.equal(badMonth.json().fields[0].path, '/body/periodMonth');
  const badChannel = await as(world, nord).post(caseUrl(), { kind: 'renewal', periodMonth: '2027-02', channel: 'fax', receivedDate: '2026-12-27' });
  assert.equal(badChannel.statusCode, 400);
  assert.equal(badChannel.json().fields[0].path, '/body/channel');
  const badKind = await as(world, nord).post(caseUrl(), { kind: 'new', periodMonth: '2027-02', channel: 'phone', receivedDate: '2026-12-27' });
  assert.equal(badKind.statusCode, 400);
  assert.equal(badKind.json().fields[0].path, '/body/kind');
  const future = await as(world, nord).post(caseUrl(), { kind: 'renewal', periodMonth: '2027-02', channel: 'phone', receivedDate: '2027-01-05' });
  assert.equal(future.statusCode, 400);
  assert.equal(future.json().fields[0].path, '/body/receivedDate');
});

test('a case under bevakning becomes current again with the återansökan; a closed case refuses one', async () => {
  await world.handle.db.updateTable('cases').set({ status: 'monitoring' }).where('id', '=', world.ids.caseNord).execute();
  const res = await as(world, nord).post(caseUrl(), { kind: 'renewal', periodMonth: '2027-02', channel: 'walkIn', receivedDate: '2026-12-27' });
  assert.equal(res.statusCode, 201, res.body);
  const c = await world.handle.db.selectFrom('cases').select('status').where('id', '=', world.ids.caseNord).executeTakeFirstOrThrow();
  assert.equal(c.status, 'active');
  await world.handle.db.updateTable('cases').set({ status: 'closed' }).where('id', '=', world.ids.caseNord).execute();
  const closed = await as(world, nord).post(caseUrl(), { kind: 'renewal', periodMonth: '2027-03', channel: 'walkIn', receivedDate: '2026-12-27' });
  assert.equal(closed.statusCode, 409);
  assert.match(closed.json().message, /Ärendet är avslutat/);
});
