/** Display formatting used by the web app (money in öre, times in Europe/Stockholm) and the message catalogue. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate, formatDateTime, formatMoney, formatMonth, stockholmLocalToIso, todayInStockholm } from '../src/format.ts';
import { MESSAGES, translate, translateCode } from '../src/i18n/messages.ts';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

test('belopp i öre visas som kronor med svensk formatering', () => {
  assert.equal(plain(formatMoney(123_400)), '1 234 kr');
  assert.equal(plain(formatMoney(123_450)), '1 234,50 kr');
  assert.equal(plain(formatMoney(0)), '0 kr');
  assert.equal(plain(formatMoney(-5_000)), '−50 kr');
  assert.equal(formatMoney(null), '–');
});

test('tider visas i svensk tid, också över sommartidsskiftet', () => {
  assert.equal(formatDateTime('2026-01-15T09:30:00Z'), '2026-01-15 10:30');
  assert.equal(formatDateTime('2026-07-15T09:30:00Z'), '2026-07-15 11:30');
  assert.equal(formatDate('2026-12-31T23:30:00Z'), '2027-01-01');
  assert.equal(formatDate('2026-03-05'), '2026-03-05');
  assert.equal(formatMonth('2026-03'), 'mars 2026');
  assert.equal(todayInStockholm(new Date('2026-06-30T22:30:00Z')), '2026-07-01');
});

test('datum och tid från ett formulär (svensk tid) blir rätt UTC-tid', () => {
  assert.equal(stockholmLocalToIso('2026-01-15T10:30'), '2026-01-15T09:30:00.000Z');
  assert.equal(stockholmLocalToIso('2026-07-15T10:30'), '2026-07-15T08:30:00.000Z');
  assert.equal(stockholmLocalToIso('2026-10-25T12:00'), '2026-10-25T11:00:00.000Z');
  assert.equal(stockholmLocalToIso('2026-03-29T12:00'), '2026-03-29T10:00:00.000Z');
  assert.equal(stockholmLocalToIso('inte ett datum'), null);
});

test('meddelandekatalogen har samma nycklar på svenska, engelska och arabiska', () => {
  const keys = Object.keys(MESSAGES.sv).sort();
  for (const lang of ['en', 'ar'] as const) {
    assert.deepEqual(Object.keys(MESSAGES[lang]).sort(), keys, lang);
    for (const k of keys) assert.ok(MESSAGES[lang][k as keyof typeof MESSAGES.sv].trim(), `${lang}: ${k} är tom`);
  }
  assert.equal(translate('sv', 'start.greeting', { name: 'Anna' }), 'Hej Anna!');
  assert.equal(translateCode('ar', 'status', 'closed', 'Avslutat'), 'مُغلق');
  assert.equal(translateCode('en', 'status', 'okänd-kod', 'Okänd'), 'Okänd');
});
