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
  assert.deepEqual(codes, ['incorrectInformation', 'shouldHaveRealised', 'advanceOnBenefit', 'labourDispute', 'assetsNotAvailable', 'agreedRepayment']);
  assert.equal(list.json().law, 'socialtjänstlagen (2025:400)');
  assert.deepEqual(
    list.json().bases.map((b: { legalReference: string }) => b.legalReference),
    [
      '33 kap. 1 § första stycket socialtjänstlagen (2025:400)',
      '33 kap. 1 § andra stycket socialtjänstlagen (2025:400)',
      '33 kap. 2 § 1 a socialtjänstlagen (2025:400)',
      '33 kap. 2 § 1 b socialtjänstlagen (2025:400)',
      '33 kap. 2 § 1 c socialtjänstlagen (2025:400)',
      '33 kap. 3 § socialtjänstlagen (2025:400)',
    ],
  );
  const bad: [unknown, string][] = [
    [{ basis: 'nope', amount: 100_00, decidedDate: '2026-03-01', grantedDate: '2026-02-01' }, '/body/basis'],
    [{ basis: 'incorrectInformation', amount: '100', decidedDate: '2026-03-01', grantedDate: '2026-02-01' }, '/body/amount'],
    [{ basis: 'incorrectInformation', amount: 0, decidedDate: '2026-03-01', grantedDate: '2026-02-01' }, '/body/amount'],
    [{ basis: 'incorrectInformation', amount: 100_00, decidedDate: '2026-04-01', grantedDate: '2026-02-01' }, '/body/decidedDate'],
    [{ basis: 'incorrectInformation', amount: 100_00, decidedDate: '2026-01-15', grantedDate: '2026-02-01' }, '/body/decidedDate'],
    [{ basis: 'incorrectInformation', amount: 100_00, decidedDate: '2026-03-01', decisionId: '00000000-0000-4000-8000-000000000999' }, '/body/decisionId'],
    // Without a decision or the day of the grant the law that applies is unknown.
    [{ basis: 'incorrectInformation', amount: 100_00, decidedDate: '2026-03-01' }, '/body/grantedDate'],
  ];
  for (const [body, path] of bad) {
    const res = await as(world, nord).post(url(), body);
    assert.equal(res.statusCode, 400, res.body);
    assert.ok(
      res.json().fields.some((f: { path: string }) => f.path === path),
      `${path}: ${res.body}`,
    );
  }
  assert.equal((await world.handle.db.selectFrom('recovery_claims').select('id').execute()).length, 0);
  assert.equal((await as(world, syd).post(url(), { basis: 'incorrectInformation', amount: 100_00, decidedDate: '2026-03-01' })).statusCode, 404);
});

test('återkrav: registered with a claimed ledger row; repayments and write-offs keep a running balance', async () => {
  const res = await as(world, nord).post(url(), { basis: 'incorrectInformation', decisionId, amount: 2_500_00, decidedDate: '2026-03-09', description: 'Lön från februari inte anmäld.' });
  assert.equal(res.statusCode, 201, res.body);
  const claim = res.json();
  claimId = claim.id;
  assert.equal(claim.balance, 2_500_00);
  assert.equal(claim.state, 'open');
  assert.equal(claim.basisLabel, 'Felaktiga uppgifter, inte anmälda ändringar eller annars felaktigt utbetalt');
  assert.equal(claim.legalReference, '33 kap. 1 § första stycket socialtjänstlagen (2025:400)');
  assert.equal(claim.grantedOn, '2026-03-09');
  assert.deepEqual(
    claim.ledger.map((e: { kind: string; balanceAfter: number }) => [e.kind, e.balanceAfter]),
    [['claimed', 2_500_00]],
  );

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
  assert.deepEqual(
    off.json().ledger.map((e: { kind: string; balanceAfter: number; createdByName: string }) => [e.kind, e.balanceAfter, e.createdByName]),
    [
      ['claimed', 2_500_00, 'Test nord'],
      ['repaid', 1_500_00, 'Test kassa'],
      ['adjusted', 1_300_00, 'Test nord'],
      ['writtenOff', 0, 'Test nord'],
    ],
  );
});

test('återkrav: listed on the case; every read and write is audited', async () => {
  const list = await as(world, nord).get(url());
  assert.equal(list.json().items.length, 1);
  assert.equal(list.json().items[0].ledger.length, 4);
  assert.equal(await auditCount(world, { action: 'recoveryClaim.create', caseId: world.ids.caseNord, outcome: 'success' }), 1);
  assert.equal(await auditCount(world, { action: 'recoveryClaim.ledger', caseId: world.ids.caseNord, outcome: 'success' }), 3);
  assert.ok((await auditCount(world, { action: 'recoveryClaim.list', caseId: world.ids.caseNord, outcome: 'success' })) >= 2);
  assert.ok((await auditCount(world, { action: 'recoveryClaim.create', outcome: 'denied' })) >= 1);
});

const fieldsOf = (res: { json: () => { fields: { path: string; message: string }[] } }) => res.json().fields;
const claimsOnDecision = async (id: string) => (await world.handle.db.selectFrom('recovery_claims').select('id').where('decision_id', '=', id).execute()).length;

test('återkrav under 33 kap. 2 §: refused with a clear message unless the grant decision was written, served and stated the ground', async () => {
  const caseId = world.ids.caseNord;
  const decidedBy = world.ids.users.nord!;
  // Written and served, but the decision said nothing about repayment.
  const silent = await insertDecision(world, { caseId, amount: 6_000_00, decidedBy, withLetter: true });
  assert.equal((await as(world, nord).post(`/api/v1/decisions/${silent}/service`, { servedOn: '2026-03-09', method: 'receipt' })).statusCode, 200);
  const refused = await as(world, nord).post(url(), { basis: 'advanceOnBenefit', decisionId: silent, amount: 6_000_00, decidedDate: '2026-03-10' });
  assert.equal(refused.statusCode, 400, refused.body);
  assert.equal(refused.json().message, 'Återkravet kan inte göras på den grunden.');
  assert.deepEqual(
    fieldsOf(refused).map((f) => f.path),
    ['/body/basis'],
  );
  assert.equal(
    fieldsOf(refused)[0]!.message,
    'Beslutet om bistånd angav inte ”förskott på förmån eller ersättning” som grund för återbetalning. Återkrav enligt 33 kap. 2 § 1 a socialtjänstlagen (2025:400) kan bara göras om beslutet innehöll den grunden.',
  );
  assert.equal(await claimsOnDecision(silent), 0);
  const deniedForGrant = await world.handle.db
    .selectFrom('audit_log')
    .select('id')
    .where('action', '=', 'recoveryClaim.create')
    .where('outcome', '=', 'denied')
    .where('purpose', '=', 'grantConditions')
    .execute();
  assert.equal(deniedForGrant.length, 1);
  // The same ground with no grant decision at all.
  const noDecision = await as(world, nord).post(url(), { basis: 'agreedRepayment', grantedDate: '2026-03-01', amount: 1_000_00, decidedDate: '2026-03-10' });
  assert.equal(noDecision.statusCode, 400);
  assert.equal(fieldsOf(noDecision)[0]!.path, '/body/decisionId');
  assert.match(fieldsOf(noDecision)[0]!.message, /^Återkrav enligt 33 kap\. 3 § socialtjänstlagen \(2025:400\) kräver att du väljer beslutet om bistånd/);

  // Stated the ground, but not yet served: refused on the decision.
  const stated = await insertDecision(world, {
    caseId,
    amount: 7_000_00,
    decidedBy,
    withLetter: true,
    recoveryBasis: { legalReferenceId: 'SOL-33-2-1A', text: 'Biståndet är ett förskott på sjukpenning från Försäkringskassan.' },
  });
  const unserved = await as(world, nord).post(url(), { basis: 'advanceOnBenefit', decisionId: stated, amount: 7_000_00, decidedDate: '2026-03-10' });
  assert.equal(unserved.statusCode, 400);
  assert.deepEqual(
    fieldsOf(unserved).map((f) => f.path),
    ['/body/decisionId'],
  );
  assert.match(fieldsOf(unserved)[0]!.message, /har delgetts den enskilde\. Ingen delgivning är registrerad/);
  // Service is recorded with its day and way; not in the future, not before the decision, only once.
  const service = `/api/v1/decisions/${stated}/service`;
  const future = await as(world, nord).post(service, { servedOn: '2026-03-11', method: 'receipt' });
  assert.equal(future.statusCode, 400);
  assert.equal(fieldsOf(future)[0]!.path, '/body/servedOn');
  assert.equal((await as(world, nord).post(service, { servedOn: '2026-03-10', method: 'byPost' })).statusCode, 400);
  assert.equal((await as(world, syd).post(service, { servedOn: '2026-03-10', method: 'receipt' })).statusCode, 404);
  const served = await as(world, nord).post(service, { servedOn: '2026-03-10', method: 'receipt' });
  assert.equal(served.statusCode, 200, served.body);
  assert.equal((await as(world, nord).post(service, { servedOn: '2026-03-10', method: 'inPerson' })).statusCode, 409);
  // Another ground than the one stated is still refused; the stated one is accepted.
  const other = await as(world, nord).post(url(), { basis: 'labourDispute', decisionId: stated, amount: 7_000_00, decidedDate: '2026-03-10' });
  assert.equal(other.statusCode, 400);
  assert.deepEqual(
    fieldsOf(other).map((f) => f.path),
    ['/body/basis'],
  );
  const ok = await as(world, nord).post(url(), { basis: 'advanceOnBenefit', decisionId: stated, amount: 7_000_00, decidedDate: '2026-03-10' });
  assert.equal(ok.statusCode, 201, ok.body);
  assert.equal(ok.json().legalReference, '33 kap. 2 § 1 a socialtjänstlagen (2025:400)');
  const listed = (await as(world, nord).get(url())).json().decisions.find((d: { id: string }) => d.id === stated);
  assert.equal(listed.servedOn, '2026-03-10');
  assert.equal(listed.statedReferenceId, 'SOL-33-2-1A');
  assert.equal(await auditCount(world, { action: 'decision.service', caseId, outcome: 'success' }), 2);
});

test('återkrav for assistance granted in June 2025 cites the old law (2001:453); the Swedish day of the grant decides', async () => {
  const caseId = world.ids.caseNord;
  const decidedBy = world.ids.users.nord!;
  // 23:30 in Stockholm on 30 June 2025, and 00:30 on 1 July 2025.
  const june = await insertDecision(world, { caseId, amount: 5_000_00, decidedBy, decidedAt: '2025-06-30T21:30:00.000Z', periodStart: '2025-07-01', periodEnd: '2025-07-31' });
  const july = await insertDecision(world, { caseId, amount: 5_000_00, decidedBy, decidedAt: '2025-06-30T22:30:00.000Z', periodStart: '2025-08-01', periodEnd: '2025-08-31' });

  const old = await as(world, nord).post(url(), { basis: 'incorrectInformation', decisionId: june, amount: 1_200_00, decidedDate: '2026-03-10', description: 'Inkomst i juli inte anmäld.' });
  assert.equal(old.statusCode, 201, old.body);
  assert.equal(old.json().legalReference, '9 kap. 1 § socialtjänstlagen (2001:453)');
  assert.equal(old.json().grantedOn, '2025-06-30');
  const stored = await world.handle.db.selectFrom('recovery_claims').select(['legal_reference', 'granted_on']).where('id', '=', old.json().id).executeTakeFirstOrThrow();
  assert.deepEqual(stored, { legal_reference: '9 kap. 1 § socialtjänstlagen (2001:453)', granted_on: '2025-06-30' });
  const onCase = (await as(world, nord).get(url())).json();
  assert.equal(onCase.items.find((c: { id: string }) => c.id === old.json().id).legalReference, '9 kap. 1 § socialtjänstlagen (2001:453)');
  assert.equal(onCase.decisions.find((d: { id: string }) => d.id === june).law, 'socialtjänstlagen (2001:453)');
  assert.equal(onCase.decisions.find((d: { id: string }) => d.id === july).law, 'socialtjänstlagen (2025:400)');

  const newer = await as(world, nord).post(url(), { basis: 'incorrectInformation', decisionId: july, amount: 800_00, decidedDate: '2026-03-10' });
  assert.equal(newer.statusCode, 201, newer.body);
  assert.equal(newer.json().legalReference, '33 kap. 1 § första stycket socialtjänstlagen (2025:400)');
  // Without a decision, the day given selects the law the same way.
  const byDate = await as(world, nord).post(url(), { basis: 'incorrectInformation', grantedDate: '2025-06-12', amount: 300_00, decidedDate: '2026-03-10' });
  assert.equal(byDate.json().legalReference, '9 kap. 1 § socialtjänstlagen (2001:453)');

  // The old law's grounds are listed for a June 2025 grant; "should have realised" is not one of them.
  const grounds = (await as(world, nord).get(`${url()}?grantedOn=2025-06-12`)).json();
  assert.equal(grounds.law, 'socialtjänstlagen (2001:453)');
  assert.ok(grounds.bases.every((b: { legalReference: string }) => b.legalReference.endsWith('socialtjänstlagen (2001:453)')));
  assert.ok(!grounds.bases.some((b: { code: string }) => b.code === 'shouldHaveRealised'));
  const notInOldLaw = await as(world, nord).post(url(), { basis: 'shouldHaveRealised', grantedDate: '2025-06-12', amount: 300_00, decidedDate: '2026-03-10' });
  assert.equal(notInOldLaw.statusCode, 400);
  assert.equal(fieldsOf(notInOldLaw)[0]!.path, '/body/basis');
  assert.match(fieldsOf(notInOldLaw)[0]!.message, /socialtjänstlagen \(2001:453\), som gäller för bistånd som beviljades den 12 juni 2025/);
  // A refusal granted nothing that could be taken back.
  const refusal = await insertDecision(world, { caseId, amount: 0, decidedBy, outcome: 'refused' });
  const onRefusal = await as(world, nord).post(url(), { basis: 'incorrectInformation', decisionId: refusal, amount: 300_00, decidedDate: '2026-03-10' });
  assert.equal(onRefusal.statusCode, 400);
  assert.equal(fieldsOf(onRefusal)[0]!.path, '/body/decisionId');
  assert.ok(!(await as(world, nord).get(url())).json().decisions.some((d: { id: string }) => d.id === refusal));
  // A decision of one day and a different grant day is a contradiction.
  const mismatch = await as(world, nord).post(url(), { basis: 'incorrectInformation', decisionId: june, grantedDate: '2025-07-02', amount: 300_00, decidedDate: '2026-03-10' });
  assert.equal(mismatch.statusCode, 400);
  assert.equal(fieldsOf(mismatch)[0]!.path, '/body/grantedDate');
});
