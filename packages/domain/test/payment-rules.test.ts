import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  applyRecoveryEntry,
  buildAccountingCsv,
  buildPain001,
  checkPaymentSplit,
  evaluatePaymentApproval,
  formatCsvAmount,
  formatIsoAmount,
  parseIsoAmount,
  paymentStageOf,
  recoveryBalance,
  stopRefusal,
  verifyPain001,
  type PaymentApprovalFacts,
} from '../src/index.ts';

const facts = (over: Partial<PaymentApprovalFacts> = {}): PaymentApprovalFacts => ({
  approverId: 'kassa',
  fourEyes: true,
  payment: { status: 'planned', approvedAt: null, proposedBy: 'worker', amount: 500_000, payeeKind: 'client' },
  account: { verifiedAt: '2026-03-10T09:00:00Z', verifiedByName: 'Test', valid: true, holderIsParty: true },
  decision: { status: 'decided', amount: 500_000, decidedBy: 'worker' },
  activeSumForDecision: 500_000,
  ...over,
});

test('kassa approval: passes when another person approves and every check holds', () => {
  const r = evaluatePaymentApproval(facts());
  assert.equal(r.ok, true);
  assert.deepEqual(
    r.checks.map((c) => [c.code, c.ok]),
    [
      ['decisionExists', true],
      ['amountWithinDecision', true],
      ['accountVerified', true],
      ['payeeVerified', true],
      ['fourEyes', true],
    ],
  );
});

test('kassa approval: refusals with status and Swedish message', () => {
  const cases: [Partial<PaymentApprovalFacts>, number, string][] = [
    [{ approverId: 'worker' }, 403, 'fourEyes'],
    [{ approverId: 'proposer', payment: { ...facts().payment, proposedBy: 'proposer' }, decision: { status: 'decided', amount: 500_000, decidedBy: 'other' } }, 403, 'fourEyes'],
    [{ payment: { ...facts().payment, approvedAt: '2026-03-10T10:00:00Z' } }, 409, 'alreadyApproved'],
    [{ payment: { ...facts().payment, status: 'sent' } }, 409, 'alreadyApproved'],
    [{ payment: { ...facts().payment, status: 'stopped' } }, 409, 'stopped'],
    [{ decision: null }, 409, 'decisionMissing'],
    [{ decision: { status: 'draft', amount: 500_000, decidedBy: 'worker' } }, 409, 'decisionMissing'],
    [{ activeSumForDecision: 500_001 }, 409, 'exceedsDecision'],
    [{ account: { verifiedAt: null, verifiedByName: null, valid: true, holderIsParty: true } }, 409, 'accountNotVerified'],
    [{ account: null }, 409, 'accountNotVerified'],
    [{ account: { verifiedAt: 'x', verifiedByName: 'x', valid: true, holderIsParty: false } }, 409, 'payeeNotVerified'],
  ];
  for (const [over, status, reason] of cases) {
    const r = evaluatePaymentApproval(facts(over));
    assert.equal(r.ok, false, reason);
    if (!r.ok) {
      assert.equal(r.status, status, reason);
      assert.equal(r.reason, reason);
      assert.ok(r.message.length > 10);
    }
  }
  const again = evaluatePaymentApproval(facts({ payment: { ...facts().payment, approvedAt: 'x' } }));
  assert.ok(!again.ok && /redan godkänd/.test(again.message));
  // With four-eyes off the decision-maker may approve.
  assert.equal(evaluatePaymentApproval(facts({ approverId: 'worker', fourEyes: false })).ok, true);
});

test('payment stages and stopping', () => {
  assert.equal(paymentStageOf({ status: 'planned', approvedAt: null }), 'planned');
  assert.equal(paymentStageOf({ status: 'planned', approvedAt: 'x' }), 'approved');
  assert.equal(paymentStageOf({ status: 'paid', approvedAt: 'x' }), 'paid');
  assert.equal(stopRefusal('planned'), null);
  assert.equal(stopRefusal('approved'), null);
  assert.match(stopRefusal('sent') ?? '', /redan skickad/);
  assert.match(stopRefusal('stopped') ?? '', /redan stoppad/);
});

test('proposal split: the parts must add up exactly to what is left of the decision', () => {
  assert.deepEqual(checkPaymentSplit(500_000, 0, [300_000, 200_000]), { ok: true, remaining: 500_000 });
  const off = checkPaymentSplit(500_000, 0, [300_000, 199_999]);
  assert.ok(!off.ok && off.kind === 'sum' && /4 999,99 kr/.test(off.message) && /5 000 kr/.test(off.message));
  assert.deepEqual(checkPaymentSplit(500_000, 300_000, [200_000]), { ok: true, remaining: 200_000 });
  const none = checkPaymentSplit(500_000, 500_000, [1]);
  assert.ok(!none.ok && none.kind === 'nothingLeft');
});

test('återkrav ledger: running balance, never negative', () => {
  assert.deepEqual(applyRecoveryEntry(0, 'claimed', 1_000_00), { ok: true, balanceAfter: 1_000_00 });
  assert.deepEqual(applyRecoveryEntry(1_000_00, 'repaid', 400_00), { ok: true, balanceAfter: 600_00 });
  assert.deepEqual(applyRecoveryEntry(600_00, 'adjusted', -100_00), { ok: true, balanceAfter: 500_00 });
  assert.deepEqual(applyRecoveryEntry(500_00, 'writtenOff', 500_00), { ok: true, balanceAfter: 0 });
  const over = applyRecoveryEntry(500_00, 'repaid', 500_01);
  assert.ok(!over.ok && /inte bli negativt/.test(over.message));
  assert.equal(applyRecoveryEntry(10, 'repaid', 0).ok, false);
  assert.equal(applyRecoveryEntry(10, 'adjusted', 0).ok, false);
  assert.equal(applyRecoveryEntry(10, 'repaid', 1.5).ok, false);
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom('claimed', 'repaid', 'writtenOff', 'adjusted' as const), fc.integer({ min: -100_000, max: 100_000 }))), (entries) => {
      let balance = 0;
      for (const [kind, amount] of entries) {
        const r = applyRecoveryEntry(balance, kind, amount);
        if (r.ok) balance = r.balanceAfter;
        if (balance < 0) return false;
      }
      return true;
    }),
  );
  assert.deepEqual(
    recoveryBalance([
      { kind: 'claimed', amount: 100 },
      { kind: 'repaid', amount: 40 },
    ]),
    { balance: 60, brokenAt: null },
  );
  assert.deepEqual(
    recoveryBalance([
      { kind: 'claimed', amount: 100 },
      { kind: 'repaid', amount: 140 },
    ]),
    { balance: 100, brokenAt: 1 },
  );
});

test('ISO amounts: öre → two decimals and back, exactly', () => {
  assert.equal(formatIsoAmount(0), '0.00');
  assert.equal(formatIsoAmount(5), '0.05');
  assert.equal(formatIsoAmount(1_234_50), '1234.50');
  assert.equal(parseIsoAmount('1234.5'), 1_234_50);
  assert.equal(parseIsoAmount('1234.501'), null);
  assert.equal(parseIsoAmount('12,50'), null);
  assert.equal(parseIsoAmount('-1.00'), null);
  assert.throws(() => formatIsoAmount(-1));
  fc.assert(fc.property(fc.integer({ min: 0, max: 1_000_000_000_00 }), (ore) => parseIsoAmount(formatIsoAmount(ore)) === ore));
  assert.equal(formatCsvAmount(1_234_50), '1234,50');
  assert.equal(formatCsvAmount(7), '0,07');
});

const input = {
  messageId: 'VAGEN-2281-000001',
  createdAt: '2026-03-10T09:00:00Z',
  initiatingParty: { name: 'Vägby kommun', organisationNumber: '2120000000' },
  debtor: { name: 'Vägby kommun', organisationNumber: '2120000000', account: { otherId: '50501055', schemeProprietary: 'BGNR' as const }, bic: 'SWEDSESS' },
  currency: 'SEK' as const,
  batches: [
    {
      paymentInfoId: 'VAGEN-2281-000001-1',
      executionDate: '2026-03-27',
      transactions: [
        {
          endToEndId: 'P1',
          amountOre: 734_550,
          creditorName: 'Nora Nordin',
          creditorAccount: { otherId: '30001234560', schemeCode: 'BBAN' as const },
          creditorClearing: '3000',
          remittance: 'Ekonomiskt bistånd EB-2026-000001 april 2026',
        },
        {
          endToEndId: 'P2',
          amountOre: 650_000,
          creditorName: 'Bostads AB <Vägby> & Co',
          creditorAccount: { otherId: '50501055', schemeProprietary: 'BGNR' as const },
          remittance: 'Hyra april EB-2026-000001',
        },
      ],
    },
    {
      paymentInfoId: 'VAGEN-2281-000001-2',
      executionDate: '2026-03-11',
      transactions: [{ endToEndId: 'P3', amountOre: 1, creditorName: 'X', creditorAccount: { iban: 'SE5550000000051234567890' }, remittance: 'EB' }],
    },
  ],
};

test('pain.001: group header totals, one PmtInf per date, two-decimal amounts, escaped names, Swedish account forms', () => {
  const xml = buildPain001(input);
  assert.match(xml, /<NbOfTxs>3<\/NbOfTxs>\s*<CtrlSum>13845.51<\/CtrlSum>/);
  assert.match(xml, /<InstdAmt Ccy="SEK">7345.50<\/InstdAmt>/);
  assert.match(xml, /<InstdAmt Ccy="SEK">0.01<\/InstdAmt>/);
  assert.match(xml, /Bostads AB &lt;Vägby&gt; &amp; Co/);
  assert.match(xml, /<Prtry>BGNR<\/Prtry>/);
  assert.match(xml, /<Cd>BBAN<\/Cd>/);
  assert.match(xml, /<Cd>SESBA<\/Cd>\s*<\/ClrSysId>\s*<MmbId>3000<\/MmbId>/);
  assert.match(xml, /<IBAN>SE5550000000051234567890<\/IBAN>/);
  assert.equal((xml.match(/<PmtInf>/g) ?? []).length, 2);
  assert.deepEqual(verifyPain001(xml), []);
});

test('pain.001: the configured category purpose is written in every PmtInf after the service level, and left out when none', () => {
  const xml = buildPain001({ ...input, categoryPurpose: 'SSBE' });
  const heads = [...xml.matchAll(/<PmtTpInf>([\s\S]*?)<\/PmtTpInf>/g)].map((m) => m[1]!);
  assert.equal(heads.length, 2);
  for (const h of heads) assert.match(h, /<\/SvcLvl>\s*<CtgyPurp>\s*<Cd>SSBE<\/Cd>\s*<\/CtgyPurp>\s*$/);
  assert.match(buildPain001({ ...input, categoryPurpose: 'SALA' }), /<CtgyPurp>\s*<Cd>SALA<\/Cd>/);
  assert.doesNotMatch(buildPain001({ ...input, categoryPurpose: null }), /CtgyPurp/);
  assert.doesNotMatch(buildPain001(input), /CtgyPurp/);
});

test('pain.001 verification catches a missing or wrong CtrlSum, a wrong NbOfTxs, a bad amount and a personnummer', () => {
  const xml = buildPain001(input);
  const noCtrl = xml.replace(/<CtrlSum>13845.51<\/CtrlSum>/, '');
  assert.ok(verifyPain001(noCtrl).some((e) => /GrpHdr: kontrollsumma \(CtrlSum\) saknas/.test(e)));
  assert.ok(verifyPain001(xml.replace('<CtrlSum>13845.51</CtrlSum>', '<CtrlSum>13845.50</CtrlSum>')).some((e) => /CtrlSum är 13845.50/.test(e)));
  assert.ok(verifyPain001(xml.replace('<NbOfTxs>3</NbOfTxs>', '<NbOfTxs>4</NbOfTxs>')).some((e) => /NbOfTxs är 4/.test(e)));
  assert.ok(verifyPain001(xml.replace('7345.50', '7345.505')).some((e) => /högst två decimaler/.test(e)));
  assert.ok(verifyPain001(xml.replace('Hyra april', 'Hyra 19850412-1234')).some((e) => /personnummer/.test(e)));
});

test('accounting CSV: one debit row per payment, one credit row with the total; Swedish headers, two decimals', () => {
  const csv = buildAccountingCsv({
    settings: {
      costAccount: { konto: '4711', name: 'Ekonomiskt bistånd' },
      bankAccount: { konto: '1930', name: 'Bank' },
      verksamhet: '7600',
      ansvar: { default: '7100', byUnitName: { Nord: '7110' } },
      motpart: { client: '900', landlord: '800', other: '800' },
      verificationPrefix: 'EB',
    },
    verificationNumber: 12,
    bookingDate: '2026-03-10',
    paymentFileReference: 'VAGEN-2281-000012',
    rows: [
      { caseNumber: 'EB-2026-000001', unitName: 'Nord', payeeKind: 'client', amountOre: 734_550, endToEndId: 'P1', period: '2026-04' },
      { caseNumber: 'EB-2026-000002', unitName: 'Syd', payeeKind: 'landlord', amountOre: 650_000, endToEndId: 'P2', period: '2026-04' },
    ],
  });
  const lines = csv.trimEnd().split('\r\n');
  assert.equal(lines[0], 'Verifikation;Bokföringsdatum;Konto;Kontonamn;Ansvar;Verksamhet;Motpart;Debet;Kredit;Ärende;Referens;Text');
  assert.equal(lines[1], 'EB-000012;2026-03-10;4711;Ekonomiskt bistånd;7110;7600;900;7345,50;;EB-2026-000001;P1;Ekonomiskt bistånd 2026-04');
  assert.equal(lines[2], 'EB-000012;2026-03-10;4711;Ekonomiskt bistånd;7100;7600;800;6500,00;;EB-2026-000002;P2;Ekonomiskt bistånd 2026-04');
  assert.equal(lines[3], 'EB-000012;2026-03-10;1930;Bank;;;;;13845,50;;VAGEN-2281-000012;Betalfil VAGEN-2281-000012, 2 utbetalningar');
});
