/**
 * Deterministic demo data for Vägen: the demo municipality "Vägby kommun (demo)", its two units, twelve staff
 * accounts covering every role, and `households` synthetic households with years of case history.
 * Same seed + same `today` → the same rows, byte for byte.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '@vagen/db/schema.ts';
import type { StaffRole } from '@vagen/domain/roles.ts';
import { addDays, at, parseDate, yearsBefore } from './dates.ts';
import { emptyBatch, generateHousehold, type GeneratorContext, type RowBatch, type SeedStaffUser, type SpecialHousehold } from './generate.ts';
import { insertRows } from './insert.ts';
import { seedKassa } from './kassa.ts';
import { Rng } from './prng.ts';
import { seedRuleDrafts } from './rules.ts';
import { seedWatches } from './watches.ts';
import { DEMO_MUNICIPALITY, DEMO_PASSWORD, DEMO_STAFF, UNIT_CONTACTS, UNIT_NAMES, type UnitKey } from './staff.ts';

export { DEMO_MUNICIPALITY, DEMO_PASSWORD, DEMO_STAFF, UNIT_NORD, UNIT_SYD } from './staff.ts';

export interface SeedOptions {
  /** Number of households (≥ 300 for a realistic demo; 10 000+ for benchmarks). */
  households: number;
  /** PRNG seed; default 2281. */
  seed?: number;
  /** The day the history ends, YYYY-MM-DD. Nothing is dated later (apart from planned payments). */
  today: string;
  /** argon2id hash of DEMO_PASSWORD, computed once by the caller; stored for every demo account. */
  passwordHash: string;
  /** Households generated and written per transaction; default 500. */
  batchSize?: number;
  /** Called after each batch has been written. */
  onProgress?: (householdsWritten: number, households: number) => void;
}

export interface DemoStaffLogin {
  username: string;
  password: string;
  role: StaffRole;
  displayName: string;
  units: string[];
}

export interface DemoClientLogin {
  personnummer: string;
  name: string;
  note: string;
}

export interface DemoLogins {
  municipality: { code: string; name: string };
  staff: DemoStaffLogin[];
  clients: DemoClientLogin[];
}

/**
 * Above this many households the history is capped (1–3 instead of 1–5 years, fewer journal entries per case)
 * so that benchmark databases of 10 000+ households seed quickly.
 */
export const COMPACT_ABOVE = 1000;

const TABLE_ORDER: (keyof RowBatch)[] = ['persons', 'households', 'household_members', 'protected_access', 'cases', 'case_status_history', 'applications', 'decisions', 'payments', 'journal_entries'];

const CLIENT_NOTES: Record<SpecialHousehold, string> = {
  clientNord: 'Ensamstående, aktuell i Nord (handläggare: handlaggare.nord)',
  clientSyd: 'Familj med barn, aktuell i Syd (handlaggare.syd, ekonomi)',
  protected: 'Skyddade personuppgifter, Nord – syns bara för handlaggare.nord',
};

/** Seeds an empty, migrated database. Throws if the demo municipality already exists. */
export async function seedDemo(db: Kysely<Database>, options: SeedOptions): Promise<DemoLogins> {
  const { today, passwordHash } = options;
  parseDate(today);
  if (!Number.isInteger(options.households) || options.households < 0) throw new Error('households måste vara ett heltal ≥ 0');
  if (!passwordHash) throw new Error('passwordHash saknas');
  const rng = new Rng(options.seed ?? 2281);
  const batchSize = options.batchSize ?? 500;

  // Organisation and staff.
  const unitIds: Record<UnitKey, string> = { nord: rng.uuid(), syd: rng.uuid() };
  const staff: Record<string, SeedStaffUser> = {};
  const staffRows = DEMO_STAFF.map((s) => {
    const employedSince = s.newlyEmployed ? addDays(today, -rng.int(21, 42)) : addDays(yearsBefore(today, rng.int(1, 14)), -rng.int(0, 364));
    const id = rng.uuid();
    staff[s.username] = { id, username: s.username, employedSince };
    return {
      id,
      municipality_code: DEMO_MUNICIPALITY.code,
      username: s.username,
      display_name: s.displayName,
      role: s.role,
      password_hash: passwordHash,
      employed_since: employedSince,
      active: true,
      failed_logins: 0,
      locked_until: null,
      created_at: at(employedSince, 7, 0),
    };
  });
  const staffUnitRows = DEMO_STAFF.flatMap((s) => s.units.map((u) => ({ user_id: staff[s.username]!.id, unit_id: unitIds[u] })));

  await db.transaction().execute(async (tx) => {
    await tx.insertInto('municipalities').values({ code: DEMO_MUNICIPALITY.code, name: DEMO_MUNICIPALITY.name }).execute();
    await tx
      .insertInto('units')
      .values([
        { id: unitIds.nord, municipality_code: DEMO_MUNICIPALITY.code, name: UNIT_NAMES.nord, ...UNIT_CONTACTS.nord },
        { id: unitIds.syd, municipality_code: DEMO_MUNICIPALITY.code, name: UNIT_NAMES.syd, ...UNIT_CONTACTS.syd },
      ])
      .execute();
    await tx.insertInto('staff_users').values(staffRows).execute();
    await tx.insertInto('staff_units').values(staffUnitRows).execute();
  });

  const ctx: GeneratorContext = {
    rng,
    today,
    nowIso: at(today, 9, 0),
    municipalityCode: DEMO_MUNICIPALITY.code,
    unitIds,
    staff,
    compact: options.households > COMPACT_ABOVE,
    usedPersonnummer: new Set(),
    caseNumberSeq: new Map(),
    emailSeq: 0,
  };

  // The special households come first so that they exist even in small databases.
  const specials: SpecialHousehold[] = ['clientNord', 'clientSyd', 'protected'];
  const clients: DemoClientLogin[] = [];
  // Generation of the next batch overlaps with writing the previous one (a real gain with a PostgreSQL server).
  let writing: Promise<void> = Promise.resolve();
  for (let start = 0; start < options.households; start += batchSize) {
    const batch = emptyBatch();
    const end = Math.min(options.households, start + batchSize);
    for (let i = start; i < end; i++) {
      const special = specials[i];
      // Yield now and then so that the previous batch's statements go out while this one is generated.
      if (i % 25 === 24) await new Promise<void>((resolve) => setImmediate(resolve));
      const generated = generateHousehold(ctx, batch, special);
      if (special) {
        const p = generated.applicant;
        clients.push({ personnummer: p.personnummer, name: `${p.first_name} ${p.last_name}`, note: CLIENT_NOTES[special] });
      }
    }
    await writing;
    writing = db
      .transaction()
      .execute(async (tx) => {
        for (const table of TABLE_ORDER) await insertRows(tx, table, batch[table]);
      })
      .then(() => options.onProgress?.(end, options.households));
    // Keep a rejected write from being reported as unhandled while the next batch is generated.
    writing.catch(() => undefined);
  }
  await writing;
  await seedRuleDrafts(db, { today, municipality: DEMO_MUNICIPALITY.code, rng, createdBy: staff.systemforvaltare!.id });
  // The kassa's history and waiting proposals (their own PRNG, so the households above stay as they were).
  await seedKassa(db, {
    rng: new Rng((options.seed ?? 2281) + 1),
    today,
    municipality: DEMO_MUNICIPALITY.code,
    unitIds,
    staffIds: Object.fromEntries(Object.entries(staff).map(([username, s]) => [username, s.id])),
  });
  await seedWatches(db, { seed: options.seed ?? 2281, today });
  // Fresh planner statistics: without them PostgreSQL plans the case list for empty tables (nested loops over
  // thousands of rows), and PGlite has no autovacuum that would ever analyze. Vacuum sets the visibility map, so the
  // case-list counts are index-only from the first request instead of after autovacuum gets round to it.
  await sql`vacuum analyze`.execute(db);

  return {
    municipality: { code: DEMO_MUNICIPALITY.code, name: DEMO_MUNICIPALITY.name },
    staff: DEMO_STAFF.map((s) => ({
      username: s.username,
      password: DEMO_PASSWORD,
      role: s.role,
      displayName: s.displayName,
      units: s.units.map((u) => UNIT_NAMES[u]),
    })),
    clients,
  };
}
