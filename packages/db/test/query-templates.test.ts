import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { createTestDatabase, queryTemplate, type Database, type DatabaseHandle } from '../src/index.ts';

let h: DatabaseHandle;
before(async () => {
  h = await createTestDatabase();
  await h.db
    .insertInto('municipalities')
    .values([
      { code: '9001', name: 'Ett' },
      { code: '9002', name: 'Två' },
      { code: '9003', name: 'Tre' },
    ])
    .execute();
});
after(async () => {
  await h.close();
});

const byCodes = queryTemplate((db: Kysely<Database>, v: { codes: string[]; exclude: string | undefined; limit: number }) => {
  let q = db
    .selectFrom('municipalities')
    .select('name')
    .where('code', '=', sql<string>`any(${sql.val(v.codes)}::text[])`);
  if (v.exclude !== undefined) q = q.where('code', '!=', v.exclude);
  return q.orderBy('code').limit(v.limit);
});

test('a query template binds new values to the SQL built once per shape', async () => {
  const run = async (codes: string[], exclude: string | undefined, limit: number) =>
    (await h.db.executeQuery(byCodes(h.db, exclude === undefined ? 'all' : 'exclude', { codes, exclude, limit }))).rows.map((r) => r.name);
  assert.deepEqual(await run(['9001', '9002'], undefined, 10), ['Ett', 'Två']);
  assert.deepEqual(await run(['9001', '9002', '9003'], undefined, 2), ['Ett', 'Två'], 'a longer array bound to the same text');
  assert.deepEqual(await run(['9003'], undefined, 10), ['Tre']);
  assert.deepEqual(await run(['9001', '9002', '9003'], '9002', 10), ['Ett', 'Tre']);
  assert.deepEqual(await run(['9002'], '9001', 10), ['Två']);
});

test('a template that computes with a value instead of binding it is refused', () => {
  const computed = queryTemplate((db: Kysely<Database>, v: { limit: number; offset: number }) =>
    db
      .selectFrom('municipalities')
      .select('name')
      .limit(v.limit + v.offset),
  );
  assert.throws(() => computed(h.db, 'x', { limit: 1, offset: 2 }), /transformed/);
  const inlined = queryTemplate((db: Kysely<Database>, v: { code: string }) =>
    db
      .selectFrom('municipalities')
      .select('name')
      .where(sql<boolean>`code = ${sql.lit(v.code)}`),
  );
  assert.throws(() => inlined(h.db, 'x', { code: '9001' }), /SQL text/);
});
