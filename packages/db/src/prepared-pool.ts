import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/**
 * Runs Kysely's queries on a PostgreSQL server as named prepared statements, one per distinct SQL text and
 * connection, so that the server parses and plans a hot query once per connection instead of on every request
 * (planning the case-list queries costs more than running them).
 *
 * Kysely produces the same text for the same query shape, with the values as parameters, so the number of texts
 * is small; each connection still prepares at most `maxPerConnection` of them and runs the rest unnamed, so a
 * stream of one-off texts cannot grow the server's memory. Only plain DML is prepared, never DDL or transaction
 * control.
 */
export function preparingPool(pool: pg.Pool, maxPerConnection = 500): PostgresPool {
  const prepared = new WeakMap<pg.PoolClient, Set<string>>();
  // Names by text, remembered for the texts that are prepared anyway (a Map lookup is cheaper than a hash).
  const names = new Map<string, string>();
  const nameOf = (text: string) => {
    let name = names.get(text);
    if (name === undefined) {
      name = `k${createHash('sha1').update(text).digest('base64url')}`;
      if (names.size < maxPerConnection * 4) names.set(text, name);
    }
    return name;
  };
  return {
    options: pool.options,
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      let known = prepared.get(client);
      if (!known) {
        known = new Set();
        prepared.set(client, known);
      }
      return {
        query: ((textOrCursor: unknown, values?: readonly unknown[]) => {
          if (typeof textOrCursor !== 'string') return client.query(textOrCursor as never);
          const text = textOrCursor;
          if (!PREPARABLE.test(text)) return client.query(text, values as unknown[]);
          const name = nameOf(text);
          if (!known.has(name)) {
            if (known.size >= maxPerConnection) return client.query(text, values as unknown[]);
            known.add(name);
          }
          return client.query({ name, text, values: values as unknown[] });
        }) as unknown as PostgresPoolClient['query'],
        release: (destroy?: boolean) => client.release(destroy),
      };
    },
    end: () => pool.end(),
  };
}

const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;
