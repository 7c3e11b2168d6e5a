import { swedishDate } from '@vagen/domain';
import { startVagen, type RunningVagen, type StartOptions } from '../../packages/server/src/start.ts';
import { hashPassword } from '../../packages/server/src/auth/passwords.ts';
import { seedDemo, type DemoLogins } from './seed/index.ts';

export interface DemoOptions extends Omit<StartOptions, 'beforeListen'> {
  /** Households seeded into an empty database (default 300). */
  households?: number;
  seed?: number;
  /** Day the demo history ends (default: today in Europe/Stockholm). */
  today?: string;
}

export type RunningDemo = RunningVagen & { demoLogins: DemoLogins; seeded: boolean };


/**
 * Vägen with demo data: seeds an empty database deterministically, then serves. A database that already holds
 * the demo keeps its data (and its logins are read back), so restarts lose nothing.
 */
export async function startDemo(options: DemoOptions): Promise<RunningDemo> {
  let demoLogins: DemoLogins | null = null;
  let seeded = false;
  const running = await startVagen({
    ...options,
    async beforeListen({ db }) {
      const stored = await db.selectFrom('installation_settings').select('value').where('key', '=', 'demoLogins').executeTakeFirst();
      if (stored) {
        demoLogins = stored.value as DemoLogins;
        return;
      }
      const existing = await db.selectFrom('municipalities').select('code').limit(1).executeTakeFirst();
      if (existing) throw new Error('Databasen innehåller redan data som inte är demodata; demodata läggs inte in.');
      const passwordHash = await hashPassword('Demo-vagen-2026');
      demoLogins = await seedDemo(db, { households: options.households ?? 300, seed: options.seed, today: options.today ?? swedishDate(new Date()), passwordHash });
      await db.insertInto('installation_settings').values({ key: 'demoLogins', value: JSON.stringify(demoLogins) }).execute();
      seeded = true;
    },
  });
  return Object.assign(running, { demoLogins: demoLogins!, seeded });
}
