import type { PGlite } from '@electric-sql/pglite';
import { CompiledQuery, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type DatabaseConnection, type Dialect, type Driver, type Kysely, type QueryResult } from 'kysely';

/**
 * Kysely dialect for embedded PGlite. PGlite is one database session, so the driver hands out that single
 * connection to one user at a time (a FIFO lock). Kysely's bundled PGlite driver shares the connection between
 * concurrent callers, which lets an unrelated query run inside another request's transaction; this one does not.
 */
export class SerialPGliteDialect implements Dialect {
  constructor(private readonly pglite: PGlite) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new SerialPGliteDriver(this.pglite);
  }
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's Dialect interface takes a database of any schema.
  createIntrospector(db: Kysely<any>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

class SerialPGliteDriver implements Driver {
  private tail: Promise<void> = Promise.resolve();
  private readonly connection: PGliteConnection;
  private readonly releasers = new WeakMap<DatabaseConnection, () => void>();
  constructor(private readonly pglite: PGlite) {
    this.connection = new PGliteConnection(pglite);
  }
  async init() {
    await this.pglite.waitReady;
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    let release!: () => void;
    const previous = this.tail;
    this.tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    // Each acquisition gets its own handle so a late release cannot free someone else's turn.
    const handle = this.connection.handle();
    this.releasers.set(handle, release);
    return handle;
  }
  async releaseConnection(connection: DatabaseConnection) {
    const release = this.releasers.get(connection);
    this.releasers.delete(connection);
    release?.();
  }
  async beginTransaction(c: DatabaseConnection) {
    await c.executeQuery(CompiledQuery.raw('begin'));
  }
  async commitTransaction(c: DatabaseConnection) {
    await c.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(c: DatabaseConnection) {
    await c.executeQuery(CompiledQuery.raw('rollback'));
  }
  async savepoint(c: DatabaseConnection, name: string) {
    await c.executeQuery(CompiledQuery.raw(`savepoint ${name}`));
  }
  async rollbackToSavepoint(c: DatabaseConnection, name: string) {
    await c.executeQuery(CompiledQuery.raw(`rollback to savepoint ${name}`));
  }
  async releaseSavepoint(c: DatabaseConnection, name: string) {
    await c.executeQuery(CompiledQuery.raw(`release savepoint ${name}`));
  }
  async destroy() {
    if (!this.pglite.closed) await this.pglite.close();
  }
}

class PGliteConnection {
  constructor(private readonly pglite: PGlite) {}
  handle(): DatabaseConnection {
    const pglite = this.pglite;
    return {
      async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
        const result = await pglite.query<R>(compiled.sql, compiled.parameters as unknown[], { rowMode: 'object' });
        return {
          rows: result.rows ?? [],
          numAffectedRows: result.affectedRows != null ? BigInt(result.affectedRows) : undefined,
        };
      },
      // biome-ignore lint/correctness/useYield: Kysely expects an async iterator; this one fails on its first step.
      async *streamQuery(): AsyncIterableIterator<QueryResult<never>> {
        throw new Error('Strömmande frågor stöds inte av PGlite.');
      },
    };
  }
}
