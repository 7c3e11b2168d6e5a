/**
 * Demo content for the systemförvaltare's rule documents (/admin/regler): a draft of next year's guideline caps for
 * the demo municipality, copied from this year's with the rent caps raised 3 % (rounded to whole kronor), waiting to
 * be previewed and published. Nothing is published, so the demo's calculations keep the shipped rules.
 */
import { readFileSync, existsSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from '@vagen/db/schema.ts';
import { at } from './dates.ts';
import type { Rng } from './prng.ts';

const RULES_DIR = new URL('../../../packages/domain/rules/', import.meta.url);
const VERSION_FIELDS = ['kind', 'id', 'municipality', 'validFrom', 'validTo', 'source'];

export async function seedRuleDrafts(db: Kysely<Database>, options: { today: string; municipality: string; rng: Rng; createdBy: string }): Promise<void> {
  const year = Number(options.today.slice(0, 4));
  const documentId = `guidelines-${options.municipality}-${year}`;
  const file = new URL(`${documentId}.json`, RULES_DIR);
  if (!existsSync(file)) return;
  const doc = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> & { caps?: { rent?: { rows: { amount: number }[] } } };
  for (const row of doc.caps?.rent?.rows ?? []) row.amount = Math.round(row.amount * 1.03);
  doc.title = `Riktlinjer för skäliga kostnader, kommunkod ${options.municipality}, ${year + 1} (förslag)`;
  const data = Object.fromEntries(Object.entries(doc).filter(([k]) => !VERSION_FIELDS.includes(k)));
  const createdAt = at(options.today, 8, 30);
  await db
    .insertInto('rule_versions')
    .values({
      id: options.rng.uuid(),
      family: 'norm',
      kind: 'municipalGuidelines',
      document_id: documentId,
      municipality_code: options.municipality,
      valid_from: `${year + 1}-01-01`,
      valid_to: `${year + 1}-12-31`,
      source: `Förslag till socialnämnden: hyrestaken höjs med 3 procent från 1 januari ${year + 1} (exempel i demodata).`,
      data: JSON.stringify(data),
      status: 'draft',
      created_by: options.createdBy,
      created_at: createdAt,
      updated_at: createdAt,
    })
    .execute();
}
