/**
 * Återkrav register (SoL 2025:400 33 kap.; old SoL 9 kap. 1–2 §§): a claim on a case with its basis from
 * configuration, the grant it concerns (a decision, or the day the assistance was granted), amount and decided date,
 * and a ledger (claimed, repaid, written off, adjusted) with a running balance that never goes below zero.
 * The day the assistance was granted selects the law and so the grounds and the legal reference stored on the claim.
 * Grounds that must be stated when granting are refused unless the grant decision was written, served and stated
 * the ground; service (delgivning) of a decision is recorded here too. Every read and write is audit-logged.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { CaseRecovery, DecisionService, DecisionServiceBody, NewRecoveryClaimBody, RecoveryClaim, RecoveryClaimsQuery, RecoveryLedgerBody } from '@vagen/contract';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '@vagen/db';
import {
  formatSwedishDate,
  swedishDate,
  DECISION_SERVICE_METHOD_LABELS,
  DECISION_SERVICE_METHODS,
  RECOVERY_ENTRY_KINDS,
  RECOVERY_ENTRY_LABELS,
  RECOVERY_STATE_LABELS,
  applyRecoveryEntry,
  grantConditionErrors,
  hasCapability,
  recoveryStateOf,
  type GrantDecisionFacts,
  type RecoveryBasesDocument,
} from '@vagen/domain';
import { audit, auditDenied } from '../audit/log.ts';
import { guardCase } from '../cases/guard.ts';
import { conflict, notFound, ValidationFailure, type FieldError } from '../errors.ts';
import { newId } from '../ids.ts';
import { IdParams } from './common.ts';
import { recoveryBasesOn, recoveryBasisLabels } from './settings.ts';

type DecisionForClaim = {
  id: string;
  case_id: string;
  status: string;
  outcome: string;
  amount: number;
  decided_at: string;
  letter_document_id: string | null;
  served_on: string | null;
  served_method: string | null;
  recovery_basis: unknown;
  period_start: string;
  period_end: string;
};

const decisionColumns = ['id', 'case_id', 'status', 'outcome', 'amount', 'decided_at', 'letter_document_id', 'served_on', 'served_method', 'recovery_basis', 'period_start', 'period_end'] as const;

function grantFacts(d: DecisionForClaim): GrantDecisionFacts {
  const stated = d.recovery_basis as { legalReferenceId?: string } | null;
  return {
    grantsAssistance: d.status === 'decided' && (d.outcome === 'granted' || d.outcome === 'partlyRefused') && Number(d.amount) > 0,
    written: d.letter_document_id !== null,
    servedOn: d.served_on,
    statedReferenceId: stated?.legalReferenceId ?? null,
  };
}

async function claimsJson(db: Kysely<Database>, where: { caseId?: string; id?: string }, bases: Map<string, string>) {
  let q = db.selectFrom('recovery_claims as r').innerJoin('staff_users as s', 's.id', 'r.created_by').selectAll('r').select('s.display_name').orderBy('r.created_at', 'desc');
  if (where.caseId) q = q.where('r.case_id', '=', where.caseId);
  if (where.id) q = q.where('r.id', '=', where.id);
  const claims = await q.execute();
  if (!claims.length) return [];
  const ledger = await db
    .selectFrom('recovery_ledger_entries as e')
    .innerJoin('staff_users as s', 's.id', 'e.created_by')
    .selectAll('e')
    .select('s.display_name')
    .where(
      'e.claim_id',
      'in',
      claims.map((c) => c.id),
    )
    .orderBy('e.seq')
    .execute();
  return claims.map((c) => {
    const balance = Number(c.balance);
    const state = recoveryStateOf(balance);
    return {
      id: c.id,
      caseId: c.case_id,
      basis: c.basis,
      basisLabel: bases.get(c.basis) ?? c.basis,
      legalReference: c.legal_reference,
      decisionId: c.decision_id,
      grantedOn: c.granted_on,
      amount: Number(c.amount),
      decidedDate: c.decided_date,
      description: c.description,
      balance,
      state,
      stateLabel: RECOVERY_STATE_LABELS[state],
      createdAt: c.created_at,
      createdByName: c.display_name,
      ledger: ledger
        .filter((e) => e.claim_id === c.id)
        .map((e) => ({
          id: e.id,
          kind: e.kind,
          kindLabel: RECOVERY_ENTRY_LABELS[e.kind],
          amount: Number(e.amount),
          entryDate: e.entry_date,
          note: e.note,
          balanceAfter: Number(e.balance_after),
          createdAt: e.created_at,
          createdByName: e.display_name,
        })),
    };
  });
}

export async function recoveryRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  const basesJson = (doc: RecoveryBasesDocument | null) =>
    (doc?.bases ?? []).map((b) => ({
      code: b.code,
      label: b.label,
      legalReference: b.legalReference,
      description: b.description,
      requiresStatedInGrant: b.requiresStatedInGrant,
    }));

  r.get(
    '/api/v1/cases/:id/recovery-claims',
    {
      schema: {
        tags: ['återkrav'],
        summary: 'Återkrav i ärendet med reskontra och saldo; grunderna för lagen som gällde när biståndet beviljades',
        params: IdParams,
        querystring: RecoveryClaimsQuery,
        response: { 200: CaseRecovery },
      },
    },
    async (request) => {
      const caseId = request.params.id;
      const { actor, facts } = await guardCase(app, request, caseId, 'recoveryClaim.list');
      const now = deps.now();
      await audit(deps.db, actor, now, { action: 'recoveryClaim.list', targetType: 'case', targetId: caseId, caseId, personId: facts.applicantPersonId, outcome: 'success' });
      const today = swedishDate(now);
      const grantedOn = request.query.grantedOn ?? today;
      const doc = recoveryBasesOn(facts.municipality, grantedOn);
      // Only decisions that granted assistance can be what a claim takes back.
      const decisions = (
        await deps.db
          .selectFrom('decisions')
          .select([...decisionColumns])
          .where('case_id', '=', caseId)
          .where('status', '=', 'decided')
          .orderBy('decided_at', 'desc')
          .execute()
      ).filter((d) => grantFacts(d as DecisionForClaim).grantsAssistance);
      return {
        items: await claimsJson(deps.db, { caseId }, recoveryBasisLabels(facts.municipality)),
        grantedOn,
        law: doc?.law ?? null,
        bases: basesJson(doc),
        // The grant decisions a claim can rest on, with what the conditions for the stated grounds look at.
        decisions: decisions.map((d) => {
          const day = swedishDate(d.decided_at);
          const g = grantFacts(d as DecisionForClaim);
          return {
            id: d.id,
            periodStart: d.period_start,
            periodEnd: d.period_end,
            amount: Number(d.amount),
            grantedOn: day,
            law: recoveryBasesOn(facts.municipality, day)?.law ?? null,
            grantsAssistance: g.grantsAssistance,
            written: g.written,
            servedOn: d.served_on,
            servedMethodLabel: d.served_method ? DECISION_SERVICE_METHOD_LABELS[d.served_method] : null,
            statedReferenceId: g.statedReferenceId,
          };
        }),
        serviceMethods: DECISION_SERVICE_METHODS.map((m) => ({ code: m, label: DECISION_SERVICE_METHOD_LABELS[m] })),
        entryKinds: RECOVERY_ENTRY_KINDS.map((k) => ({ code: k, label: RECOVERY_ENTRY_LABELS[k] })),
        permissions: { canManage: hasCapability(actor.role, 'recovery.manage'), canRecordService: hasCapability(actor.role, 'assessment.write') },
      };
    },
  );

  r.post(
    '/api/v1/cases/:id/recovery-claims',
    {
      schema: { tags: ['återkrav'], summary: 'Registrera ett återkrav', params: IdParams, body: NewRecoveryClaimBody, response: { 201: RecoveryClaim } },
    },
    async (request, reply) => {
      const caseId = request.params.id;
      const { actor, facts } = await guardCase(app, request, caseId, 'recoveryClaim.create', 'recovery.manage');
      const now = deps.now();
      const today = swedishDate(now);
      const b = request.body;
      const errors: FieldError[] = [];
      let grantedOn: string | null = b.grantedDate ?? null;
      let grant: GrantDecisionFacts | null = null;
      if (b.decisionId) {
        const d = await deps.db
          .selectFrom('decisions')
          .select([...decisionColumns])
          .where('id', '=', b.decisionId)
          .executeTakeFirst();
        if (!d || d.case_id !== caseId) errors.push({ path: '/body/decisionId', message: 'Beslutet finns inte i ärendet.' });
        else if (d.status !== 'decided') errors.push({ path: '/body/decisionId', message: 'Beslutet är inte fattat. Välj ett fattat beslut om bistånd.' });
        else if (!grantFacts(d as DecisionForClaim).grantsAssistance)
          errors.push({ path: '/body/decisionId', message: 'Beslutet beviljade inget bistånd som kan krävas tillbaka. Välj ett beslut om bistånd.' });
        else {
          // The law follows the grant: the decision's day, not the day of the claim.
          const day = swedishDate(d.decided_at);
          if (b.grantedDate && b.grantedDate !== day)
            errors.push({ path: '/body/grantedDate', message: `Beslutet om bistånd fattades den ${formatSwedishDate(day)}. Lämna fältet tomt eller ange samma dag.` });
          grantedOn = day;
          grant = grantFacts(d as DecisionForClaim);
        }
      } else if (!b.grantedDate) {
        errors.push({ path: '/body/grantedDate', message: 'Välj beslutet om bistånd eller ange dagen då biståndet beviljades. Dagen avgör vilken lag som gäller för återkravet.' });
      }
      if (b.grantedDate && b.grantedDate > today) errors.push({ path: '/body/grantedDate', message: 'Dagen då biståndet beviljades kan inte ligga i framtiden.' });
      if (b.decidedDate > today) errors.push({ path: '/body/decidedDate', message: 'Beslutsdatum kan inte ligga i framtiden.' });
      else if (grantedOn && b.decidedDate < grantedOn)
        errors.push({ path: '/body/decidedDate', message: `Återkravet kan inte beslutas före den dag biståndet beviljades (${formatSwedishDate(grantedOn)}).` });
      const doc = grantedOn ? recoveryBasesOn(facts.municipality, grantedOn) : null;
      if (grantedOn && !doc) errors.push({ path: '/body/grantedDate', message: `Det finns inga grunder för återkrav för bistånd som beviljades den ${formatSwedishDate(grantedOn)}.` });
      const basis = doc?.bases.find((x) => x.code === b.basis);
      if (doc && !basis) {
        errors.push({ path: '/body/basis', message: `Välj en av grunderna för återkrav i ${doc.law}, som gäller för bistånd som beviljades den ${formatSwedishDate(grantedOn!)}.` });
      }
      if (errors.length || !basis) throw new ValidationFailure(errors);
      const refused = grantConditionErrors(basis, grant);
      if (refused.length) {
        await auditDenied(deps.db, actor, now, { action: 'recoveryClaim.create', targetType: 'case', targetId: caseId, caseId, personId: facts.applicantPersonId, purpose: 'grantConditions' });
        throw new ValidationFailure(refused, 'Återkravet kan inte göras på den grunden.');
      }
      const id = newId();
      await deps.db.transaction().execute(async (tx) => {
        await tx
          .insertInto('recovery_claims')
          .values({
            id,
            case_id: caseId,
            basis: basis.code,
            legal_reference: basis.legalReference,
            decision_id: b.decisionId ?? null,
            granted_on: grantedOn,
            amount: b.amount,
            decided_date: b.decidedDate,
            description: b.description?.trim() ?? null,
            balance: b.amount,
            created_by: actor.userId,
            created_at: now.toISOString(),
            updated_at: now.toISOString(),
          })
          .execute();
        await tx
          .insertInto('recovery_ledger_entries')
          .values({
            id: newId(),
            claim_id: id,
            kind: 'claimed',
            amount: b.amount,
            entry_date: b.decidedDate,
            note: 'Återkrav beslutat.',
            balance_after: b.amount,
            created_by: actor.userId,
            created_at: now.toISOString(),
          })
          .execute();
        await tx.updateTable('cases').set({ updated_at: now.toISOString() }).where('id', '=', caseId).execute();
        await audit(tx, actor, now, { action: 'recoveryClaim.create', targetType: 'recoveryClaim', targetId: id, caseId, personId: facts.applicantPersonId, outcome: 'success' });
      });
      const [json] = await claimsJson(deps.db, { id }, new Map([[basis.code, basis.label]]));
      return reply.status(201).send(json!);
    },
  );

  r.post(
    '/api/v1/recovery-claims/:id/ledger',
    {
      schema: {
        tags: ['återkrav'],
        summary: 'Ny rad i återkravets reskontra (krav, återbetalning, avskrivning, justering)',
        params: IdParams,
        body: RecoveryLedgerBody,
        response: { 201: RecoveryClaim },
      },
    },
    async (request, reply) => {
      const claim = await deps.db.selectFrom('recovery_claims').select(['id', 'case_id']).where('id', '=', request.params.id).executeTakeFirst();
      if (!claim) throw notFound('Återkravet');
      const { actor, facts } = await guardCase(app, request, claim.case_id, 'recoveryClaim.ledger', 'recovery.manage');
      const now = deps.now();
      const today = swedishDate(now);
      const b = request.body;
      const errors: FieldError[] = [];
      if (b.entryDate > today) errors.push({ path: '/body/entryDate', message: 'Datumet kan inte ligga i framtiden.' });
      if ((b.kind === 'writtenOff' || b.kind === 'adjusted') && !b.note?.trim()) errors.push({ path: '/body/note', message: 'Ange skälet till avskrivningen eller justeringen.' });
      if (errors.length) throw new ValidationFailure(errors);
      await deps.db.transaction().execute(async (tx) => {
        const locked = await tx.selectFrom('recovery_claims').select('balance').where('id', '=', claim.id).forUpdate().executeTakeFirstOrThrow();
        const applied = applyRecoveryEntry(Number(locked.balance), b.kind, b.amount);
        if (!applied.ok) throw new ValidationFailure([{ path: '/body/amount', message: applied.message }]);
        await tx
          .insertInto('recovery_ledger_entries')
          .values({
            id: newId(),
            claim_id: claim.id,
            kind: b.kind,
            amount: b.amount,
            entry_date: b.entryDate,
            note: b.note?.trim() ?? null,
            balance_after: applied.balanceAfter,
            created_by: actor.userId,
            created_at: now.toISOString(),
          })
          .execute();
        await tx.updateTable('recovery_claims').set({ balance: applied.balanceAfter, updated_at: now.toISOString() }).where('id', '=', claim.id).execute();
        await audit(tx, actor, now, {
          action: 'recoveryClaim.ledger',
          targetType: 'recoveryClaim',
          targetId: claim.id,
          caseId: claim.case_id,
          personId: facts.applicantPersonId,
          purpose: b.kind,
          outcome: 'success',
        });
      });
      const [json] = await claimsJson(deps.db, { id: claim.id }, recoveryBasisLabels(facts.municipality));
      return reply.status(201).send(json!);
    },
  );

  r.post(
    '/api/v1/decisions/:id/service',
    {
      schema: {
        tags: ['återkrav', 'beslut'],
        summary: 'Registrera att beslutet har delgetts den enskilde (dag och sätt)',
        params: IdParams,
        body: DecisionServiceBody,
        response: { 200: DecisionService },
      },
    },
    async (request) => {
      const found = await deps.db.selectFrom('decisions').select(['id', 'case_id']).where('id', '=', request.params.id).executeTakeFirst();
      if (!found) throw notFound('Beslutet');
      const { actor, facts } = await guardCase(app, request, found.case_id, 'decision.service', 'assessment.write');
      const now = deps.now();
      const today = swedishDate(now);
      const b = request.body;
      await deps.db.transaction().execute(async (tx) => {
        const d = await tx.selectFrom('decisions').select(['status', 'decided_at', 'letter_document_id', 'served_on']).where('id', '=', found.id).forUpdate().executeTakeFirstOrThrow();
        if (d.status !== 'decided' || !d.letter_document_id) throw conflict('Bara ett fattat, skriftligt beslut kan delges.');
        if (d.served_on) throw conflict(`Delgivningen är redan registrerad (${formatSwedishDate(d.served_on)}).`);
        const decisionDay = swedishDate(d.decided_at);
        const errors: FieldError[] = [];
        if (b.servedOn > today) errors.push({ path: '/body/servedOn', message: 'Dagen för delgivningen kan inte ligga i framtiden.' });
        if (b.servedOn < decisionDay) errors.push({ path: '/body/servedOn', message: `Beslutet kan inte ha delgetts före beslutsdagen (${formatSwedishDate(decisionDay)}).` });
        if (errors.length) throw new ValidationFailure(errors);
        await tx
          .updateTable('decisions')
          .set({ served_on: b.servedOn, served_method: b.method, served_recorded_by: actor.userId, served_recorded_at: now.toISOString() })
          .where('id', '=', found.id)
          .execute();
        await audit(tx, actor, now, {
          action: 'decision.service',
          targetType: 'decision',
          targetId: found.id,
          caseId: found.case_id,
          personId: facts.applicantPersonId,
          purpose: b.method,
          outcome: 'success',
        });
      });
      return { id: found.id, servedOn: b.servedOn, servedMethod: b.method, servedMethodLabel: DECISION_SERVICE_METHOD_LABELS[b.method] };
    },
  );
}
