import type { Kysely } from 'kysely';
import type { Database } from '@vagen/db';
import { swedishDate, parsePersonnummer } from '@vagen/domain';
import { randomToken, sha256 } from './sessions.ts';

/**
 * A client's electronic identification, shaped like OpenID Connect's authorization-code flow so that an e-ID
 * broker (BankID/Freja through the municipality's broker) can replace the local test provider without other changes.
 */
export interface EidProvider {
  readonly name: string;
  /** Where to send the browser to identify the person. */
  authorizationUrl(params: { state: string; nonce: string; redirectUri: string }): string;
  /** Exchanges the one-time code for the identified person; null when the code is unknown, used or expired. */
  exchangeCode(code: string, nonce: string, now: Date): Promise<{ personnummer: string } | null>;
}

const CODE_LIFETIME_MS = 5 * 60_000;

/**
 * Local test e-ID ("Test-legitimering"): a page on this server where a tester types a personnummer. It plays
 * BankID's role in development, demos and tests only; production configures an OIDC e-ID broker instead.
 */
export class LocalTestEid implements EidProvider {
  readonly name = 'local-test-eid';
  constructor(private readonly db: Kysely<Database>) {}

  authorizationUrl({ state, nonce, redirectUri }: { state: string; nonce: string; redirectUri: string }): string {
    const q = new URLSearchParams({ response_type: 'code', client_id: 'vagen', state, nonce, redirect_uri: redirectUri, scope: 'openid' });
    return `/eid/authorize?${q.toString()}`;
  }

  /** Called by the test page after the tester "identified" with a personnummer. */
  async issueCode(personnummerInput: string, nonce: string, now: Date): Promise<{ ok: true; code: string } | { ok: false; message: string }> {
    const parsed = parsePersonnummer(personnummerInput, swedishDate(now));
    if (!parsed.ok) return { ok: false, message: parsed.message };
    const code = randomToken();
    await this.db
      .insertInto('eid_codes')
      .values({ code_hash: sha256(code), personnummer: parsed.value.value, nonce, created_at: now.toISOString(), used_at: null })
      .execute();
    return { ok: true, code };
  }

  async exchangeCode(code: string, nonce: string, now: Date): Promise<{ personnummer: string } | null> {
    const hash = sha256(code);
    // Single use: the update succeeds once.
    const row = await this.db
      .updateTable('eid_codes')
      .set({ used_at: now.toISOString() })
      .where('code_hash', '=', hash)
      .where('used_at', 'is', null)
      .where('created_at', '>', new Date(now.getTime() - CODE_LIFETIME_MS).toISOString())
      .returning(['personnummer', 'nonce'])
      .executeTakeFirst();
    if (!row || row.nonce !== nonce) return null;
    return { personnummer: row.personnummer };
  }
}
