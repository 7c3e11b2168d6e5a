import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database } from '@vagen/db';
import { HttpProblem } from '../errors.ts';
import type { RequestActor } from '../context.ts';

export interface AuditEvent {
  action: string;
  targetType: string;
  targetId?: string | null;
  caseId?: string | null;
  personId?: string | null;
  purpose?: string | null;
  outcome: 'success' | 'denied' | 'failed';
}

type AuditRow = Insertable<Database['audit_log']>;

/**
 * Appends one audit record. Throws 503 when it cannot be written: callers write the record before they return
 * personal data, so a read that cannot be logged is never served (lag 2001:454 10 §).
 *
 * Inside a transaction the record is written in that transaction, so a write and its record commit together.
 * Outside one (reads), records from concurrent requests are written together (see AuditWriter); each caller still
 * waits until its own record is committed.
 */
export async function audit(db: Kysely<Database>, actor: RequestActor | null, at: Date, event: AuditEvent): Promise<void> {
  const row: AuditRow = {
    at: at.toISOString(),
    actor_kind: actor ? actor.kind : 'anonymous',
    actor_id: actor ? (actor.kind === 'staff' ? actor.userId : actor.personId) : null,
    actor_role: actor?.kind === 'staff' ? actor.role : actor ? 'client' : null,
    action: event.action,
    target_type: event.targetType,
    target_id: event.targetId ?? null,
    case_id: event.caseId ?? null,
    person_id: event.personId ?? null,
    purpose: event.purpose ?? null,
    outcome: event.outcome,
  };
  try {
    if (db.isTransaction) await db.insertInto('audit_log').values(row).execute();
    else await writerFor(db).write(row);
  } catch {
    throw new HttpProblem(503, 'AUDIT_UNAVAILABLE', 'Uppgifterna kan inte visas just nu eftersom åtkomsten inte kan loggas. Försök igen om en stund.');
  }
}

const AUDIT_COLUMNS = [
  ['at', 'timestamptz'],
  ['actor_kind', 'text'],
  ['actor_id', 'uuid'],
  ['actor_role', 'text'],
  ['action', 'text'],
  ['target_type', 'text'],
  ['target_id', 'text'],
  ['case_id', 'uuid'],
  ['person_id', 'uuid'],
  ['purpose', 'text'],
  ['outcome', 'text'],
] as const satisfies readonly (readonly [keyof AuditRow, string])[];

/** One statement text for any number of rows (arrays, not a VALUES list), so it is prepared once per connection. */
function insertMany(db: Kysely<Database>, rows: AuditRow[]) {
  const columns = sql.join(AUDIT_COLUMNS.map(([c]) => sql.ref(c)));
  const arrays = sql.join(AUDIT_COLUMNS.map(([c, type]) => sql`${sql.val(rows.map((r) => r[c] ?? null))}::${sql.raw(type)}[]`));
  return sql`insert into audit_log (${columns}) select * from unnest(${arrays})`.execute(db);
}

const writers = new WeakMap<Kysely<Database>, AuditWriter>();
function writerFor(db: Kysely<Database>): AuditWriter {
  let writer = writers.get(db);
  if (!writer) {
    writer = new AuditWriter(db);
    writers.set(db, writer);
  }
  return writer;
}

/**
 * Group commit for audit records of reads: while an insert is on its way to the database, records that arrive are
 * queued and then written as one multi-row insert. Under load this turns one durable commit per read into one per
 * batch; with no load a record is written at once. If a batch fails, its records are retried one by one, so one bad
 * record cannot refuse the others' reads.
 */
class AuditWriter {
  private queue: { row: AuditRow; done: (error?: unknown) => void }[] = [];
  private inFlight = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly maxInFlight = 2,
    private readonly maxBatch = 500,
  ) {}

  write(row: AuditRow): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row, done: (error) => (error === undefined ? resolve() : reject(error)) });
      if (this.inFlight < this.maxInFlight) void this.flush();
    });
  }

  private async flush() {
    this.inFlight++;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          await insertMany(
            this.db,
            batch.map((b) => b.row),
          );
          for (const b of batch) b.done();
        } catch (error) {
          if (batch.length === 1) batch[0]!.done(error);
          else {
            await Promise.all(
              batch.map((b) =>
                this.db
                  .insertInto('audit_log')
                  .values(b.row)
                  .execute()
                  .then(
                    () => b.done(),
                    (e: unknown) => b.done(e ?? error),
                  ),
              ),
            );
          }
        }
      }
    } finally {
      this.inFlight--;
    }
  }
}

/** Best effort for denials: a denied request is refused whether or not its record could be written. */
export async function auditDenied(db: Kysely<Database>, actor: RequestActor | null, at: Date, event: Omit<AuditEvent, 'outcome'>): Promise<void> {
  try {
    await audit(db, actor, at, { ...event, outcome: 'denied' });
  } catch {
    /* the request is refused anyway */
  }
}
