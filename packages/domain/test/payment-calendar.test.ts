import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { addBankingDays, bankingDayOffReason, checkChosenPaymentDate, easterSunday, isBankingDay, onOrBeforeBankingDay, plannedPaymentDate, type PaymentDateRule } from '../src/index.ts';

const RULE: PaymentDateRule = { ordinary: { dayOfMonth: 27, monthOffset: -1 }, acute: { bankingDaysFromToday: 0 }, leadBankingDays: 0 };

test('Easter Sunday (known dates)', () => {
  assert.equal(easterSunday(2000), '2000-04-23');
  assert.equal(easterSunday(2019), '2019-04-21');
  assert.equal(easterSunday(2024), '2024-03-31');
  assert.equal(easterSunday(2025), '2025-04-20');
  assert.equal(easterSunday(2026), '2026-04-05');
  assert.equal(easterSunday(2027), '2027-03-28');
});

test('banking days: weekends, public holidays (Easter-based too) and the bank eves are not banking days', () => {
  const off: [string, RegExp][] = [
    ['2026-01-01', /nyårsdagen/],
    ['2026-01-06', /trettondedag/],
    ['2026-04-03', /långfredagen/],
    ['2026-04-06', /annandag påsk/],
    ['2026-05-01', /första maj/],
    ['2026-05-14', /himmelsfärd/],
    ['2026-06-19', /midsommarafton/],
    ['2026-12-24', /julafton/],
    ['2026-12-25', /juldagen/],
    ['2026-12-26', /annandag jul/],
    ['2026-12-31', /nyårsafton/],
    ['2026-03-14', /lördag/],
    ['2026-03-15', /söndag/],
    ['2025-06-06', /nationaldag/],
    ['2025-06-20', /midsommarafton/],
  ];
  for (const [date, why] of off) {
    assert.equal(isBankingDay(date), false, date);
    assert.match(bankingDayOffReason(date) ?? '', why, date);
  }
  for (const date of ['2026-03-10', '2026-04-02', '2026-04-07', '2026-05-13', '2026-06-18', '2026-12-23', '2026-12-30', '2026-06-22']) {
    assert.equal(isBankingDay(date), true, date);
  }
});

test('payment date: day 27 of the month before the period, on a banking day', () => {
  const p = plannedPaymentDate(RULE, { periodStart: '2026-04-01', today: '2026-03-10', timing: 'ordinary' });
  assert.deepEqual({ date: p.date, basis: p.basis }, { date: '2026-03-27', basis: 'rule' });
  assert.equal(plannedPaymentDate(RULE, { periodStart: '2026-06-01', today: '2026-03-10', timing: 'ordinary' }).date, '2026-05-27');
});

test('payment date: moved back over weekend and Christmas (27 Dec 2025 is a Saturday; 24–26 Dec are off)', () => {
  const p = plannedPaymentDate(RULE, { periodStart: '2026-01-01', today: '2025-12-01', timing: 'ordinary' });
  assert.equal(p.date, '2025-12-23');
  assert.equal(p.basis, 'moved');
  assert.match(p.explanation, /lördag/);
});

test('payment date: moved back over Easter (27 Mar 2027 is a Saturday, 26 Mar is Långfredagen)', () => {
  const p = plannedPaymentDate(RULE, { periodStart: '2027-04-01', today: '2027-03-01', timing: 'ordinary' });
  assert.equal(p.date, '2027-03-25');
  assert.equal(p.basis, 'moved');
});

test('payment date: when the rule day has passed, as soon as possible; acute = next banking day', () => {
  const late = plannedPaymentDate(RULE, { periodStart: '2026-03-01', today: '2026-03-10', timing: 'ordinary' });
  assert.deepEqual({ date: late.date, basis: late.basis }, { date: '2026-03-10', basis: 'late' });
  // Långfredagen 2026: Saturday, Påskdagen and Annandag påsk follow → Tuesday 7 April.
  const acute = plannedPaymentDate(RULE, { periodStart: '2026-04-01', today: '2026-04-03', timing: 'acute' });
  assert.deepEqual({ date: acute.date, basis: acute.basis }, { date: '2026-04-07', basis: 'asap' });
  const withLead = plannedPaymentDate({ ...RULE, leadBankingDays: 2 }, { periodStart: '2026-03-01', today: '2026-03-12', timing: 'ordinary' });
  assert.equal(withLead.date, '2026-03-16');
});

test('payment date: a day that does not exist in the month is the last day of that month', () => {
  const p = plannedPaymentDate({ ...RULE, ordinary: { dayOfMonth: 31, monthOffset: -1 } }, { periodStart: '2026-03-01', today: '2026-01-10', timing: 'ordinary' });
  assert.equal(p.date, '2026-02-27'); // 28 Feb 2026 is a Saturday
});

test('a date chosen by the caseworker must be a banking day and not in the past', () => {
  assert.match(checkChosenPaymentDate(RULE, '2026-03-14', '2026-03-10') ?? '', /inte en bankdag \(lördag\)/);
  assert.match(checkChosenPaymentDate(RULE, '2026-03-09', '2026-03-10') ?? '', /Tidigaste möjliga/);
  assert.equal(checkChosenPaymentDate(RULE, '2026-03-11', '2026-03-10'), null);
});

test('property: the planned date is always a banking day, never before today, and never after the rule day when that is possible', () => {
  const day = fc.integer({ min: 0, max: 365 * 6 }).map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
  fc.assert(
    fc.property(day, day, fc.boolean(), (today, periodDay, acute) => {
      const periodStart = `${periodDay.slice(0, 7)}-01`;
      const p = plannedPaymentDate(RULE, { periodStart, today, timing: acute ? 'acute' : 'ordinary' });
      return isBankingDay(p.date) && p.date >= today && ((p.basis !== 'rule' && p.basis !== 'moved') || p.date === onOrBeforeBankingDay(p.date));
    }),
    { numRuns: 500 },
  );
  assert.equal(addBankingDays('2026-12-23', 1), '2026-12-28');
});
