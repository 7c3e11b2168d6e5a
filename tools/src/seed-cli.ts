/**
 * npm run seed -- [--households N] [--seed S] [--today YYYY-MM-DD] [--data-dir DIR]
 * Migrates the database (DATABASE_URL, or embedded PGlite in --data-dir / DATA_DIR, default ./data) and fills it
 * with the demo municipality, its staff accounts and N synthetic households. Prints the row counts and the logins.
 */
import { swedishDate } from '@vagen/domain';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { connect, migrateToLatest } from '@vagen/db';
import { hashPassword } from '@vagen/server/auth/passwords.ts';
import { DEMO_MUNICIPALITY, DEMO_PASSWORD, seedDemo } from './seed/index.ts';

const COUNTED_TABLES = [
  'staff_users',
  'persons',
  'households',
  'household_members',
  'cases',
  'case_status_history',
  'applications',
  'decisions',
  'payments',
  'journal_entries',
  'protected_access',
] as const;

async function main() {
  const { values } = parseArgs({
    options: {
      households: { type: 'string', default: '300' },
      seed: { type: 'string', default: '2281' },
      today: { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('Användning: npm run seed -- [--households 300] [--seed 2281] [--today ÅÅÅÅ-MM-DD] [--data-dir ./data]\nMed DATABASE_URL satt används den PostgreSQL-servern i stället för PGlite.');
    return;
  }
  const households = Number(values.households);
  const seed = Number(values.seed);
  if (!Number.isInteger(households) || households < 0) throw new Error('--households måste vara ett heltal ≥ 0');
  if (!Number.isInteger(seed)) throw new Error('--seed måste vara ett heltal');
  const today = values.today ?? swedishDate(new Date());
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = databaseUrl ? undefined : (values['data-dir'] ?? process.env.DATA_DIR ?? './data');

  const handle = await connect({ databaseUrl, dataDir });
  try {
    const migrated = await migrateToLatest(handle.db);
    if (migrated.length) console.log(`Migreringar körda: ${migrated.join(', ')}`);
    const existing = await handle.db.selectFrom('municipalities').select('code').where('code', '=', DEMO_MUNICIPALITY.code).executeTakeFirst();
    if (existing) throw new Error(`Databasen innehåller redan ${DEMO_MUNICIPALITY.name}. Använd en tom databas.`);
    const where = databaseUrl ? `PostgreSQL (${new URL(databaseUrl).pathname.slice(1) || 'postgres'})` : `PGlite i ${dataDir}`;
    console.log(`Skapar demodata: ${households} hushåll, frö ${seed}, idag ${today}, ${where}`);
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const started = performance.now();
    let lastReport = performance.now();
    const onProgress = (done: number, total: number) => {
      if (performance.now() - lastReport < 5000 || done === total) return;
      lastReport = performance.now();
      console.log(`  … ${done} av ${total} hushåll`);
    };
    const logins = await seedDemo(handle.db, { households, seed, today, passwordHash, onProgress });
    const seconds = (performance.now() - started) / 1000;
    for (const table of COUNTED_TABLES) {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(handle.db);
      console.log(`  ${table.padEnd(22)} ${String(rows[0]?.n ?? 0).padStart(9)}`);
    }
    console.log(`Klart på ${seconds.toFixed(1)} s.`);
    console.log(`\nPersonal (lösenord ${DEMO_PASSWORD}):`);
    for (const s of logins.staff) console.log(`  ${s.username.padEnd(18)} ${s.role.padEnd(20)} ${s.displayName.padEnd(16)} ${s.units.join(', ') || '–'}`);
    console.log('\nSökande (Mina sidor, test-e-legitimation):');
    for (const c of logins.clients) console.log(`  ${c.personnummer}  ${c.name.padEnd(24)} ${c.note}`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
