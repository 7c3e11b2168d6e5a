import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { as, auditCount, createWorld, login, type Session, type World } from './harness.ts';
import { insertDecision } from './payment-fixtures.ts';

let world: World;
let nord: Session, kassa: Session, syd: Session;
let claimId: string;
let decisionId: string;

before(async () => {
  world = await createWorld();
  [nord, kassa, syd] = await Promise.all([login(world, 'nord'), login(world, 'kassa'), login(world, 'syd')]);
  decisionId = await insertDecision(world, { caseId: world.ids.caseNord, amount: 8_000_00, decidedBy: world.ids.users.nord! });
});
after(async () => world.close());

const url = () => `/api/v1/cases/${world.ids.caseNord}/recovery-claims`;

test('återkrav: bases come from configuration; bad input gives 400 with field paths and saves nothing', async () => {
  const list = await as(world, nord).get(url());
  assert.equal(list.statusCode, 200, list.body);
  assert.deepEqual(list.json().items, []);
  const codes = list.json().bases.map((b: { code: string }) => b.code);
  assert.ok(codes.includes('incorrectInformation') && codes.includes('advanceOnBenefit'));
  assert.match(list.json().bases[0].legalReference, /33 kap\. SoL \(2025:400\)/);
  const bad: [unknown, string][] = [
    [{ basis: 'nope', amount: 100_00, decidedDate: '2026-03-01' }, '/body/basis'],
    [{ basis: 'incorrectInformation', amount: '100', decidedDate: '2026-03-01' }, '/body/amount'],
    [{ basis: 'incorrectInformation', amount: 0, decidedDate: '2026-03-01' }, '/body/amount'],
    [{ basis: 'incorrectInformation', amount: 100_00, decidedDate: '2026-04-01' }, '/body/decidedDate'],
    [{ basis: 'incorrectInformation', amount: 100_00, decidedDate: '2026-03-01', decisionId: '00000000-0000-4000-8000-000000000999' }, '/body/decisionId'],
  ];
  for (const [body, path] of bad) {
    const res = await as(world, nord).post(url(), body);
    assert.equal(res.statusCode, 400, res.body);
    assert.ok(res.json().fields.some((f: { path: string }) => f.path === path), `${path}: ${res.body}`);
  }
  assert.equal((await world.handle.db.selectFrom('recovery_claims').select('id').execute()).length, 0);
  assert.equal((await as(world, syd).post(url(), { basis: 'incorrectInformation', amount: 100_00, decidedDate: '2026-03-01' })).statusCode, 404);
});

test('återkrav: registered with a claimed ledger row; repayments and write-offs keep a running balance', async () => {
  const res = await as(world, nord).post(url(), { basis: 'incorrectInformation', decisionId, amount: 2_500_00, decidedDate: '2026-03-05', description: 'Lön från februari inte anmäld.' });
  assert.equal(res.statusCode, 201, res.body);
  const claim = res.json();
  claimId = claim.id;
  assert.equal(claim.balance, 2_500_00);
  assert.equal(claim.state, 'open');
  assert.equal(claim.basisLabel, 'Felaktiga uppgifter eller underlåtenhet att anmäla ändrade förhållanden');
  assert.deepEqual(claim.ledger.map((e: { kind: string; balanceAfter: number }) => [e.kind, e.balanceAfter]), [['claimed', 2_500_00]]);

  const ledger = `/api/v1/recovery-claims/${claimId}/ledger`;
  const repaid = await as(world, kassa).post(ledger, { kind: 'repaid', amount: 1_000_00, entryDate: '2026-03-09', note: 'Inbetalning bankgiro' });
  assert.equal(repaid.statusCode, 201, repaid.body);
  assert.equal(repaid.json().balance, 1_500_00);
  const adjusted = await as(world, nord).post(ledger, { kind: 'adjusted', amount: -200_00, entryDate: '2026-03-10', note: 'Felräkning i kravet' });
  assert.equal(adjusted.json().balance, 1_300_00);
  // Never below zero: the entry is refused and nothing changes.
  const over = await as(world, kassa).post(ledger, { kind: 'repaid', amount: 1_300_01, entryDate: '2026-03-10' });
  assert.equal(over.statusCode, 400);
  assert.equal(over.json().fields[0].path, '/body/amount');
  assert.match(over.json().fields[0].message, /inte bli negativt.*1 300 kr/);
  const noNote = await as(world, nord).post(ledger, { kind: 'writtenOff', amount: 1_300_00, entryDate: '2026-03-10' });
  assert.equal(noNote.statusCode, 400);
  assert.equal(noNote.json().fields[0].path, '/body/note');
  const neg = await as(world, nord).post(ledger, { kind: 'repaid', amount: -5, entryDate: '2026-03-10' });
  assert.equal(neg.statusCode, 400);
  const stored = await world.handle.db.selectFrom('recovery_claims').select('balance').where('id', '=', claimId).executeTakeFirstOrThrow();
  assert.equal(Number(stored.balance), 1_300_00);
  const off = await as(world, nord).post(ledger, { kind: 'writtenOff', amount: 1_300_00, entryDate: '2026-03-10', note: 'Nämndens beslut om eftergift' });
  assert.equal(off.statusCode, 201);
  assert.equal(off.json().balance, 0);
  assert.equal(off.json().state, 'settled');
  assert.deepEqual(off.json().ledger.map((e: { kind: string; balanceAfter: number; createdByName: string }) => [e.kind, e.balanceAfter, e.createdByName]), [
    ['claimed', 2_500_00, 'Test nord'], ['repaid', 1_500_00, 'Test kassa'], ['adjusted', 1_300_00, 'Test nord'], ['writtenOff', 0, 'Test nord'],
  ]);
});

test('återkrav: listed on the case; every read and write is audited', async () => {
  const list = await as(world, nord).get(url());
  assert.equal(list.json().items.length, 1);
  assert.equal(list.json().items[0].ledger.length, 4);
  assert.equal(await auditCount(world, { action: 'recoveryClaim.create', caseId: world.ids.caseNord, outcome: 'success' }), 1);
  assert.equal(await auditCount(world, { action: 'recoveryClaim.ledger', caseId: world.ids.caseNord, outcome: 'success' }), 3);
  assert.ok(await auditCount(world, { action: 'recoveryClaim.list', caseId: world.ids.caseNord, outcome: 'success' }) >= 2);
  assert.ok(await auditCount(world, { action: 'recoveryClaim.create', outcome: 'denied' }) >= 1);
});
