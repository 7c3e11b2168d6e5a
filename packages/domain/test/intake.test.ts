import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  derivedChecklistItemMessage,
  INTAKE_CHECKLIST_FACTS,
  isIntakeChecklistFact,
  type IntakeChecklistFacts,
  type IntakeChecklists,
  canDoIntakeAction,
  caseWeight,
  describeHeavyRule,
  checkVisitTime,
  intakeChecklistGateMessage,
  intakeDeadline,
  intakeStatusAfter,
  subtractMonthsFromInstant,
  interviewToNormInput,
  isIntakeOverdue,
  isNewStaff,
  isWithinReopenPeriod,
  missingIntakeChecklistItems,
  validateIntakeInterview,
  yearsOfExperience,
  type IntakeInterview,
  type IntakeSettings,
} from '../src/index.ts';

const settings: Pick<IntakeSettings, 'deadlineDays' | 'visitHours' | 'heavyCase'> = {
  deadlineDays: { acute: 2, ordinary: 14 },
  visitHours: { timeZone: 'Europe/Stockholm', weekdays: [1, 2, 3, 4, 5], from: '08:00', to: '17:00' },
  heavyCase: { minChildren: 3, protectedIdentity: true, assistanceMonths: 10, assistanceWindowMonths: 12 },
};

test('deadlines: acute 2 calendar days, ordinary from configuration; overdue only while open', () => {
  const received = new Date('2026-03-10T09:00:00Z');
  assert.equal(intakeDeadline(received, 'acute', settings).toISOString(), '2026-03-12T09:00:00.000Z');
  assert.equal(intakeDeadline(received, 'ordinary', settings).toISOString(), '2026-03-24T09:00:00.000Z');
  const deadline = new Date('2026-03-12T09:00:00Z');
  assert.equal(isIntakeOverdue(deadline, new Date('2026-03-12T09:01:00Z'), false), true);
  assert.equal(isIntakeOverdue(deadline, new Date('2026-03-12T09:01:00Z'), true), false);
  assert.equal(isIntakeOverdue(deadline, new Date('2026-03-11T09:00:00Z'), false), false);
});

test('visit times: future, weekday, 08–17 Stockholm time, also across the change to summer time', () => {
  const now = new Date('2026-03-10T09:00:00Z');
  const h = settings.visitHours;
  assert.equal(checkVisitTime(new Date('2026-03-12T09:30:00Z'), now, h), null); // Thu 10:30 CET
  assert.match(checkVisitTime(new Date('2026-03-10T08:00:00Z'), now, h)!, /passerat/);
  assert.match(checkVisitTime(new Date('2026-03-14T09:30:00Z'), now, h)!, /vardag/);
  assert.match(checkVisitTime(new Date('2026-03-12T06:59:00Z'), now, h)!, /08:00 och 17:00/); // 07:59
  assert.equal(checkVisitTime(new Date('2026-03-12T07:00:00Z'), now, h), null); // 08:00
  assert.equal(checkVisitTime(new Date('2026-03-12T16:00:00Z'), now, h), null); // 17:00
  assert.match(checkVisitTime(new Date('2026-03-12T16:01:00Z'), now, h)!, /08:00 och 17:00/);
  // 1 April is summer time (UTC+2): 06:30 UTC = 08:30 local is fine, 15:30 UTC = 17:30 is not.
  assert.equal(checkVisitTime(new Date('2026-04-01T06:30:00Z'), now, h), null);
  assert.notEqual(checkVisitTime(new Date('2026-04-01T15:30:00Z'), now, h), null);
  assert.equal(checkVisitTime(new Date('nonsense'), now, h), 'Ange en giltig tidpunkt.');
});

test('checklists: the gate lists the required items not ticked, in Swedish', () => {
  const checklists = {
    stages: {
      beforeBooking: [
        { key: 'a', label: 'Identitet', required: true },
        { key: 'b', label: 'Tolk', required: false },
        { key: 'c', label: 'Intervju', required: true },
      ],
      beforeHandover: [],
    },
  };
  const none = Object.fromEntries(INTAKE_CHECKLIST_FACTS.map((f) => [f, false])) as IntakeChecklistFacts;
  const missing = missingIntakeChecklistItems(checklists, 'beforeBooking', { beforeBooking: { a: { by: 'u', at: 't' } } }, none);
  assert.deepEqual(
    missing.map((m) => m.key),
    ['c'],
  );
  assert.equal(intakeChecklistGateMessage('beforeBooking', missing), 'Nybesöket kan inte bokas förrän checklistan är klar. Detta saknas: Intervju.');
  assert.deepEqual(missingIntakeChecklistItems(checklists, 'beforeHandover', {}, none), []);
});

test('checklists: a derived point follows its fact; a tick on it counts for nothing', () => {
  const checklists = {
    stages: {
      beforeBooking: [
        { key: 'identity', label: 'Identitet', required: true },
        { key: 'interview', label: 'Intervju', required: true, derivedFrom: 'interviewSaved' as const },
      ],
      beforeHandover: [],
    },
  };
  const none = Object.fromEntries(INTAKE_CHECKLIST_FACTS.map((f) => [f, false])) as IntakeChecklistFacts;
  const ticked = { beforeBooking: { identity: { by: 'u', at: 't' }, interview: { by: 'u', at: 't' } } };
  assert.deepEqual(
    missingIntakeChecklistItems(checklists, 'beforeBooking', ticked, none).map((m) => m.key),
    ['interview'],
    'an old hand tick does not stand in for the interview',
  );
  assert.deepEqual(missingIntakeChecklistItems(checklists, 'beforeBooking', { beforeBooking: { identity: { by: 'u', at: 't' } } }, { ...none, interviewSaved: true }), []);
  assert.match(derivedChecklistItemMessage(checklists.stages.beforeBooking[1]!), /hämtas från ärendet/);
});

test('checklists: every derivedFrom in the configuration names a fact the server computes', () => {
  const doc = JSON.parse(readFileSync(new URL('../rules/casework/intake-checklists-2281.json', import.meta.url), 'utf8')) as IntakeChecklists;
  const derived = Object.values(doc.stages).flatMap((items) => items.filter((i) => i.derivedFrom !== undefined));
  assert.ok(derived.length >= 5);
  for (const item of derived) assert.ok(isIntakeChecklistFact(item.derivedFrom!), `${item.key}: ${item.derivedFrom}`);
});

test('status machine: open contacts move forward; handed-over and referred ones are read-only', () => {
  assert.equal(intakeStatusAfter('registered', 'interview'), 'interviewed');
  assert.equal(intakeStatusAfter('booked', 'interview'), 'booked');
  assert.equal(intakeStatusAfter('interviewed', 'book'), 'booked');
  assert.equal(canDoIntakeAction('booked', 'handOver').ok, true);
  const no = canDoIntakeAction('handedOver', 'book');
  assert.equal(no.ok, false);
  assert.match(!no.ok ? no.message : '', /redan överlämnad/);
  assert.equal(canDoIntakeAction('referred', 'tick').ok, false);
});

test('heavy cases and new staff (configurable rule)', () => {
  const rule = settings.heavyCase;
  assert.deepEqual(caseWeight({ children: 2, protectedIdentity: false, assistanceMonths: 9 }, rule), { heavy: false, reasons: [] });
  assert.deepEqual(caseWeight({ children: 3, protectedIdentity: true, assistanceMonths: 10 }, rule).reasons, ['manyChildren', 'protectedIdentity', 'longTermAssistance']);
  assert.equal(caseWeight({ children: 0, protectedIdentity: true, assistanceMonths: 0 }, { ...rule, protectedIdentity: false }).heavy, false);
  assert.equal(describeHeavyRule(rule), 'Ett ärende räknas som tungt vid något av: minst 3 barn i hushållet, skyddade personuppgifter, bistånd minst 10 av de senaste 12 månaderna.');
  assert.match(describeHeavyRule({ ...rule, assistanceMonths: 12 }), /bistånd varje månad de senaste 12 månaderna/);
  assert.equal(isNewStaff('2025-09-11', '2026-03-10', 6), true);
  assert.equal(isNewStaff('2025-09-10', '2026-03-10', 6), false);
  assert.equal(yearsOfExperience('2020-03-11', '2026-03-10'), 5);
  assert.equal(yearsOfExperience('2020-03-10', '2026-03-10'), 6);
  assert.equal(yearsOfExperience('2027-01-01', '2026-03-10'), 0);
});

test('reopen period: within N calendar months of closure, month ends clamped', () => {
  const now = new Date('2026-05-31T12:00:00Z');
  // 14:00 in Stockholm (summer time) three months back is 14:00 on 28 February (winter time), 13:00 UTC.
  assert.equal(subtractMonthsFromInstant(now, 3).toISOString(), '2026-02-28T13:00:00.000Z');
  assert.equal(isWithinReopenPeriod(new Date('2026-03-01T00:00:00Z'), now, 3), true);
  assert.equal(isWithinReopenPeriod(new Date('2026-02-27T00:00:00Z'), now, 3), false);
  assert.equal(isWithinReopenPeriod(new Date('2026-06-01T00:00:00Z'), now, 3), false, 'not in the future');
});

const interview: IntakeInterview = {
  need: 'Mat',
  ownEfforts: '',
  address: { line: '', postalCode: '', city: '' },
  housing: { tenure: 'firstHand', monthlyCost: 650000, note: '' },
  household: {
    coApplicant: true,
    children: [
      { birthDate: '2020-05-01', lunchAtPreschool: true },
      { birthDate: '2012-01-01', daysAtHome: 15 },
    ],
  },
  family: '',
  otherPersonsAtAddress: { present: false, note: '' },
  ownership: { car: false, company: false, tenantOwnedFlat: false, note: '' },
  earlierAssistance: { received: false, where: '', when: '' },
  incomes: [
    { type: 'salary', person: 'coApplicant', amount: 1200000 },
    { type: 'childAllowance', person: 'applicant', amount: 0 },
  ],
  otherCosts: [{ type: 'electricity', amount: 40000 }],
};

test('the interview becomes the engine input: household, rent, other costs and incomes', () => {
  assert.deepEqual(interviewToNormInput(interview, '2026-03', '2281'), {
    month: '2026-03',
    municipality: '2281',
    adults: [
      { id: 'sokande', role: 'applicant' },
      { id: 'medsokande', role: 'coApplicant' },
    ],
    children: [
      { id: 'barn1', birthDate: '2020-05-01', lunchAtPreschool: true },
      { id: 'barn2', birthDate: '2012-01-01', daysAtHome: 15 },
    ],
    costs: [
      { type: 'rent', amount: 650000 },
      { type: 'electricity', amount: 40000 },
    ],
    incomes: [{ type: 'salary', person: 'medsokande', amount: 1200000 }],
  });
});

test('interview validation: dates, children under 21, incomes of a co-applicant who is not there', () => {
  assert.deepEqual(validateIntakeInterview(interview, '2026-03-10'), []);
  const bad = { ...interview, need: ' ', household: { coApplicant: false, children: [{ birthDate: '2026-02-30' }, { birthDate: '2027-01-01' }, { birthDate: '2005-03-10' }] } };
  assert.deepEqual(
    validateIntakeInterview(bad, '2026-03-10').map((e) => e.path),
    ['/household/children/0/birthDate', '/household/children/1/birthDate', '/household/children/2/birthDate', '/incomes/0/person', '/need'],
  );
});
