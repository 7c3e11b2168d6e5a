import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { PaymentSettings } from '@vagen/domain';
import { getCaseworkRules, type CaseworkDocument } from '../src/rules/casework-rules.ts';
import { validatePain001Xsd } from '../src/payments/xsd.ts';
import { as, auditCount, createWorld, login, type Session, type World } from './harness.ts';
import { ACCOUNTS, addStaff, insertDecision } from './payment-fixtures.ts';

let world: World;
let nord: Session, kassa: Session, syd: Session, nord2: Session;
let decisionId: string;
let clientAccount: string, landlordAccount: string;
let paymentIds: string[] = [];

const db = () => world.handle.db;
const paymentRows = (decision: string) => db().selectFrom('payments').selectAll().where('decision_id', '=', decision).orderBy('amount', 'desc').execute();
const historyCount = async () =>
  Number(
    (
      await db()
        .selectFrom('payment_status_history')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

before(async () => {
  world = await createWorld();
  await addStaff(world, 'nord2', 'caseWorker', [world.ids.unitNord]);
  [nord, kassa, syd, nord2] = await Promise.all([login(world, 'nord'), login(world, 'kassa'), login(world, 'syd'), login(world, 'nord2')]);
  decisionId = await insertDecision(world, { caseId: world.ids.caseNord, amount: 5_000_00, decidedBy: world.ids.users.nord! });
});
after(async () => world.close());

test('accounts: invalid numbers get 400 with the field path and a Swedish message; nothing is saved', async () => {
  const url = `/api/v1/cases/${world.ids.caseNord}/payment-accounts`;
  const cases: [unknown, string, RegExp][] = [
    [{ payeeKind: 'landlord', holderName: 'Bostads AB', kind: 'bankgiro', number: '5050-1056' }, '/body/number', /kontrollsiffra/],
    [{ payeeKind: 'landlord', holderName: 'Bostads AB', kind: 'plusgiro', number: '4789013' }, '/body/number', /kontrollsiffra/],
    [{ payeeKind: 'client', personId: world.ids.personNord, kind: 'bankAccount', clearing: '9999', number: '1234567' }, '/body/clearing', /finns inte i Vägens banktabell/],
    [{ payeeKind: 'client', personId: world.ids.personNord, kind: 'bankAccount', clearing: '3000', number: '1234561' }, '/body/number', /kontrollsiffra/],
    [{ payeeKind: 'client', personId: world.ids.personNord, kind: 'iban', number: 'SE56 5000 0000 0512 3456 7890' }, '/body/number', /IBAN/],
    [{ payeeKind: 'client', kind: 'bankgiro', number: '5050-1055' }, '/body/personId', /sökande eller medsökande/],
    [{ payeeKind: 'client', personId: world.ids.personSyd, kind: 'bankgiro', number: '5050-1055' }, '/body/personId', /inte sökande/],
    [{ payeeKind: 'landlord', kind: 'bankgiro', number: '5050-1055' }, '/body/holderName', /namn/],
    [{ payeeKind: 'landlord', holderName: 'X', kind: 'bankgiro', number: 50501055 }, '/body/number', /text/],
  ];
  for (const [body, path, message] of cases) {
    const res = await as(world, nord).post(url, body);
    assert.equal(res.statusCode, 400, `${JSON.stringify(body)} → ${res.body}`);
    const field = res.json().fields.find((f: { path: string }) => f.path === path);
    assert.ok(field, `${path} in ${res.body}`);
    assert.match(field.message, message);
  }
  assert.equal((await db().selectFrom('payment_accounts').selectAll().execute()).length, 0);
});

test('accounts: registered, listed, verified once (who, when, how)', async () => {
  const url = `/api/v1/cases/${world.ids.caseNord}/payment-accounts`;
  const client = await as(world, nord).post(url, { payeeKind: 'client', personId: world.ids.personNord, ...ACCOUNTS.swedbank });
  assert.equal(client.statusCode, 201, client.body);
  assert.equal(client.json().holderName, 'Nora Nordin');
  assert.equal(client.json().display, 'Swedbank 8327-9, 1234567897');
  assert.equal(client.json().verified, false);
  clientAccount = client.json().id;
  const landlord = await as(world, nord).post(url, { payeeKind: 'landlord', holderName: 'Bostads AB Vägby', ...ACCOUNTS.bankgiro });
  assert.equal(landlord.statusCode, 201, landlord.body);
  landlordAccount = landlord.json().id;
  const dup = await as(world, nord).post(url, { payeeKind: 'landlord', holderName: 'Bostads AB Vägby', kind: 'bankgiro', number: '50501055' });
  assert.equal(dup.statusCode, 409);
  const list = await as(world, nord).get(url);
  assert.equal(list.json().items.length, 2);
  // Another unit's caseworker does not see the case at all.
  assert.equal((await as(world, syd).get(url)).statusCode, 404);
  const v = await as(world, nord).post(`/api/v1/payment-accounts/${landlordAccount}/verify`, { note: 'Bankgiro kontrollerat mot hyresavtalet' });
  assert.equal(v.statusCode, 200, v.body);
  assert.equal(v.json().verified, true);
  assert.equal(v.json().verifiedByName, 'Test nord');
  assert.equal((await as(world, nord).post(`/api/v1/payment-accounts/${landlordAccount}/verify`, { note: 'igen' })).statusCode, 409);
  assert.equal(await auditCount(world, { action: 'paymentAccount.verify', outcome: 'success' }), 1);
});

test('proposal: bad input and sums that do not add up change nothing', async () => {
  const url = `/api/v1/decisions/${decisionId}/payments`;
  const before = await historyCount();
  const wrongSum = await as(world, nord).post(url, {
    parts: [
      { accountId: clientAccount, amount: 3_000_00 },
      { accountId: landlordAccount, amount: 1_999_99 },
    ],
  });
  assert.equal(wrongSum.statusCode, 400);
  assert.equal(wrongSum.json().fields[0].path, '/body/parts');
  assert.match(wrongSum.json().fields[0].message, /4 999,99 kr.*exakt.*5 000 kr/);
  const asText = await as(world, nord).post(url, { parts: [{ accountId: clientAccount, amount: '5000' }] });
  assert.equal(asText.statusCode, 400);
  assert.equal(asText.json().fields[0].path, '/body/parts/0/amount');
  const weekend = await as(world, nord).post(url, { plannedDate: '2026-03-14', parts: [{ accountId: clientAccount, amount: 5_000_00 }] });
  assert.equal(weekend.statusCode, 400);
  assert.match(weekend.json().fields[0].message, /lördag/);
  const otherCase = await insertDecision(world, { caseId: world.ids.caseSyd, amount: 100_00, decidedBy: world.ids.users.syd! });
  const foreign = await as(world, syd).post(`/api/v1/decisions/${otherCase}/payments`, { parts: [{ accountId: clientAccount, amount: 100_00 }] });
  assert.equal(foreign.statusCode, 400);
  assert.equal(foreign.json().fields[0].path, '/body/parts/0/accountId');
  const draft = await insertDecision(world, { caseId: world.ids.caseNord, amount: 100_00, decidedBy: world.ids.users.nord!, status: 'draft' });
  const notDecided = await as(world, nord).post(`/api/v1/decisions/${draft}/payments`, { parts: [{ accountId: clientAccount, amount: 100_00 }] });
  assert.equal(notDecided.statusCode, 409);
  assert.match(notDecided.json().message, /inte fattat/);
  assert.equal((await as(world, kassa).post(url, { parts: [{ accountId: clientAccount, amount: 5_000_00 }] })).statusCode, 403);
  assert.equal((await as(world, syd).post(url, { parts: [{ accountId: clientAccount, amount: 5_000_00 }] })).statusCode, 404);
  assert.equal((await paymentRows(decisionId)).length, 0);
  assert.equal(await historyCount(), before);
});

test('proposal: split between the client and the landlord, day 27 of the month before, work items for the kassa', async () => {
  const res = await as(world, nord).post(`/api/v1/decisions/${decisionId}/payments`, {
    parts: [
      { accountId: clientAccount, amount: 3_000_00 },
      { accountId: landlordAccount, amount: 2_000_00 },
    ],
  });
  assert.equal(res.statusCode, 201, res.body);
  const body = res.json();
  assert.equal(body.plannedDate, '2026-03-27');
  assert.equal(body.payments.length, 2);
  for (const p of body.payments) {
    assert.equal(p.stage, 'planned');
    assert.equal(p.status, 'planned');
    assert.equal(p.proposedByName, 'Test nord');
    assert.equal(p.history.length, 1);
  }
  assert.deepEqual(body.payments.map((p: { payee: string; payeeName: string; amount: number }) => [p.payee, p.payeeName, p.amount]).sort(), [
    ['client', 'Nora Nordin', 3_000_00],
    ['landlord', 'Bostads AB Vägby', 2_000_00],
  ]);
  paymentIds = body.payments.sort((a: { amount: number }, b: { amount: number }) => b.amount - a.amount).map((p: { id: string }) => p.id);
  const items = await db().selectFrom('work_items').selectAll().where('kind', '=', 'paymentApproval').where('closed_at', 'is', null).execute();
  assert.equal(items.length, 2);
  assert.ok(items.every((i) => i.assigned_role === 'cashier' && i.case_id === world.ids.caseNord && i.due_at?.startsWith('2026-03-27')));
  assert.equal(await auditCount(world, { action: 'payment.propose', outcome: 'success' }), 2);
  const again = await as(world, nord).post(`/api/v1/decisions/${decisionId}/payments`, { parts: [{ accountId: clientAccount, amount: 1 }] });
  assert.equal(again.statusCode, 409);
  assert.match(again.json().message, /redan föreslagits/);
});

test('kassa: only the kassa approves; an unverified account is refused and nothing changes', async () => {
  const [clientPayment] = paymentIds;
  assert.equal((await as(world, nord2).post(`/api/v1/payments/${clientPayment}/approve`)).statusCode, 403);
  const h = await historyCount();
  const res = await as(world, kassa).post(`/api/v1/payments/${clientPayment}/approve`);
  assert.equal(res.statusCode, 409);
  assert.match(res.json().message, /inte kontrollerat/);
  const row = await db().selectFrom('payments').selectAll().where('id', '=', clientPayment!).executeTakeFirstOrThrow();
  assert.equal(row.approved_at, null);
  assert.equal(row.approval_checks, null);
  assert.equal(await historyCount(), h);
  assert.equal((await db().selectFrom('work_items').select('id').where('ref_id', '=', clientPayment!).where('closed_at', 'is', null).execute()).length, 1);
  assert.ok((await auditCount(world, { action: 'payment.approve', outcome: 'denied' })) >= 2);
});

test('kassa: the work list shows the checks; approval records them with who and when; a second approval is 409', async () => {
  await as(world, nord).post(`/api/v1/payment-accounts/${clientAccount}/verify`, { note: 'Kontobevis från Swedbank' });
  const list = await as(world, kassa).get('/api/v1/payments?stage=awaitingApproval');
  assert.equal(list.statusCode, 200, list.body);
  const item = list.json().items.find((i: { id: string }) => i.id === paymentIds[0]);
  assert.equal(item.checkPreview.ok, true);
  assert.deepEqual(
    item.checkPreview.checks.map((c: { code: string; ok: boolean }) => [c.code, c.ok]),
    [
      ['decisionExists', true],
      ['amountWithinDecision', true],
      ['accountVerified', true],
      ['payeeVerified', true],
      ['fourEyes', true],
    ],
  );
  assert.equal(item.decision.amount, 5_000_00);
  assert.equal((await as(world, nord).get('/api/v1/payments')).statusCode, 403);
  for (const id of paymentIds) {
    const res = await as(world, kassa).post(`/api/v1/payments/${id}/approve`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().stage, 'approved');
    assert.equal(res.json().approvedByName, 'Test kassa');
    assert.equal(res.json().approvedAt, world.clock.now.toISOString());
    assert.equal(res.json().checks.length, 5);
    assert.deepEqual(
      res.json().history.map((x: { toStage: string }) => x.toStage),
      ['planned', 'approved'],
    );
  }
  const second = await as(world, kassa).post(`/api/v1/payments/${paymentIds[0]}/approve`);
  assert.equal(second.statusCode, 409);
  assert.match(second.json().message, /redan godkänd/);
  assert.equal((await db().selectFrom('work_items').select('id').where('kind', '=', 'paymentApproval').where('closed_at', 'is', null).execute()).length, 0);
  assert.equal(await auditCount(world, { action: 'payment.approve', outcome: 'success' }), 2);
});

test('four eyes: the person who made the decision cannot approve the payment', async () => {
  const kassaId = world.ids.users.kassa!;
  const own = await insertDecision(world, { caseId: world.ids.caseNord, amount: 700_00, decidedBy: kassaId });
  const proposed = await as(world, nord).post(`/api/v1/decisions/${own}/payments`, { parts: [{ accountId: landlordAccount, amount: 700_00 }] });
  assert.equal(proposed.statusCode, 201, proposed.body);
  const id = proposed.json().payments[0].id;
  const res = await as(world, kassa).post(`/api/v1/payments/${id}/approve`);
  assert.equal(res.statusCode, 403);
  assert.match(res.json().message, /fattade beslutet.*fyra ögon/);
  const row = await db().selectFrom('payments').select(['approved_at', 'status']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual(row, { approved_at: null, status: 'planned' });
  // The proposer cannot approve either (a cashier with a caseworker's proposal rights is simulated directly).
  await db().updateTable('payments').set({ proposed_by: kassaId }).where('id', '=', id).execute();
  await db().updateTable('decisions').set({ decided_by: world.ids.users.nord! }).where('id', '=', own).execute();
  const proposer = await as(world, kassa).post(`/api/v1/payments/${id}/approve`);
  assert.equal(proposer.statusCode, 403);
  assert.match(proposer.json().message, /föreslog utbetalningen/);
  // Payments above the decided amount are refused (e.g. the decision was changed afterwards).
  await db().updateTable('payments').set({ proposed_by: world.ids.users.nord! }).where('id', '=', id).execute();
  await db().updateTable('decisions').set({ amount: 600_00 }).where('id', '=', own).execute();
  const over = await as(world, kassa).post(`/api/v1/payments/${id}/approve`);
  assert.equal(over.statusCode, 409);
  assert.match(over.json().message, /överstiger/);
  // Stop it with a reason; stopping twice or approving a stopped payment is refused.
  assert.equal((await as(world, nord).post(`/api/v1/payments/${id}/stop`, { reason: '' })).statusCode, 400);
  const stop = await as(world, nord).post(`/api/v1/payments/${id}/stop`, { reason: 'Beslutet ändrat vid omprövning' });
  assert.equal(stop.statusCode, 200, stop.body);
  assert.equal(stop.json().stage, 'stopped');
  assert.equal(stop.json().stopReason, 'Beslutet ändrat vid omprövning');
  assert.equal((await as(world, nord).post(`/api/v1/payments/${id}/stop`, { reason: 'igen igen' })).statusCode, 409);
  const approveStopped = await as(world, kassa).post(`/api/v1/payments/${id}/approve`);
  assert.equal(approveStopped.statusCode, 409);
  assert.match(approveStopped.json().message, /stoppad/);
});

test('payment file: pain.001 validates against the XSD, holds the exact amounts and CtrlSum; payments are sent', async () => {
  assert.equal((await as(world, nord).post('/api/v1/payment-files', { upTo: '2026-03-31' })).statusCode, 403);
  const early = await as(world, kassa).post('/api/v1/payment-files', { upTo: '2026-03-20' });
  assert.equal(early.statusCode, 409);
  assert.match(early.json().message, /inga godkända utbetalningar/);
  const res = await as(world, kassa).post('/api/v1/payment-files', { upTo: '2026-03-31' });
  assert.equal(res.statusCode, 201, res.body);
  const file = res.json();
  assert.equal(file.messageId, 'VAGEN-2281-000001');
  assert.equal(file.paymentCount, 2);
  assert.equal(file.totalAmount, 5_000_00);
  const xmlRes = await as(world, kassa).get(file.xmlUrl);
  assert.equal(xmlRes.statusCode, 200);
  assert.match(String(xmlRes.headers['content-type']), /application\/xml/);
  const xml = xmlRes.body;
  assert.deepEqual(await validatePain001Xsd(xml), { valid: true, errors: [] });
  assert.match(xml, /<GrpHdr>[\s\S]*<NbOfTxs>2<\/NbOfTxs>\s*<CtrlSum>5000.00<\/CtrlSum>/);
  assert.match(xml, /<InstdAmt Ccy="SEK">3000.00<\/InstdAmt>/);
  assert.match(xml, /<InstdAmt Ccy="SEK">2000.00<\/InstdAmt>/);
  assert.match(xml, /<ReqdExctnDt>2026-03-27<\/ReqdExctnDt>/);
  assert.match(xml, /<Id>83271234567897<\/Id>\s*<SchmeNm><Cd>BBAN<\/Cd><\/SchmeNm>/);
  assert.match(xml, /<MmbId>8327<\/MmbId>/);
  assert.match(xml, /<Id>50501055<\/Id>\s*<SchmeNm><Prtry>BGNR<\/Prtry><\/SchmeNm>/);
  assert.match(xml, /<Ustrd>Ekonomiskt bistånd EB-2026-000001 april 2026<\/Ustrd>/);
  // The category purpose is the municipality's bank setting (payment settings), not a constant in the code.
  const configured = getCaseworkRules().find<CaseworkDocument & PaymentSettings>('paymentSettings', '2281', '2026-03-10')!.debtor.categoryPurpose;
  assert.equal(configured, 'SSBE');
  const purposes = [...xml.matchAll(/<PmtTpInf>[\s\S]*?<CtgyPurp>\s*<Cd>([A-Z]{4})<\/Cd>\s*<\/CtgyPurp>\s*<\/PmtTpInf>/g)].map((m) => m[1]);
  assert.equal(purposes.length, (xml.match(/<PmtInf>/g) ?? []).length);
  assert.ok(purposes.every((p) => p === configured));
  assert.ok(!xml.includes(world.pnr.nord) && !xml.includes(world.pnr.nord.replace('-', '').slice(2)), 'no personnummer in the file');
  for (const p of await paymentRows(decisionId)) {
    assert.equal(p.status, 'sent');
    assert.equal(p.payment_file_id, file.id);
  }
  const docs = await db().selectFrom('documents').selectAll().where('related_id', '=', file.id).execute();
  assert.deepEqual(docs.map((d) => [d.kind, d.case_id, d.locked_at !== null]).sort(), [
    ['accountingExport', null, true],
    ['paymentFile', null, true],
  ]);
  assert.equal(await auditCount(world, { action: 'payment.send', caseId: world.ids.caseNord }), 2);
  assert.equal(await auditCount(world, { action: 'paymentFile.download.xml' }), 1);
  // Nothing is left to send.
  assert.equal((await as(world, kassa).post('/api/v1/payment-files', { upTo: '2026-03-31' })).statusCode, 409);
});

test('accounting export: semicolon CSV with Swedish headers, konto 4711 per payment, bank credit for the total', async () => {
  const files = await as(world, kassa).get('/api/v1/payment-files');
  const file = files.json().items[0];
  const csvRes = await as(world, kassa).get(file.csvUrl);
  assert.equal(csvRes.statusCode, 200);
  const lines = csvRes.body
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  assert.equal(lines[0], 'Verifikation;Bokföringsdatum;Konto;Kontonamn;Ansvar;Verksamhet;Motpart;Debet;Kredit;Ärende;Referens;Text');
  assert.equal(lines.length, 4);
  const debits = lines.slice(1, 3).sort();
  assert.match(debits.find((l) => l.includes(';900;'))!, /^EB-000001;2026-03-10;4711;Ekonomiskt bistånd;7110;7600;900;3000,00;;EB-2026-000001;V[0-9A-F]{30};Ekonomiskt bistånd 2026-04$/);
  assert.match(debits.find((l) => l.includes(';800;'))!, /^EB-000001;2026-03-10;4711;Ekonomiskt bistånd;7110;7600;800;2000,00;;EB-2026-000001;/);
  assert.match(lines[3]!, /^EB-000001;2026-03-10;1930;Bank;;;;;5000,00;;VAGEN-2281-000001;/);
  assert.ok(!csvRes.body.includes('Nordin'));
});

test('the bank confirms: payments paid; the case shows the whole history', async () => {
  const files = await as(world, kassa).get('/api/v1/payment-files');
  const id = files.json().items[0].id;
  world.clock.now = new Date('2026-03-27T12:00:00Z');
  [nord, kassa] = await Promise.all([login(world, 'nord'), login(world, 'kassa')]);
  const res = await as(world, kassa).post(`/api/v1/payment-files/${id}/confirm`, {});
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().status, 'confirmed');
  assert.equal((await as(world, kassa).post(`/api/v1/payment-files/${id}/confirm`, {})).statusCode, 409);
  const view = await as(world, nord).get(`/api/v1/cases/${world.ids.caseNord}/payments`);
  assert.equal(view.statusCode, 200, view.body);
  const paid = view.json().payments.filter((p: { decisionId: string }) => p.decisionId === decisionId);
  assert.equal(paid.length, 2);
  for (const p of paid) {
    assert.equal(p.stage, 'paid');
    assert.equal(p.paidAt, '2026-03-27T12:00:00.000Z');
    assert.deepEqual(
      p.history.map((h: { toStage: string }) => h.toStage),
      ['planned', 'approved', 'sent', 'paid'],
    );
    assert.ok(p.history.every((h: { actorName: string | null; at: string }) => h.actorName && h.at));
  }
  const d = view.json().decisions.find((x: { id: string }) => x.id === decisionId);
  assert.equal(d.remaining, 0);
  assert.equal(view.json().permissions.canPropose, true);
  // The case detail (foundation) shows the payments with the client-facing status.
  const detail = await as(world, nord).get(`/api/v1/cases/${world.ids.caseNord}`);
  assert.ok(detail.json().payments.some((p: { status: string; amount: number }) => p.status === 'paid' && p.amount === 3_000_00));
  assert.equal(await auditCount(world, { action: 'payment.paid' }), 2);
  world.clock.now = new Date('2026-03-10T09:00:00Z');
  [nord, kassa, nord2] = await Promise.all([login(world, 'nord'), login(world, 'kassa'), login(world, 'nord2')]);
});

test('a file that fails the XSD is not stored and the payments stay approved (422, no 500)', async () => {
  const d = await insertDecision(world, { caseId: world.ids.caseNord, amount: 1_234_56, decidedBy: world.ids.users.nord!, periodStart: '2026-05-01', periodEnd: '2026-05-31' });
  const p = await as(world, nord2).post(`/api/v1/decisions/${d}/payments`, { parts: [{ accountId: clientAccount, amount: 1_234_56 }] });
  assert.equal(p.statusCode, 201, p.body);
  const pid = p.json().payments[0].id;
  assert.equal((await as(world, kassa).post(`/api/v1/payments/${pid}/approve`)).statusCode, 200);
  // A configuration error that produces an invalid file: a BIC that does not match the ISO pattern.
  const rules = getCaseworkRules();
  const good = rules.require('paymentSettings', '2281', '2026-03-10');
  const broken = { ...good, id: 'broken-for-test', validFrom: '2026-03-01', debtor: { ...(good.debtor as object), bic: 'swedsess' } };
  (rules.documents as unknown[]).push(broken);
  try {
    const docsBefore = (await db().selectFrom('documents').select('id').execute()).length;
    const res = await as(world, kassa).post('/api/v1/payment-files', { upTo: '2026-04-30' });
    assert.equal(res.statusCode, 422, res.body);
    assert.match(res.json().message, /ISO 20022-schemat.*har inte skapats.*kvar som godkända/);
    const row = await db().selectFrom('payments').select(['status', 'approved_at', 'payment_file_id']).where('id', '=', pid).executeTakeFirstOrThrow();
    assert.equal(row.status, 'planned');
    assert.notEqual(row.approved_at, null);
    assert.equal(row.payment_file_id, null);
    assert.equal((await db().selectFrom('documents').select('id').execute()).length, docsBefore);
    assert.equal((await db().selectFrom('payment_files').select('id').execute()).length, 1);
  } finally {
    (rules.documents as unknown[]).splice((rules.documents as unknown[]).indexOf(broken), 1);
  }
  const ok = await as(world, kassa).post('/api/v1/payment-files', { upTo: '2026-04-30' });
  assert.equal(ok.statusCode, 201, ok.body);
  const xml = (await as(world, kassa).get(ok.json().xmlUrl)).body;
  assert.match(xml, /<CtrlSum>1234.56<\/CtrlSum>/);
  assert.match(xml, /<ReqdExctnDt>2026-04-27<\/ReqdExctnDt>/);
});

test('audit: every read and write of the area is in the audit log', async () => {
  for (const action of [
    'paymentAccount.create',
    'paymentAccount.list',
    'payment.propose',
    'payment.approve',
    'payment.stop',
    'payment.list',
    'paymentFile.create',
    'paymentFile.list',
    'paymentFile.download.xml',
    'paymentFile.download.csv',
    'paymentFile.confirm',
    'payment.send',
    'payment.paid',
  ]) {
    assert.ok((await auditCount(world, { action, outcome: 'success' })) > 0, action);
  }
  const own = await db().selectFrom('audit_log').select(['action', 'actor_id']).where('action', '=', 'payment.approve').where('outcome', '=', 'success').execute();
  assert.ok(own.every((a) => a.actor_id === world.ids.users.kassa));
});
