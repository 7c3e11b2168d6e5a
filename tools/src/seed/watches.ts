import type { Kysely } from 'kysely';
import type { Database } from '@vagen/db/schema.ts';
import { addDays, at } from './dates.ts';
import { Rng } from './prng.ts';

const TEXTS = [
  'Kontrollera att hyresavin för nästa månad har kommit in',
  'Följ upp planeringen med Arbetsförmedlingen',
  'Begär in kontoutdrag för de tre senaste månaderna',
  'Stäm av läkarintyget innan det går ut',
];

/**
 * Watches (bevakningar) on the open cases, so that the demo's queues and start pages show dated reminders: for each
 * responsible worker, one that fell due yesterday and one due in ten days, on their first two open cases. Its own
 * PRNG stream, so the households' data stays the same.
 */
export async function seedWatches(db: Kysely<Database>, options: { seed: number; today: string }): Promise<void> {
  const rng = new Rng(options.seed + 17);
  const cases = await db
    .selectFrom('cases')
    .select(['id', 'responsible_worker_id'])
    .where('status', 'in', ['active', 'investigation'])
    .where('responsible_worker_id', 'is not', null)
    .orderBy('case_number')
    .execute();
  const perWorker = new Map<string, string[]>();
  for (const c of cases) {
    const list = perWorker.get(c.responsible_worker_id!) ?? [];
    if (list.length < 2) perWorker.set(c.responsible_worker_id!, [...list, c.id]);
  }
  const rows = [...perWorker].flatMap(([worker, ids]) =>
    ids.map((caseId, i) => ({
      id: rng.uuid(),
      case_id: caseId,
      due_on: addDays(options.today, i === 0 ? -1 : 10),
      text: TEXTS[rng.int(0, TEXTS.length - 1)]!,
      owner_id: worker,
      created_by: worker,
      created_at: at(addDays(options.today, -14), 9, 0),
      done_at: null,
      done_by: null,
      done_note: null,
    })),
  );
  if (rows.length) await db.insertInto('watches').values(rows).execute();
}
