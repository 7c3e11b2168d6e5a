/** Test fixtures for the payments area: decided decisions inserted directly (decisions are made by another area). */
import { randomUUID } from 'node:crypto';
import { storeDocument } from '../src/documents/store.ts';
import type { World } from './harness.ts';

export interface DecisionFixture {
  caseId: string;
  amount: number;
  decidedBy: string | null;
  status?: string;
  periodStart?: string;
  periodEnd?: string;
  outcome?: 'granted' | 'partlyRefused' | 'refused' | 'dismissed';
  /** Default 2026-03-09T10:00:00.000Z. */
  decidedAt?: string;
  /** The repayment ground stated when granting (the draft's recoveryBasis). */
  recoveryBasis?: { legalReferenceId: string; text: string };
  /** Stores a (placeholder) decision letter, i.e. the decision was given in writing. */
  withLetter?: boolean;
}

export async function insertDecision(world: World, d: DecisionFixture): Promise<string> {
  const id = randomUUID();
  const db = world.handle.db;
  let letterId: string | null = null;
  if (d.withLetter) {
    const c = await db.selectFrom('cases').select('municipality_code').where('id', '=', d.caseId).executeTakeFirstOrThrow();
    letterId = await storeDocument(
      db,
      {
        caseId: d.caseId,
        municipality: c.municipality_code,
        kind: 'decisionLetter',
        title: 'Beslut om ekonomiskt bistånd',
        mimeType: 'application/pdf',
        content: Buffer.from('%PDF-1.4 test'),
        visibleToClient: true,
        related: { type: 'decision', id },
        createdBy: d.decidedBy,
        locked: true,
      },
      new Date(d.decidedAt ?? '2026-03-09T10:00:00.000Z'),
    );
  }
  await db
    .insertInto('decisions')
    .values({
      id,
      case_id: d.caseId,
      application_id: null,
      outcome: d.outcome ?? 'granted',
      period_start: d.periodStart ?? '2026-04-01',
      period_end: d.periodEnd ?? '2026-04-30',
      amount: d.amount,
      decided_by: d.decidedBy,
      decided_at: d.decidedAt ?? '2026-03-09T10:00:00.000Z',
      status: d.status ?? 'decided',
      recovery_basis: d.recoveryBasis ? JSON.stringify(d.recoveryBasis) : null,
      letter_document_id: letterId,
    })
    .execute();
  return id;
}

/** Adds a staff user (the harness password) with units; returns the id. */
export async function addStaff(world: World, username: string, role: string, unitIds: string[]): Promise<string> {
  const id = randomUUID();
  const hash = await world.handle.db.selectFrom('staff_users').select('password_hash').where('username', '=', 'nord').executeTakeFirstOrThrow();
  await world.handle.db
    .insertInto('staff_users')
    .values({
      id,
      municipality_code: '2281',
      username,
      display_name: `Test ${username}`,
      role,
      password_hash: hash.password_hash,
      employed_since: '2020-01-01',
    })
    .execute();
  for (const unit of unitIds) await world.handle.db.insertInto('staff_units').values({ user_id: id, unit_id: unit }).execute();
  return id;
}

/** Valid example accounts (check digits computed independently of the code under test). */
export const ACCOUNTS = {
  nordea: { kind: 'bankAccount', clearing: '3000', number: '1234560' },
  swedbank: { kind: 'bankAccount', clearing: '8327-9', number: '123 456 789-7' },
  handelsbanken: { kind: 'bankAccount', clearing: '6789', number: '123456789' },
  bankgiro: { kind: 'bankgiro', number: '5050-1055' },
  plusgiro: { kind: 'plusgiro', number: '47 89 01-2' },
  iban: { kind: 'iban', number: 'SE55 5000 0000 0512 3456 7890' },
} as const;
