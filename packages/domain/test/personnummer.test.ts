import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { formatPersonnummer, luhnCheckDigit, makePersonnummer, parsePersonnummer } from '../src/index.ts';

const TODAY = '2026-11-23';

test('accepts the usual written forms and returns the canonical 12 digits', () => {
  const pnr = makePersonnummer('1985-04-12', 123);
  const ten = pnr.slice(2);
  for (const input of [pnr, `${pnr.slice(0, 8)}-${pnr.slice(8)}`, ten, `${ten.slice(0, 6)}-${ten.slice(6)}`, ` ${pnr} `]) {
    const r = parsePersonnummer(input, TODAY);
    assert.ok(r.ok, input);
    assert.equal(r.value.value, pnr);
    assert.equal(r.value.birthDate, '1985-04-12');
  }
  assert.equal(formatPersonnummer(pnr), `${pnr.slice(0, 8)}-${pnr.slice(8)}`);
});

test('a known real-format example: 811218-9876 is valid (Skatteverket example)', () => {
  const r = parsePersonnummer('811218-9876', TODAY);
  assert.ok(r.ok);
  assert.equal(r.value.value, '198112189876');
  assert.equal(r.value.legalSex, 'M');
});

test('century: the short form means the latest past year; + means 100 years more', () => {
  const young = makePersonnummer('2020-01-15', 123);
  assert.equal((parsePersonnummer(young.slice(2), TODAY) as { ok: true; value: { birthDate: string } }).value.birthDate, '2020-01-15');
  const old = makePersonnummer('1920-01-15', 123);
  const plus = `${old.slice(2, 8)}+${old.slice(8)}`;
  assert.equal((parsePersonnummer(plus, TODAY) as { ok: true; value: { birthDate: string } }).value.birthDate, '1920-01-15');
  // Born later this year in 1926, not in the future in 2026.
  const late = makePersonnummer('1926-12-24', 123);
  assert.equal((parsePersonnummer(late.slice(2), TODAY) as { ok: true; value: { birthDate: string } }).value.birthDate, '1926-12-24');
});

test('samordningsnummer: day + 60', () => {
  const s = makePersonnummer('1992-07-14', 384, true);
  assert.equal(s.slice(6, 8), '74');
  const r = parsePersonnummer(s, TODAY);
  assert.ok(r.ok);
  assert.equal(r.value.samordningsnummer, true);
  assert.equal(r.value.birthDate, '1992-07-14');
});

test('refuses wrong checksum, impossible dates, future births and bad shapes with Swedish reasons', () => {
  const good = makePersonnummer('1985-04-12', 123);
  const badCheck = good.slice(0, 11) + String((Number(good[11]) + 1) % 10);
  const expectations: [string, RegExp][] = [
    [badCheck, /Kontrollsiffran/],
    [`19850230${good.slice(8)}`, /giltigt datum/],
    [`19851301${good.slice(8)}`, /giltigt datum/],
    [makePersonnummer('2027-01-01', 123), /framtiden/],
    ['1985-04-12', /ÅÅÅÅMMDD-NNNN/],
    ['', /ÅÅÅÅMMDD-NNNN/],
    [`${good.slice(0, 8)}+${good.slice(8)}`, /Plustecken/],
  ];
  for (const [input, message] of expectations) {
    const r = parsePersonnummer(input, TODAY);
    assert.equal(r.ok, false, input);
    assert.match((r as { message: string }).message, message, input);
  }
  assert.equal(parsePersonnummer(12345, TODAY).ok, false);
});

test('leap days: 29 February only in leap years', () => {
  assert.ok(parsePersonnummer(makePersonnummer('2000-02-29', 123), TODAY).ok);
  const fake = '19010229' + '1234';
  assert.equal(parsePersonnummer(fake, TODAY).ok, false);
});

test('property: every generated number is valid, and changing any one digit makes it invalid', () => {
  fc.assert(
    fc.property(
      fc.date({ min: new Date('1900-01-01'), max: new Date('2026-11-01'), noInvalidDate: true }),
      fc.integer({ min: 0, max: 999 }),
      fc.boolean(),
      fc.integer({ min: 2, max: 11 }),
      fc.integer({ min: 1, max: 9 }),
      (date, serial, samordning, position, delta) => {
        const iso = date.toISOString().slice(0, 10);
        const pnr = makePersonnummer(iso, serial, samordning);
        const parsed = parsePersonnummer(pnr, TODAY);
        assert.ok(parsed.ok, pnr);
        assert.equal(parsed.value.birthDate, iso);
        const digits = pnr.split('');
        digits[position] = String((Number(digits[position]) + delta) % 10);
        const changed = digits.join('');
        // Luhn catches every single-digit change in the last ten digits.
        assert.equal(parsePersonnummer(changed, TODAY).ok, false, changed);
      },
    ),
    { numRuns: 2000 },
  );
  assert.equal(luhnCheckDigit('811218987'), 6);
});
