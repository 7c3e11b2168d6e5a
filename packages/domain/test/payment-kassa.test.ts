/** The payment's status machine, the kassa's send-back, the approval blockers and the unverified-account flag. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPaymentTransition, evaluatePaymentApproval, paymentFlags, paymentStatusOf, returnRefusal, type PaymentApprovalFacts } from '../src/index.ts';

const facts = (over: Partial<PaymentApprovalFacts> = {}): PaymentApprovalFacts => ({
  approverId: 'kassa',
  fourEyes: true,
  payment: { status: 'planned', approvedAt: null, proposedBy: 'worker', amount: 500_000, payeeKind: 'client' },
  account: { verifiedAt: '2026-03-10T09:00:00Z', verifiedByName: 'Test', valid: true, holderIsParty: true },
  decision: { status: 'decided', amount: 500_000, decidedBy: 'worker' },
  activeSumForDecision: 500_000,
  ...over,
});

test('payment status machine: only a proposal waiting for the kassa can be sent back, and returned is final', () => {
  assert.equal(checkPaymentTransition('planned', 'returned').ok, true);
  for (const from of ['approved', 'sent', 'paid', 'stopped', 'returned'] as const) {
    assert.equal(checkPaymentTransition(from, 'returned').ok, false, from);
  }
  for (const to of ['planned', 'approved', 'sent', 'paid', 'stopped'] as const) {
    const r = checkPaymentTransition('returned', to);
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.message, /Utbetalningen kan inte gå från status ”Skickad tillbaka till handläggaren”/);
  }
  assert.equal(checkPaymentTransition(null, 'planned').ok, true);
  assert.equal(checkPaymentTransition(null, 'returned').ok, false);
  assert.equal(paymentStatusOf('approved'), 'planned');
  assert.equal(paymentStatusOf('returned'), 'returned');
  assert.equal(returnRefusal('planned'), null);
  assert.match(returnRefusal('approved') ?? '', /redan godkänd/);
  assert.match(returnRefusal('returned') ?? '', /redan skickad tillbaka/);
});

test('approval blockers: every reason is listed in order, the refusal carries the first', () => {
  const r = evaluatePaymentApproval(
    facts({
      approverId: 'worker',
      account: { verifiedAt: null, verifiedByName: null, valid: true, holderIsParty: true },
      activeSumForDecision: 600_000,
    }),
  );
  assert.equal(r.ok, false);
  assert.deepEqual(
    r.blockers.map((b) => b.reason),
    ['fourEyes', 'exceedsDecision', 'accountNotVerified'],
  );
  if (!r.ok) {
    assert.equal(r.status, 403);
    assert.equal(r.message, r.blockers[0]!.message);
  }
  const ok = evaluatePaymentApproval(facts());
  assert.deepEqual(ok.blockers, []);
  const returned = evaluatePaymentApproval(facts({ payment: { ...facts().payment, status: 'returned' } }));
  assert.deepEqual(
    returned.blockers.map((b) => b.reason),
    ['returned'],
  );
});

test('a payment to an unverified account is flagged; a verified one is not', () => {
  assert.deepEqual(
    paymentFlags({ verified: false }).map((f) => f.code),
    ['accountNotVerified'],
  );
  assert.deepEqual(paymentFlags({ verified: true }), []);
  assert.deepEqual(
    paymentFlags({ verified: true, valid: false }).map((f) => f.code),
    ['accountInvalid'],
  );
  assert.deepEqual(paymentFlags(null), []);
});
