import { sql, type Kysely } from 'kysely';
import type { Database } from '@vagen/db/schema.ts';

/**
 * Multi-row insert of many rows at a time. The rows travel as one JSON parameter that PostgreSQL expands with
 * json_populate_recordset, so a statement of thousands of rows needs no thousands of bind parameters; columns
 * missing from the rows (e.g. bigserial ids) get their defaults.
 */
export async function insertRows(db: Kysely<Database>, table: keyof Database & string, rows: readonly object[], chunkSize = 2000): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const columnList = sql.join(columns.map((c) => sql.ref(c)));
  for (let i = 0; i < rows.length; i += chunkSize) {
    const json = JSON.stringify(rows.slice(i, i + chunkSize));
    await sql`insert into ${sql.table(table)} (${columnList}) select ${columnList} from json_populate_recordset(null::${sql.table(table)}, ${json}::json)`.execute(db);
  }
}
