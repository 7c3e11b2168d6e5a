import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  APPLICATION_STATUS_MACHINE,
  CASE_STATUS_MACHINE,
  DECISION_STATUS_MACHINE,
  INTAKE_STATUS_MACHINE,
  applicationStatusAfterContent,
  canTransition,
  checkApplicationTransition,
  checkCalculationForDecision,
  checkCaseTransition,
  checkDecisionTransition,
  checkIntakeTransition,
  effectsOfDecision,
  isStatusOf,
  nextStatuses,
  type StatusMachine,
} from '../src/index.ts';

const machines: StatusMachine<string>[] = [CASE_STATUS_MACHINE, APPLICATION_STATUS_MACHINE, INTAKE_STATUS_MACHINE, DECISION_STATUS_MACHINE];

test('every machine names only its own statuses, and every status has a row of moves', () => {
  for (const m of machines) {
    const statuses = Object.keys(m.labels);
    assert.deepEqual(Object.keys(m.transitions).sort(), [...statuses].sort(), m.subject);
    for (const s of [...m.initial, ...Object.values(m.transitions).flat()]) assert.ok(isStatusOf(m, s), `${m.subject}: ${s}`);
  }
});

test('a case opens in intake or investigation; it is never created active or closed', () => {
  assert.deepEqual(nextStatuses(CASE_STATUS_MACHINE, null), ['intake', 'investigation']);
  assert.equal(canTransition(null, 'intake'), true);
  const active = checkCaseTransition(null, 'active');
  assert.equal(active.ok, false);
  assert.match(!active.ok ? active.message : '', /Ärendet kan inte börja i status ”Aktuellt”/);
});

test('the moves the server makes on a case are allowed: hand-over, first grant, auto-close, referral, reopening', () => {
  for (const [from, to] of [
    ['intake', 'investigation'],
    ['investigation', 'active'],
    ['active', 'closed'],
    ['monitoring', 'closed'],
    ['intake', 'closed'],
    ['closed', 'investigation'],
  ] as const) {
    assert.equal(checkCaseTransition(from, to, to === 'closed' ? 'noApplication' : null).ok, true, `${from} → ${to}`);
  }
});

test('a closed case goes back only through investigation (återaktualisering), with the allowed moves in the message', () => {
  const r = checkCaseTransition('closed', 'active');
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.message, 'Ärendet kan inte gå från status ”Avslutat” till ”Aktuellt”. Tillåtet från ”Avslutat”: ”Utredning”.');
  const same = checkCaseTransition('active', 'active');
  assert.equal(!same.ok && same.message, 'Ärendet har redan status ”Aktuellt”.');
  const unknown = checkCaseTransition('archived', 'active');
  assert.match(!unknown.ok ? unknown.message : '', /okänd status \(archived\)/);
});

test('closing needs a closure reason, and only closing takes one', () => {
  assert.equal(checkCaseTransition('active', 'closed').ok, false);
  assert.equal(checkCaseTransition('active', 'closed', 'work').ok, true);
  assert.equal(checkCaseTransition('active', 'monitoring', 'work').ok, false);
});

test('an application: content moves it to assessment; decided and withdrawn are final; replaced content is an event', () => {
  assert.equal(applicationStatusAfterContent('registered'), 'inAssessment');
  assert.equal(applicationStatusAfterContent('inAssessment'), 'inAssessment');
  assert.equal(applicationStatusAfterContent('referred'), 'referred');
  assert.equal(checkApplicationTransition('registered', 'inAssessment').ok, true);
  assert.equal(checkApplicationTransition('inAssessment', 'inAssessment').ok, true);
  assert.equal(checkApplicationTransition('registered', 'referred').ok, true);
  assert.equal(checkApplicationTransition('referred', 'decided').ok, true);
  const again = checkApplicationTransition('decided', 'inAssessment');
  assert.equal(!again.ok && again.message, 'Ansökan kan inte gå från status ”Beslutad” till ”Under utredning”. Status ”Beslutad” är slutlig.');
  assert.equal(checkApplicationTransition('decided', 'decided').ok, false);
  assert.equal(checkApplicationTransition('withdrawn', 'withdrawn').ok, false);
});

test('an intake contact: forward, or referred; a handed-over or referred contact does not move', () => {
  assert.equal(checkIntakeTransition(null, 'registered').ok, true);
  assert.equal(checkIntakeTransition(null, 'handedOver').ok, true, 'a contact that reopens a case is created handed over');
  assert.equal(checkIntakeTransition('registered', 'interviewed').ok, true);
  assert.equal(checkIntakeTransition('interviewed', 'interviewed').ok, true, 'the interview saved again');
  assert.equal(checkIntakeTransition('booked', 'booked').ok, true, 'booked again');
  assert.equal(checkIntakeTransition('booked', 'interviewed').ok, false);
  assert.equal(checkIntakeTransition('handedOver', 'booked').ok, false);
  assert.equal(checkIntakeTransition('referred', 'referred').ok, false);
});

test('a decision: submitted, returned or decided, with the messages the caseworker knows', () => {
  assert.equal(checkDecisionTransition('draft', 'awaitingApproval').ok, true);
  assert.equal(checkDecisionTransition('awaitingApproval', 'draft').ok, true);
  assert.equal(checkDecisionTransition('awaitingApproval', 'decided').ok, true);
  assert.equal(checkDecisionTransition('draft', 'decided').ok, true);
  const twice = checkDecisionTransition('decided', 'decided');
  assert.equal(!twice.ok && twice.message, 'Beslutet är redan fattat.');
  const waiting = checkDecisionTransition('awaitingApproval', 'awaitingApproval');
  assert.equal(!waiting.ok && waiting.message, 'Beslutet väntar redan på beslutsfattare.');
  const back = checkDecisionTransition('draft', 'draft');
  assert.equal(!back.ok && back.message, 'Bara ett beslut som väntar på beslutsfattare kan skickas tillbaka.');
});

test('a decision decides its application and makes a case under investigation active only when it grants money', () => {
  assert.deepEqual(effectsOfDecision({ outcome: 'granted', amount: 100 }, { applicationStatus: 'inAssessment', caseStatus: 'investigation' }), { ok: true, application: 'decided', case: 'active' });
  assert.deepEqual(effectsOfDecision({ outcome: 'partlyRefused', amount: 100 }, { applicationStatus: 'inAssessment', caseStatus: 'active' }), { ok: true, application: 'decided', case: null });
  assert.deepEqual(effectsOfDecision({ outcome: 'refused', amount: 0 }, { applicationStatus: 'inAssessment', caseStatus: 'investigation' }), { ok: true, application: 'decided', case: null });
  assert.deepEqual(effectsOfDecision({ outcome: 'granted', amount: 0 }, { applicationStatus: 'registered', caseStatus: 'investigation' }), { ok: true, application: 'decided', case: null });
  assert.deepEqual(effectsOfDecision({ outcome: 'granted', amount: 100 }, { applicationStatus: 'decided', caseStatus: 'active' }), { ok: false, message: 'Ansökan är redan beslutad.' });
  assert.equal(effectsOfDecision({ outcome: 'refused', amount: 0 }, { applicationStatus: 'withdrawn', caseStatus: 'active' }).ok, false);
});

test('the calculation behind a decision is the current one, not older than the application, approved when required', () => {
  const current = { id: 'c2', createdAt: '2026-03-01T10:00:00.000Z', approvedAt: null };
  assert.equal(checkCalculationForDecision({ draftCalculationId: null, current: null, applicationUpdatedAt: null, fourEyesOnCalculation: true }).ok, true);
  assert.match(JSON.stringify(checkCalculationForDecision({ draftCalculationId: 'c1', current, applicationUpdatedAt: null, fourEyesOnCalculation: false })), /Beräkningen har ändrats/);
  assert.match(JSON.stringify(checkCalculationForDecision({ draftCalculationId: 'c2', current, applicationUpdatedAt: '2026-03-02T10:00:00.000Z', fourEyesOnCalculation: false })), /Beräkna igen/);
  assert.match(JSON.stringify(checkCalculationForDecision({ draftCalculationId: 'c2', current, applicationUpdatedAt: null, fourEyesOnCalculation: true })), /fyra ögon/);
  assert.equal(
    checkCalculationForDecision({ draftCalculationId: 'c2', current: { ...current, approvedAt: '2026-03-01T11:00:00.000Z' }, applicationUpdatedAt: null, fourEyesOnCalculation: true }).ok,
    true,
  );
});
