/** The calendar: Swedish dates of instants, around midnight and across the summer-time changes. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  addDaysIso,
  addMonthsIso,
  daysBetweenIso,
  endOfSwedishDay,
  formatSwedishDate,
  formatSwedishMonth,
  isIsoDate,
  monthBounds,
  plainDate,
  startOfSwedishDay,
  subtractMonthsFromInstant,
  swedishDate,
  swedishInstant,
  swedishMonth,
  wallClock,
  weekdayIso,
  wholeYearsBetween,
} from '../src/calendar.ts';

test('23:30 UTC is the next day in Sweden, winter and summer', () => {
  // Winter time (UTC+1): 23:30Z on 28 March 2026 is 00:30 on 29 March.
  assert.equal(swedishDate(new Date('2026-03-28T23:30:00Z')), '2026-03-29');
  assert.equal(swedishDate('2026-03-28T23:30:00Z'), '2026-03-29');
  assert.equal(swedishDate(new Date('2026-03-28T22:59:59Z')), '2026-03-28');
  // Summer time (UTC+2): 22:00Z is already midnight.
  assert.equal(swedishDate(new Date('2026-07-14T21:59:59Z')), '2026-07-14');
  assert.equal(swedishDate(new Date('2026-07-14T22:00:00Z')), '2026-07-15');
  // New Year's Eve in UTC is New Year's Day in Sweden: the year of a case number follows.
  assert.equal(swedishDate(new Date('2026-12-31T23:30:00Z')), '2027-01-01');
  assert.equal(swedishMonth(new Date('2026-12-31T23:30:00Z')), '2027-01');
});

test('a plain date is not an instant: swedishDate refuses it instead of shifting it', () => {
  assert.throws(() => swedishDate('2026-03-29'), RangeError);
  assert.throws(() => swedishDate(new Date('nonsense')), RangeError);
});

test('summer time starts on the last Sunday of March and ends on the last Sunday of October', () => {
  // 29 March 2026: clocks go from 02:00 to 03:00 (01:00Z).
  assert.equal(startOfSwedishDay('2026-03-29').toISOString(), '2026-03-28T23:00:00.000Z');
  assert.equal(endOfSwedishDay('2026-03-29').toISOString(), '2026-03-29T21:59:59.999Z');
  assert.equal(wallClock(new Date('2026-03-29T00:59:00Z')).hour, 1);
  assert.equal(wallClock(new Date('2026-03-29T01:00:00Z')).hour, 3);
  // The skipped hour moves forward to the first real time.
  assert.equal(swedishInstant('2026-03-29', 2, 30).toISOString(), '2026-03-29T01:30:00.000Z');
  // 25 October 2026: 03:00 becomes 02:00 again (01:00Z); the day has 25 hours.
  assert.equal(startOfSwedishDay('2026-10-25').toISOString(), '2026-10-24T22:00:00.000Z');
  assert.equal(endOfSwedishDay('2026-10-25').toISOString(), '2026-10-25T22:59:59.999Z');
  // 02:30 happens twice; the earlier (summer time) is taken.
  assert.equal(swedishInstant('2026-10-25', 2, 30).toISOString(), '2026-10-25T00:30:00.000Z');
  assert.equal(swedishDate(new Date('2026-10-25T22:30:00Z')), '2026-10-25');
  assert.equal(swedishDate(new Date('2026-10-25T23:00:00Z')), '2026-10-26');
});

test('every instant lies within the Swedish day it is dated by', () => {
  fc.assert(
    fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), (ms) => {
      const at = new Date(ms);
      const day = swedishDate(at);
      assert.ok(startOfSwedishDay(day).getTime() <= ms && ms <= endOfSwedishDay(day).getTime(), `${at.toISOString()} → ${day}`);
    }),
    { numRuns: 2000 },
  );
});

test('date arithmetic', () => {
  assert.equal(addDaysIso('2026-02-28', 1), '2026-03-01');
  assert.equal(addDaysIso('2028-02-28', 1), '2028-02-29');
  assert.equal(addMonthsIso('2026-01-31', 1), '2026-02-28');
  assert.equal(addMonthsIso('2026-03-31', -1), '2026-02-28');
  assert.equal(daysBetweenIso('2026-03-28', '2026-03-30'), 2);
  assert.equal(daysBetweenIso('2026-03-30', '2026-03-28'), -2);
  assert.equal(weekdayIso('2026-03-29'), 0, 'a Sunday');
  assert.equal(weekdayIso('2026-03-30'), 1);
  assert.deepEqual(monthBounds('2026-02'), { first: '2026-02-01', last: '2026-02-28' });
  assert.deepEqual(monthBounds('2028-02'), { first: '2028-02-01', last: '2028-02-29' });
  assert.equal(wholeYearsBetween('2020-03-11', '2026-03-10'), 5);
  assert.equal(wholeYearsBetween('2020-03-10', '2026-03-10'), 6);
  assert.equal(wholeYearsBetween('2027-01-01', '2026-03-10'), 0);
});

test('only real dates are dates', () => {
  assert.equal(isIsoDate('2026-02-28'), true);
  assert.equal(isIsoDate('2026-02-29'), false);
  assert.equal(isIsoDate('2028-02-29'), true);
  assert.equal(isIsoDate('2026-13-01'), false);
  assert.equal(isIsoDate('2026-1-01'), false);
  assert.throws(() => plainDate('2026-02-30'), RangeError);
  assert.throws(() => addDaysIso('2026-02-30', 1), RangeError);
});

test('months back from an instant count Swedish calendar months', () => {
  // 00:30 on 1 June in Sweden (22:30Z on 31 May): three months back is 00:30 on 1 March, not 28 February.
  assert.equal(swedishDate(subtractMonthsFromInstant(new Date('2026-05-31T22:30:00Z'), 3)), '2026-03-01');
});

test('Swedish text', () => {
  assert.equal(formatSwedishDate('2026-11-23'), '23 november 2026');
  assert.equal(formatSwedishDate(new Date('2026-03-28T23:30:00Z')), '29 mars 2026');
  assert.equal(formatSwedishMonth('2026-03'), 'mars 2026');
});
