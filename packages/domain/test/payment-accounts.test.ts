import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  CLEARING_RANGES,
  ibanMod97Valid,
  mod10Valid,
  mod11Valid,
  toIso20022Account,
  validateBankAccount,
  validateBankgiro,
  validatePaymentAccount,
  validatePlusgiro,
  validateSwedishIban,
} from '../src/index.ts';

// Check digits in the valid examples were computed independently (Python, weights written out by hand).
const ok = (r: ReturnType<typeof validateBankgiro>) => {
  if (!r.ok) assert.fail(`expected valid, got ${JSON.stringify(r.errors)}`);
  return r.account;
};
const bad = (r: ReturnType<typeof validateBankgiro>, field: 'clearing' | 'number', pattern: RegExp) => {
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.errors[0]!.field, field);
  assert.match(r.errors[0]!.message, pattern);
};

test('bankgiro: 7–8 digits with a mod 10 check digit', () => {
  assert.equal(ok(validateBankgiro('5050-1055')).number, '50501055');
  assert.equal(ok(validateBankgiro('5050-1055')).display, 'Bankgiro 5050-1055');
  assert.equal(ok(validateBankgiro('123-4566')).number, '1234566');
  assert.equal(ok(validateBankgiro('9912 3465')).number, '99123465');
  bad(validateBankgiro('5050-1056'), 'number', /kontrollsiffra/);
  bad(validateBankgiro('123456'), 'number', /7 eller 8 siffror/);
  bad(validateBankgiro('123456789'), 'number', /7 eller 8 siffror/);
  bad(validateBankgiro('5050-10A5'), 'number', /bara innehålla siffror/);
});

test('plusgiro: 2–8 digits with a mod 10 check digit', () => {
  assert.equal(ok(validatePlusgiro('47 89 01-2')).number, '4789012');
  assert.equal(ok(validatePlusgiro('1234-4')).display, 'Plusgiro 1234-4');
  bad(validatePlusgiro('4789013'), 'number', /kontrollsiffra/);
  bad(validatePlusgiro('1'), 'number', /2–8 siffror/);
  bad(validatePlusgiro('123456789'), 'number', /2–8 siffror/);
});

test('IBAN: Swedish only, 24 characters, mod 97', () => {
  assert.equal(ok(validateSwedishIban('SE55 5000 0000 0512 3456 7890')).number, 'SE5550000000051234567890');
  assert.equal(ok(validateSwedishIban('se98 8000 0832 7900 0001 2345')).number, 'SE9880000832790000012345');
  bad(validateSwedishIban('SE56 5000 0000 0512 3456 7890'), 'number', /kontrollsiffror/);
  bad(validateSwedishIban('SE55 5000 0000 0512 3456 789'), 'number', /22 siffror/);
  bad(validateSwedishIban('DE89370400440532013000'), 'number', /svenska IBAN/);
  bad(validateSwedishIban('1234'), 'number', /landskoden/);
  // A valid German IBAN passes the generic checksum but is refused as not Swedish.
  assert.equal(ibanMod97Valid('DE89370400440532013000'), true);
});

test('bank account type 1, comment 1: mod 11 over clearing digits 2–4 and the account', () => {
  const a = ok(validateBankAccount('3000', '1234560'));
  assert.equal(a.bankName, 'Nordea');
  assert.equal(a.clearing, '3000');
  assert.equal(ok(validateBankAccount('5000', '765 432-4')).bankName, 'SEB');
  assert.equal(ok(validateBankAccount('7000', '1112228')).bankName, 'Swedbank');
  bad(validateBankAccount('3000', '1234561'), 'number', /kontrollsiffra för Nordea\)/);
  bad(validateBankAccount('3000', '123456'), 'number', /7 siffror/);
});

test('Aion Bank (9580–9589) and Multitude Bank (9070–9079) are in the table as type 1, comment 1', () => {
  assert.equal(ok(validateBankAccount('9580', '6543218')).bankName, 'Aion Bank');
  assert.equal(ok(validateBankAccount('9589', '1234572')).bankName, 'Aion Bank');
  assert.equal(ok(validateBankAccount('9070', '7654327')).bankName, 'Multitude Bank');
  // Comment 1 leaves the first clearing digit out of the check: a wrong digit is caught, as for Nordea above.
  bad(validateBankAccount('9580', '6543219'), 'number', /kontrollsiffra för Aion Bank\)/);
  bad(validateBankAccount('9070', '7654328'), 'number', /kontrollsiffra för Multitude Bank\)/);
});

test('bank account type 1, comment 2: mod 11 over the whole clearing number and the account', () => {
  assert.equal(ok(validateBankAccount('9550', '1234566')).bankName, 'Avanza Bank');
  assert.equal(ok(validateBankAccount('9150', '6543210')).bankName, 'Skandiabanken');
  bad(validateBankAccount('9550', '1234567'), 'number', /kontrollsiffra/);
});

test('bank account type 2: Handelsbanken mod 11 (9 digits), Swedbank 8xxx mod 10, Nordea personkonto mod 10', () => {
  assert.equal(ok(validateBankAccount('6789', '123456789')).bankName, 'Handelsbanken');
  assert.equal(ok(validateBankAccount('6000', '987 654 322')).number, '987654322');
  bad(validateBankAccount('6000', '987654321'), 'number', /kontrollsiffra för Handelsbanken/);
  bad(validateBankAccount('6000', '1234567'), 'number', /9 siffror/);
  // Swedbank with the fifth clearing digit (8327-9: 9 is the mod 10 check digit of 8327).
  const sw = ok(validateBankAccount('8327-9', '123 456 789-7'));
  assert.equal(sw.clearing, '8327');
  assert.equal(sw.display, 'Swedbank 8327-9, 1234567897');
  assert.equal(ok(validateBankAccount('8327', '1234567897')).clearing, '8327');
  bad(validateBankAccount('8327-5', '1234567897'), 'clearing', /femte siffran/);
  bad(validateBankAccount('8327', '1234567898'), 'number', /kontrollsiffra/);
  assert.equal(ok(validateBankAccount('3300', '8504121230')).bankName, 'Nordea (personkonto)');
  bad(validateBankAccount('3300', '8504121231'), 'number', /kontrollsiffra/);
});

test('unknown and malformed clearing numbers are invalid with a clear Swedish message', () => {
  bad(validateBankAccount('0999', '1234567'), 'clearing', /finns inte i Vägens banktabell/);
  bad(validateBankAccount('9999', '1234567'), 'clearing', /finns inte i Vägens banktabell/);
  bad(validateBankAccount('', '1234567'), 'clearing', /Ange clearingnumret/);
  bad(validateBankAccount('12', '1234567'), 'clearing', /4 siffror/);
  bad(validateBankAccount('30A0', '1234567'), 'clearing', /bara innehålla siffror/);
  bad(validateBankAccount('3000', ''), 'number', /Ange kontonumret/);
});

test('the clearing table has no overlapping ranges', () => {
  const sorted = [...CLEARING_RANGES].sort((a, b) => a.from - b.from);
  for (let i = 1; i < sorted.length; i++) {
    assert.ok(sorted[i]!.from > sorted[i - 1]!.to, `${sorted[i - 1]!.bank} ${sorted[i - 1]!.from}–${sorted[i - 1]!.to} overlaps ${sorted[i]!.bank}`);
  }
});

test('validatePaymentAccount dispatches on kind and the file form follows the Swedish ISO 20022 conventions', () => {
  const bg = validatePaymentAccount({ kind: 'bankgiro', number: '5050-1055' });
  assert.ok(bg.ok);
  if (bg.ok) assert.deepEqual(toIso20022Account(bg.account), { otherId: '50501055', schemeProprietary: 'BGNR' });
  const pg = validatePaymentAccount({ kind: 'plusgiro', number: '4789012' });
  if (pg.ok) assert.deepEqual(toIso20022Account(pg.account), { otherId: '4789012', schemeProprietary: 'PGNR' });
  const bank = validatePaymentAccount({ kind: 'bankAccount', clearing: '3000', number: '1234560' });
  if (bank.ok) assert.deepEqual(toIso20022Account(bank.account), { otherId: '30001234560', schemeCode: 'BBAN' });
  const iban = validatePaymentAccount({ kind: 'iban', number: 'SE5550000000051234567890' });
  if (iban.ok) assert.deepEqual(toIso20022Account(iban.account), { iban: 'SE5550000000051234567890' });
});

test('property: changing one digit of a valid bankgiro makes it invalid (mod 10 catches every single-digit error)', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
      const digits = '5050105'.split('').map(Number);
      digits[pos] = (digits[pos]! + delta) % 10;
      return !mod10Valid(`${digits.join('')}5`);
    }),
  );
});

test('property: mod 11 catches every single-digit error in a type 1 account', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
      const digits = '0001234560'.split('').map(Number);
      digits[pos] = (digits[pos]! + delta) % 10;
      return !mod11Valid(digits.join(''));
    }),
  );
});
