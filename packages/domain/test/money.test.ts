import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatKronor, kronorInputText, parseKronor, MAX_AMOUNT_ORE } from '../src/money.ts';

test('formatKronor writes Swedish kronor with plain spaces and öre only when there are any', () => {
  assert.equal(formatKronor(391000), '3 910 kr');
  assert.equal(formatKronor(123456), '1 234,56 kr');
  assert.equal(formatKronor(-5000), '−50 kr');
  assert.equal(formatKronor(5), '0,05 kr');
  assert.equal(formatKronor(0), '0 kr');
  assert.equal(formatKronor(123456789012), '1 234 567 890,12 kr');
});

test('formatKronor in English writes the amount the English way', () => {
  assert.equal(formatKronor(123400, 'en').replace(/\s/g, ' '), 'SEK 1,234');
  assert.equal(formatKronor(123450, 'en').replace(/\s/g, ' '), 'SEK 1,234.50');
});

test('parseKronor reads what people type, exactly, and refuses the rest', () => {
  assert.equal(parseKronor('6 500'), 650000);
  assert.equal(parseKronor('6 500 kr'), 650000);
  assert.equal(parseKronor('6500,5'), 650050);
  assert.equal(parseKronor('6500.05'), 650005);
  assert.equal(parseKronor('0,29'), 29); // 0.29 * 100 is 28.999… in floating point
  assert.equal(parseKronor(''), null);
  assert.equal(parseKronor('', { empty: 'zero' }), 0);
  assert.equal(parseKronor('-50'), null);
  assert.equal(parseKronor('−50', { allowNegative: true }), -5000);
  assert.equal(parseKronor('12,345'), null);
  assert.equal(parseKronor('tolv'), null);
  assert.equal(parseKronor('10000001'), null);
  assert.equal(parseKronor('10000000'), MAX_AMOUNT_ORE);
});

test('an amount written for an input reads back as the same öre', () => {
  fc.assert(
    fc.property(fc.integer({ min: -MAX_AMOUNT_ORE, max: MAX_AMOUNT_ORE }), (ore) => {
      assert.equal(parseKronor(kronorInputText(ore), { allowNegative: true }), ore);
      assert.equal(parseKronor(formatKronor(ore), { allowNegative: true }), ore);
    }),
  );
});
