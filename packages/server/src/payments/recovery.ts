/**
 * Återkrav register (SoL 2025:400 33 kap.; old SoL 9 kap. 1–2 §§, RULES.md §4): a claim on a case with its basis from
 * configuration, an optional related decision, amount and decided date, and a ledger (claimed, repaid, written off,
 * adjusted) with a running balance that never goes below zero. Every entry has actor and time and is audit-logged.
 */
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '@vagen/db';
import {
  RECOVERY_ENTRY_KINDS, RECOVERY_ENTRY_LABELS, RECOVERY_STATE_LABELS, applyRecoveryEntry, hasCapability, recoveryStateOf,
} from '@vagen/domain';
import { audit } from '../audit.ts';
import { guardCase } from '../cases/guard.ts';
import { notFound, ValidationFailure, type FieldError } from '../errors.ts';
import { newId } from '../ids.ts';
import { IdParams, stockholmDay } from './common.ts';
import { recoveryBases } from './settings.ts';

const Note = Type.String({ minLength: 1, maxLength: 2000 });

const NewClaimBody = Type.Object({
  basis: Type.String({ minLength: 1, maxLength: 60, description: 'Kod ur konfigurationen (recoveryBases)' }),
  decisionId: Type.Optional(Type.String({ format: 'uuid' })),
  amount: Type.Integer({ minimum: 1, maximum: 1_000_000_000, description: 'öre' }),
  decidedDate: Type.String({ format: 'date' }),
  description: Type.Optional(Note),
}, { additionalProperties: false });

const LedgerBody = Type.Object({
  kind: Type.Union(RECOVERY_ENTRY_KINDS.map((k) => Type.Literal(k))),
  amount: Type.Integer({ minimum: -1_000_000_000, maximum: 1_000_000_000, description: 'öre; bara en justering kan vara negativ' }),
  entryDate: Type.String({ format: 'date' }),
  note: Type.Optional(Note),
}, { additionalProperties: false });

async function claimsJson(db: Kysely<Database>, where: { caseId?: string; id?: string }, bases: Map<string, string>) {
  let q = db.selectFrom('recovery_claims as r').innerJoin('staff_users as s', 's.id', 'r.created_by').selectAll('r').select('s.display_name').orderBy('r.created_at', 'desc');
  if (where.caseId) q = q.where('r.case_id', '=', where.caseId);
  if (where.id) q = q.where('r.id', '=', where.id);
  const claims = await q.execute();
  if (!claims.length) return [];
  const ledger = await db.selectFrom('recovery_ledger_entries as e').innerJoin('staff_users as s', 's.id', 'e.created_by')
    .selectAll('e').select('s.display_name').where('e.claim_id', 'in', claims.map((c) => c.id)).orderBy('e.seq').execute();
  return claims.map((c) => {
    const balance = Number(c.balance);
    const state = recoveryStateOf(balance);
    return {
      id: c.id, caseId: c.case_id, basis: c.basis, basisLabel: bases.get(c.basis) ?? c.basis, legalReference: c.legal_reference, decisionId: c.decision_id,
      amount: Number(c.amount), decidedDate: c.decided_date, description: c.description, balance, state, stateLabel: RECOVERY_STATE_LABELS[state],
      createdAt: c.created_at, createdByName: c.display_name,
      ledger: ledger.filter((e) => e.claim_id === c.id).map((e) => ({
        id: e.id, kind: e.kind, kindLabel: RECOVERY_ENTRY_LABELS[e.kind], amount: Number(e.amount), entryDate: e.entry_date, note: e.note,
        balanceAfter: Number(e.balance_after), createdAt: e.created_at, createdByName: e.display_name,
      })),
    };
  });
}

export async function recoveryRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  const basesFor = (municipality: string, date: string) => recoveryBases(municipality, date).bases;

  r.get('/api/v1/cases/:id/recovery-claims', {
    schema: { tags: ['återkrav'], summary: 'Återkrav i ärendet med reskontra och saldo', params: IdParams },
  }, async (request) => {
    const caseId = request.params.id;
    const { actor, facts } = await guardCase(app, request, caseId, 'recoveryClaim.list');
    const now = deps.now();
    await audit(deps.db, actor, now, { action: 'recoveryClaim.list', targetType: 'case', targetId: caseId, caseId, personId: facts.applicantPersonId, outcome: 'success' });
    const bases = basesFor(facts.municipality, stockholmDay(now));
    return {
      items: await claimsJson(deps.db, { caseId }, new Map(bases.map((b) => [b.code, b.label]))),
      bases: bases.map((b) => ({ code: b.code, label: b.label, legalReference: b.legalReference, description: b.description })),
      entryKinds: RECOVERY_ENTRY_KINDS.map((k) => ({ code: k, label: RECOVERY_ENTRY_LABELS[k] })),
      permissions: { canManage: hasCapability(actor.role, 'recovery.manage') },
    };
  });

  r.post('/api/v1/cases/:id/recovery-claims', {
    schema: { tags: ['återkrav'], summary: 'Registrera ett återkrav', params: IdParams, body: NewClaimBody },
  }, async (request, reply) => {
    const caseId = request.params.id;
    const { actor, facts } = await guardCase(app, request, caseId, 'recoveryClaim.create', 'recovery.manage');
    const now = deps.now();
    const today = stockholmDay(now);
    const b = request.body;
    const errors: FieldError[] = [];
    const basis = basesFor(facts.municipality, today).find((x) => x.code === b.basis);
    if (!basis) errors.push({ path: '/body/basis', message: 'Välj en av grunderna för återkrav.' });
    if (b.decisionId) {
      const d = await deps.db.selectFrom('decisions').select('case_id').where('id', '=', b.decisionId).executeTakeFirst();
      if (!d || d.case_id !== caseId) errors.push({ path: '/body/decisionId', message: 'Beslutet finns inte i ärendet.' });
    }
    if (b.decidedDate > today) errors.push({ path: '/body/decidedDate', message: 'Beslutsdatum kan inte ligga i framtiden.' });
    if (errors.length || !basis) throw new ValidationFailure(errors);
    const id = newId();
    await deps.db.transaction().execute(async (tx) => {
      await tx.insertInto('recovery_claims').values({
        id, case_id: caseId, basis: basis.code, legal_reference: basis.legalReference, decision_id: b.decisionId ?? null, amount: b.amount,
        decided_date: b.decidedDate, description: b.description?.trim() ?? null, balance: b.amount, created_by: actor.userId,
        created_at: now.toISOString(), updated_at: now.toISOString(),
      }).execute();
      await tx.insertInto('recovery_ledger_entries').values({
        id: newId(), claim_id: id, kind: 'claimed', amount: b.amount, entry_date: b.decidedDate, note: 'Återkrav beslutat.', balance_after: b.amount,
        created_by: actor.userId, created_at: now.toISOString(),
      }).execute();
      await tx.updateTable('cases').set({ updated_at: now.toISOString() }).where('id', '=', caseId).execute();
      await audit(tx, actor, now, { action: 'recoveryClaim.create', targetType: 'recoveryClaim', targetId: id, caseId, personId: facts.applicantPersonId, outcome: 'success' });
    });
    const [json] = await claimsJson(deps.db, { id }, new Map([[basis.code, basis.label]]));
    return reply.status(201).send(json);
  });

  r.post('/api/v1/recovery-claims/:id/ledger', {
    schema: { tags: ['återkrav'], summary: 'Ny rad i återkravets reskontra (krav, återbetalning, avskrivning, justering)', params: IdParams, body: LedgerBody },
  }, async (request, reply) => {
    const claim = await deps.db.selectFrom('recovery_claims').select(['id', 'case_id']).where('id', '=', request.params.id).executeTakeFirst();
    if (!claim) throw notFound('Återkravet');
    const { actor, facts } = await guardCase(app, request, claim.case_id, 'recoveryClaim.ledger', 'recovery.manage');
    const now = deps.now();
    const today = stockholmDay(now);
    const b = request.body;
    const errors: FieldError[] = [];
    if (b.entryDate > today) errors.push({ path: '/body/entryDate', message: 'Datumet kan inte ligga i framtiden.' });
    if ((b.kind === 'writtenOff' || b.kind === 'adjusted') && !b.note?.trim()) errors.push({ path: '/body/note', message: 'Ange skälet till avskrivningen eller justeringen.' });
    if (errors.length) throw new ValidationFailure(errors);
    await deps.db.transaction().execute(async (tx) => {
      const locked = await tx.selectFrom('recovery_claims').select('balance').where('id', '=', claim.id).forUpdate().executeTakeFirstOrThrow();
      const applied = applyRecoveryEntry(Number(locked.balance), b.kind, b.amount);
      if (!applied.ok) throw new ValidationFailure([{ path: '/body/amount', message: applied.message }]);
      await tx.insertInto('recovery_ledger_entries').values({
        id: newId(), claim_id: claim.id, kind: b.kind, amount: b.amount, entry_date: b.entryDate, note: b.note?.trim() ?? null,
        balance_after: applied.balanceAfter, created_by: actor.userId, created_at: now.toISOString(),
      }).execute();
      await tx.updateTable('recovery_claims').set({ balance: applied.balanceAfter, updated_at: now.toISOString() }).where('id', '=', claim.id).execute();
      await audit(tx, actor, now, { action: 'recoveryClaim.ledger', targetType: 'recoveryClaim', targetId: claim.id, caseId: claim.case_id, personId: facts.applicantPersonId, purpose: b.kind, outcome: 'success' });
    });
    const bases = basesFor(facts.municipality, today);
    const [json] = await claimsJson(deps.db, { id: claim.id }, new Map(bases.map((x) => [x.code, x.label])));
    return reply.status(201).send(json);
  });
}
