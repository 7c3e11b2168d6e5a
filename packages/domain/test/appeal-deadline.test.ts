import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  addDaysIso,
  appealDeadline,
  appealTimeliness,
  canForwardAppeal,
  canReconsiderAppeal,
  canRecordLateOutcome,
  canWithdrawAppeal,
  checkChangeInFavour,
  deadlineDayOffReason,
  describeAppealTimeliness,
  easterSunday,
  presumedNotificationDate,
  previousSwedishWorkingDay,
  swedishPublicHolidays,
  weekdayIso,
} from '../src/index.ts';

test('Easter Sunday (Gregorian computus) for known years', () => {
  assert.equal(easterSunday(2024), '2024-03-31');
  assert.equal(easterSunday(2025), '2025-04-20');
  assert.equal(easterSunday(2026), '2026-04-05');
  assert.equal(easterSunday(2027), '2027-03-28');
  assert.equal(easterSunday(2038), '2038-04-25');
  assert.equal(easterSunday(2285), '2285-03-22');
});

test('Swedish public holidays 2026 (lag 1989:253)', () => {
  assert.deepEqual(
    [...swedishPublicHolidays(2026)],
    [
      ['2026-01-01', 'nyårsdagen'],
      ['2026-01-06', 'trettondedag jul'],
      ['2026-04-03', 'långfredagen'],
      ['2026-04-05', 'påskdagen'],
      ['2026-04-06', 'annandag påsk'],
      ['2026-05-01', 'första maj'],
      ['2026-05-14', 'Kristi himmelsfärdsdag'],
      ['2026-06-06', 'Sveriges nationaldag'],
      ['2026-05-24', 'pingstdagen'],
      ['2026-06-20', 'midsommardagen'],
      ['2026-10-31', 'alla helgons dag'],
      ['2026-12-25', 'juldagen'],
      ['2026-12-26', 'annandag jul'],
    ],
  );
  assert.equal(deadlineDayOffReason('2026-06-19'), 'midsommarafton');
  assert.equal(deadlineDayOffReason('2026-12-24'), 'julafton');
  assert.equal(deadlineDayOffReason('2026-12-31'), 'nyårsafton');
  assert.equal(deadlineDayOffReason('2026-03-14'), 'lördag');
  assert.equal(deadlineDayOffReason('2026-03-15'), 'söndag');
  assert.equal(deadlineDayOffReason('2026-03-16'), null);
  assert.equal(previousSwedishWorkingDay('2026-06-20'), '2026-06-18');
  assert.equal(previousSwedishWorkingDay('2026-03-27'), '2026-03-27');
});

test('three weeks end on the same weekday; an ordinary Tuesday stays', () => {
  const d = appealDeadline('2026-03-10');
  assert.equal(d.nominalLastDay, '2026-03-31');
  assert.equal(d.lastDay, '2026-03-31');
  assert.deepEqual(d.extendedOver, []);
});

test('received Friday 13 March 2026: three weeks is Good Friday, so the last day is Tuesday after Easter', () => {
  const d = appealDeadline('2026-03-13');
  assert.equal(d.nominalLastDay, '2026-04-03');
  assert.equal(d.lastDay, '2026-04-07');
  assert.deepEqual(
    d.extendedOver.map((s) => s.reason),
    ['långfredagen', 'lördag', 'påskdagen', 'annandag påsk'],
  );
});

test('received Monday 16 March 2026: three weeks is Easter Monday → Tuesday 7 April', () => {
  const d = appealDeadline('2026-03-16');
  assert.equal(d.nominalLastDay, '2026-04-06');
  assert.equal(d.lastDay, '2026-04-07');
  assert.deepEqual(d.extendedOver, [{ date: '2026-04-06', reason: 'annandag påsk' }]);
});

test('a weekend, midsommarafton and the Christmas days extend the period', () => {
  assert.equal(appealDeadline('2026-02-07').lastDay, '2026-03-02'); // Saturday → Monday
  assert.equal(appealDeadline('2026-05-29').lastDay, '2026-06-22'); // midsommarafton, midsommardagen, Sunday
  assert.equal(appealDeadline('2026-12-03').lastDay, '2026-12-28'); // julafton, juldagen, annandag jul (Saturday), Sunday
  assert.equal(appealDeadline('2026-12-10').lastDay, '2027-01-04'); // nyårsafton, nyårsdagen, weekend
});

test('timeliness: in time on the last day, late the day after; before notification counts as in time', () => {
  assert.equal(appealTimeliness('2026-04-07', '2026-03-13').inTime, true);
  const late = appealTimeliness('2026-04-08', '2026-03-13');
  assert.equal(late.inTime, false);
  assert.equal(late.daysLate, 1);
  assert.equal(appealTimeliness('2026-03-12', '2026-03-13').inTime, true);
  assert.match(describeAppealTimeliness(late), /1 dag för sent.*45 §/);
  assert.match(describeAppealTimeliness(appealTimeliness('2026-04-07', '2026-03-13')), /långfredagen.*i rätt tid/);
  assert.equal(presumedNotificationDate('2026-03-11', 2), '2026-03-13');
});

test('property: the last day is a working day, at least three weeks and at most a few days more', () => {
  const day = fc.integer({ min: 0, max: 365 * 30 }).map((n) => addDaysIso('2000-01-01', n));
  fc.assert(
    fc.property(day, (notified) => {
      const d = appealDeadline(notified);
      assert.equal(deadlineDayOffReason(d.lastDay), null);
      assert.ok(d.lastDay >= d.nominalLastDay);
      assert.ok(d.lastDay <= addDaysIso(d.nominalLastDay, 5));
      assert.equal(weekdayIso(d.nominalLastDay), weekdayIso(notified));
      // every skipped day is a day off, and nothing between the nominal and the last day is a working day
      for (let x = d.nominalLastDay; x < d.lastDay; x = addDaysIso(x, 1)) assert.notEqual(deadlineDayOffReason(x), null);
    }),
    { numRuns: 2000 },
  );
});

test('appeal state machine: omprövning before forwarding; late appeals need an outcome first', () => {
  assert.equal(canReconsiderAppeal({ status: 'registered', timely: true, lateOutcome: null }).ok, true);
  assert.equal(canReconsiderAppeal({ status: 'registered', timely: false, lateOutcome: null }).ok, false);
  assert.equal(canReconsiderAppeal({ status: 'registered', timely: false, lateOutcome: 'exception' }).ok, true);
  assert.equal(canForwardAppeal({ status: 'registered', timely: true, lateOutcome: null }).ok, false);
  assert.equal(canForwardAppeal({ status: 'reconsidered', timely: true, lateOutcome: null }).ok, true);
  assert.equal(canForwardAppeal({ status: 'forwarded', timely: true, lateOutcome: null }).ok, false);
  assert.equal(canRecordLateOutcome({ status: 'registered', timely: true, lateOutcome: null }).ok, false);
  assert.equal(canRecordLateOutcome({ status: 'registered', timely: false, lateOutcome: null }).ok, true);
  assert.equal(canRecordLateOutcome({ status: 'registered', timely: false, lateOutcome: 'exception' }).ok, false);
  assert.equal(canWithdrawAppeal({ status: 'reconsidered', timely: true, lateOutcome: null }).ok, true);
  assert.equal(canWithdrawAppeal({ status: 'forwarded', timely: true, lateOutcome: null }).ok, false);
});

test("omprövning may only change a decision in the person's favour", () => {
  const original = { outcome: 'partlyRefused' as const, amount: 500_000, periodStart: '2026-03-01', periodEnd: '2026-03-31' };
  assert.deepEqual(checkChangeInFavour(original, { ...original, outcome: 'granted', amount: 650_000 }), { ok: true });
  assert.equal(checkChangeInFavour(original, { ...original, amount: 400_000 }).ok, false);
  assert.equal(checkChangeInFavour(original, { ...original, outcome: 'refused', amount: 600_000 }).ok, false);
  assert.equal(checkChangeInFavour(original, { ...original, periodEnd: '2026-03-15', amount: 600_000 }).ok, false);
  const same = checkChangeInFavour(original, original);
  assert.equal(same.ok, false);
  assert.equal(same.ok === false && same.field, 'same');
});
