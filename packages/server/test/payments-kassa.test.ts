/**
 * The kassa's work: why a proposal cannot be approved (the same reasons the approve button shows and the server
 * refuses with), sending a proposal back to the caseworker through the one state machine, and the history of what
 * was sent.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { swedishMonth } from '@vagen/domain';
import { HttpProblem } from '../src/errors.ts';
import { changePaymentStatus } from '../src/status/change.ts';
import { as, auditCount, createWorld, login, type Session, type World } from './harness.ts';
import { ACCOUNTS, addStaff, insertDecision } from './payment-fixtures.ts';

let world: World;
let nord: Session, kassa: Session, nord2: Session;
let decisionId: string;
let unverifiedAccount: string, verifiedAccount: string;
let toUnverified: string, toSendBack: string, toApprove: string;

const db = () => world.handle.db;
type Item = { id: string; flags: { code: string }[]; checkPreview: { ok: boolean; message: string | null; reasons: string[] } };
const kassaItem = async (id: string): Promise<Item | undefined> => (await as(world, kassa).get('/api/v1/payments')).json().items.find((i: Item) => i.id === id);

before(async () => {
  world = await createWorld();
  await addStaff(world, 'nord2', 'caseWorker', [world.ids.unitNord]);
  [nord, kassa, nord2] = await Promise.all([login(world, 'nord'), login(world, 'kassa'), login(world, 'nord2')]);
  decisionId = await insertDecision(world, { caseId: world.ids.caseNord, amount: 6_000_00, decidedBy: world.ids.users.nord! });
  const accounts = `/api/v1/cases/${world.ids.caseNord}/payment-accounts`;
  const client = await as(world, nord).post(accounts, { payeeKind: 'client', personId: world.ids.personNord, ...ACCOUNTS.swedbank });
  const landlord = await as(world, nord).post(accounts, { payeeKind: 'landlord', holderName: 'Vägby Bostäder AB', ...ACCOUNTS.bankgiro });
  assert.equal(client.statusCode, 201, client.body);
  assert.equal(landlord.statusCode, 201, landlord.body);
  unverifiedAccount = client.json().id;
  verifiedAccount = landlord.json().id;
  const v = await as(world, nord).post(`/api/v1/payment-accounts/${verifiedAccount}/verify`, { note: 'Bankgiro kontrollerat mot hyresavtalet' });
  assert.equal(v.statusCode, 200, v.body);
});
after(async () => world.close());

test('a proposal to an unverified account is flagged when proposed, for the caseworker and the kassa', async () => {
  const res = await as(world, nord2).post(`/api/v1/decisions/${decisionId}/payments`, {
    parts: [
      { accountId: unverifiedAccount, amount: 3_000_00 },
      { accountId: verifiedAccount, amount: 2_000_00 },
      { accountId: verifiedAccount, amount: 1_000_00 },
    ],
  });
  assert.equal(res.statusCode, 201, res.body);
  const [a, b, c] = res.json().payments.sort((x: { amount: number }, y: { amount: number }) => y.amount - x.amount);
  [toUnverified, toSendBack, toApprove] = [a.id, b.id, c.id];
  assert.deepEqual(
    a.flags.map((f: { code: string }) => f.code),
    ['accountNotVerified'],
  );
  assert.match(a.flags[0].message, /inte kontrollerat/);
  assert.deepEqual(b.flags, []);
  assert.deepEqual(
    (await kassaItem(toUnverified))!.flags.map((f) => f.code),
    ['accountNotVerified'],
  );
  const caseView = (await as(world, nord).get(`/api/v1/cases/${world.ids.caseNord}/payments`)).json();
  assert.equal(caseView.payments.find((p: { id: string }) => p.id === toUnverified).flags[0].code, 'accountNotVerified');
});

test('the reasons shown with a proposal are the ones the server refuses with, one message at a time', async () => {
  const item = (await kassaItem(toUnverified))!;
  assert.equal(item.checkPreview.ok, false);
  assert.deepEqual(item.checkPreview.reasons, ['Kontot är inte kontrollerat. Handläggaren behöver kontrollera kontot innan utbetalningen kan godkännas.']);
  const refused = await as(world, kassa).post(`/api/v1/payments/${toUnverified}/approve`);
  assert.equal(refused.statusCode, 409);
  assert.equal(refused.json().message, item.checkPreview.reasons[0]);

  // Several reasons at once (the decision was lowered and not yet decided again): all are listed beside the
  // button; a refusal answers with the first only.
  await db().updateTable('decisions').set({ status: 'draft' }).where('id', '=', decisionId).execute();
  const several = (await kassaItem(toUnverified))!;
  assert.deepEqual(several.checkPreview.reasons, [
    'Beslutet finns inte eller är inte fattat ännu.',
    'Kontot är inte kontrollerat. Handläggaren behöver kontrollera kontot innan utbetalningen kan godkännas.',
  ]);
  const once = await as(world, kassa).post(`/api/v1/payments/${toUnverified}/approve`);
  assert.equal(once.statusCode, 409);
  assert.equal(once.json().message, 'Beslutet finns inte eller är inte fattat ännu.');
  await db().updateTable('decisions').set({ status: 'decided' }).where('id', '=', decisionId).execute();

  // A proposal that can be approved has no reasons, and the approval succeeds.
  const ready = (await kassaItem(toApprove))!;
  assert.equal(ready.checkPreview.ok, true);
  assert.equal(ready.checkPreview.message, null);
  assert.deepEqual(ready.checkPreview.reasons, []);
  const row = await db().selectFrom('payments').select(['status', 'approved_at']).where('id', '=', toUnverified).executeTakeFirstOrThrow();
  assert.deepEqual(row, { status: 'planned', approved_at: null });
});

test('send back: the kassa returns a proposal with a comment; the caseworker sees it on the case; the decision can be proposed again', async () => {
  const url = `/api/v1/payments/${toSendBack}/return`;
  const empty = await as(world, kassa).post(url, { comment: ' ' });
  assert.equal(empty.statusCode, 400);
  assert.ok(empty.json().fields.some((f: { path: string }) => f.path === '/body/comment'));
  assert.equal((await as(world, nord).post(url, { comment: 'Fel mottagare' })).statusCode, 403);
  const before = (await as(world, nord).get(`/api/v1/cases/${world.ids.caseNord}/payments`)).json().decisions[0].remaining;

  const res = await as(world, kassa).post(url, { comment: 'Hyran ska gå till den nya hyresvärden enligt avtalet.' });
  assert.equal(res.statusCode, 200, res.body);
  const p = res.json();
  assert.equal(p.status, 'returned');
  assert.equal(p.stage, 'returned');
  assert.equal(p.stageLabel, 'Skickad tillbaka till handläggaren');
  assert.equal(p.returnComment, 'Hyran ska gå till den nya hyresvärden enligt avtalet.');
  assert.equal(p.returnedByName, 'Test kassa');
  assert.equal(p.returnedAt, world.clock.now.toISOString());
  assert.deepEqual(p.history.at(-1), {
    fromStage: 'planned',
    toStage: 'returned',
    toLabel: 'Skickad tillbaka till handläggaren',
    at: world.clock.now.toISOString(),
    actorName: 'Test kassa',
    reason: 'Hyran ska gå till den nya hyresvärden enligt avtalet.',
  });
  assert.equal(await auditCount(world, { action: 'payment.return', outcome: 'success' }), 1);
  // It leaves the kassa's list and its work item is closed.
  assert.equal(await kassaItem(toSendBack), undefined);
  assert.equal((await db().selectFrom('work_items').select('id').where('ref_id', '=', toSendBack).where('closed_at', 'is', null).execute()).length, 0);
  // The caseworker sees the comment on the case; the returned amount is free to propose again.
  const view = (await as(world, nord).get(`/api/v1/cases/${world.ids.caseNord}/payments`)).json();
  assert.equal(view.payments.find((x: { id: string }) => x.id === toSendBack).returnComment, 'Hyran ska gå till den nya hyresvärden enligt avtalet.');
  assert.equal(view.decisions[0].remaining, before + 2_000_00);

  // The state machine refuses what does not follow: returned is final, an approved payment is not sent back.
  const again = await as(world, kassa).post(url, { comment: 'igen igen' });
  assert.equal(again.statusCode, 409);
  assert.match(again.json().message, /redan skickad tillbaka/);
  assert.equal((await as(world, kassa).post(`/api/v1/payments/${toSendBack}/approve`)).statusCode, 409);
  assert.ok((await auditCount(world, { action: 'payment.return', outcome: 'denied' })) >= 2);
});

test('the payment status goes through the one state machine: a forbidden move is refused there and writes nothing', async () => {
  const historyRows = async () => (await db().selectFrom('payment_status_history').select('id').where('payment_id', '=', toSendBack).execute()).length;
  const rows = await historyRows();
  await assert.rejects(
    db()
      .transaction()
      .execute((tx) => changePaymentStatus(tx, toSendBack, 'approved', { actor: { kind: 'staff', id: world.ids.users.kassa! }, reason: null, at: world.clock.now })),
    (e: unknown) => e instanceof HttpProblem && e.statusCode === 409 && /Utbetalningen kan inte gå från status ”Skickad tillbaka till handläggaren”/.test(e.message),
  );
  assert.equal(await historyRows(), rows);
  assert.equal((await db().selectFrom('payments').select('status').where('id', '=', toSendBack).executeTakeFirstOrThrow()).status, 'returned');

  // No other source file writes a payment's status (approve, stop, send back, payment file, bank confirmation all
  // go through status/change.ts).
  const repo = new URL('../../../', import.meta.url).pathname;
  const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : /\.tsx?$/.test(f) ? [join(dir, f)] : []));
  const offenders = [...files(join(repo, 'packages/server/src')), ...files(join(repo, 'tools/src'))]
    .filter((f) => !f.endsWith('status/change.ts'))
    .filter((f) => /updateTable\(\s*'payments'\s*\)\s*\.set\(\s*\{[^}]*\bstatus\s*:|status:\s*'returned'/.test(readFileSync(f, 'utf8')))
    .map((f) => relative(repo, f));
  assert.deepEqual(offenders, []);
});

test('history: what was sent, by month, with count, total, who approved and sent, and each case', async () => {
  const empty = await as(world, kassa).get('/api/v1/payments/sent');
  assert.equal(empty.statusCode, 200, empty.body);
  assert.deepEqual(empty.json(), { month: null, months: [], files: [], paymentCount: 0, totalAmount: 0 });

  assert.equal((await as(world, kassa).post(`/api/v1/payments/${toApprove}/approve`)).statusCode, 200);
  const file = await as(world, kassa).post('/api/v1/payment-files', { upTo: '2026-12-31' });
  assert.equal(file.statusCode, 201, file.body);

  const res = await as(world, kassa).get('/api/v1/payments/sent');
  assert.equal(res.statusCode, 200, res.body);
  const h = res.json();
  const month = swedishMonth(world.clock.now);
  assert.equal(h.month, month);
  assert.deepEqual(h.months, [month]);
  assert.equal(h.paymentCount, 1);
  assert.equal(h.totalAmount, 1_000_00);
  assert.equal(h.files.length, 1);
  const f = h.files[0];
  assert.equal(f.messageId, file.json().messageId);
  assert.equal(f.sentByName, 'Test kassa');
  assert.equal(f.sentOn, '2026-03-10');
  assert.deepEqual(f.approvedByNames, ['Test kassa']);
  assert.equal(f.payments.length, 1);
  assert.equal(f.payments[0].id, toApprove);
  assert.equal(f.payments[0].caseId, world.ids.caseNord);
  assert.equal(f.payments[0].proposedByName, 'Test nord2');
  assert.equal(f.payments[0].payeeName, 'Vägby Bostäder AB');

  // Another month is empty, but the months with files are still offered.
  const other = (await as(world, kassa).get('/api/v1/payments/sent?month=2025-11')).json();
  assert.equal(other.month, '2025-11');
  assert.deepEqual(other.months, [month]);
  assert.deepEqual(other.files, []);
  assert.equal((await as(world, kassa).get('/api/v1/payments/sent?month=2025-13')).statusCode, 400);
  // Only the kassa; every read is logged.
  assert.equal((await as(world, nord).get('/api/v1/payments/sent')).statusCode, 403);
  assert.equal(await auditCount(world, { action: 'payment.sentHistory', outcome: 'success' }), 3);
});
