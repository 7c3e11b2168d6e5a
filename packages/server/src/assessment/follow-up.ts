/**
 * The monthly cycle on an existing case: POST /api/v1/cases/:id/applications starts an återansökan (next month) or a
 * tilläggsansökan (a decided month), pre-filled from the last decided month. `startFollowUpApplication` is the one
 * action that creates it, whatever the channel; the route only checks access and calls it.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ApplicationView, IdParams, NewFollowUpApplicationBody, type FollowUpChoices } from '@vagen/contract';
import type { FastifyInstance } from 'fastify';
import {
  CHANNEL_LABELS,
  FOLLOW_UP_STAFF_CHANNELS,
  followUpBase,
  followUpContent,
  formatSwedishMonth,
  isContentFilled,
  lastDecidedApplication,
  swedishDate,
  swedishInstant,
  suggestedRenewalMonth,
  type ApplicationContent,
  type CaseApplicationFact,
  type FollowUpKind,
} from '@vagen/domain';
import { audit } from '../audit/log.ts';
import type { RequestActor } from '../context.ts';
import { guardCase } from '../cases/guard.ts';
import { conflict, ValidationFailure } from '../errors.ts';
import { newId } from '../ids.ts';
import { changeCaseStatus } from '../status/change.ts';
import { applicationJson, contentTemplate } from './applications.ts';
import { loadApplication, recordEvent, type ApplicationRecord, type Db } from './store.ts';

type Staff = Extract<RequestActor, { kind: 'staff' }>;

/** The case's applications as the follow-up rules see them (content only when filled in). */
export async function caseApplicationFacts(db: Db, caseId: string): Promise<CaseApplicationFact[]> {
  const rows = await db.selectFrom('applications').select(['id', 'kind', 'period_month', 'status', 'content']).where('case_id', '=', caseId).execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    periodMonth: r.period_month.slice(0, 7),
    status: r.status,
    decided: r.status === 'decided',
    content: isContentFilled(r.content) ? r.content : null,
  }));
}

/**
 * The decided month an återansökan or tilläggsansökan is compared with: for a renewal the latest decided month before
 * it, for a supplementary its own month's decided application. Only one with filled-in content can be compared.
 */
export async function previousMonthOf(db: Db, a: ApplicationRecord): Promise<CaseApplicationFact | null> {
  if (a.kind !== 'renewal' && a.kind !== 'supplementary') return null;
  const month = a.periodMonth.slice(0, 7);
  const others = (await caseApplicationFacts(db, a.caseId)).filter((x) => x.id !== a.id);
  const base = a.kind === 'renewal' ? lastDecidedApplication(others, { before: month }) : lastDecidedApplication(others, { inMonth: month });
  return base?.content ? base : null;
}

/** What "Ny månadsansökan" offers for the case. */
export async function followUpChoices(db: Db, caseId: string): Promise<FollowUpChoices> {
  const facts = await caseApplicationFacts(db, caseId);
  const decidedMonths = [...new Set(facts.filter((f) => f.decided).map((f) => f.periodMonth))].sort().reverse();
  return {
    suggestedRenewalMonth: suggestedRenewalMonth(facts),
    decidedMonths,
    channels: FOLLOW_UP_STAFF_CHANNELS.map((v) => ({ value: v, label: CHANNEL_LABELS[v] })),
  };
}

export interface FollowUpRequest {
  kind: FollowUpKind;
  periodMonth: string;
  /** 'paper' | 'phone' | 'walkIn' from staff; the e-service passes 'web'. */
  channel: string;
  receivedAt: Date;
}

/**
 * Creates the follow-up application in one transaction (the case's applications locked, so two clicks cannot make
 * two): checks the month, copies last decided month's content, records the event and the audit record.
 */
export async function startFollowUpApplication(db: Db, actor: Staff, caseId: string, applicantPersonId: string | null, req: FollowUpRequest, now: Date): Promise<string> {
  return db.transaction().execute(async (tx) => {
    const locked = await tx.selectFrom('cases').select(['id', 'status']).where('id', '=', caseId).forUpdate().executeTakeFirstOrThrow();
    if (locked.status === 'closed') throw conflict('Ärendet är avslutat. En ny ansökan registreras i mottagningen (ärendet återaktualiseras där).');
    const facts = await caseApplicationFacts(tx, caseId);
    const base = followUpBase(facts, req.kind, req.periodMonth);
    if (!base.ok) {
      if (base.refusal.status === 400) throw new ValidationFailure([{ path: base.refusal.path, message: base.refusal.message }]);
      throw conflict(base.refusal.message);
    }
    let previous: ApplicationContent | null = base.basedOn.content;
    if (!previous) previous = await contentTemplate(tx, (await loadApplication(tx, base.basedOn.id))!);
    const content = followUpContent(previous, req.periodMonth);
    const id = newId();
    await tx
      .insertInto('applications')
      .values({
        id,
        case_id: caseId,
        kind: req.kind,
        period_month: `${req.periodMonth}-01`,
        channel: req.channel,
        submitted_at: req.receivedAt.toISOString(),
        status: 'received',
        period_start: content.period.start,
        period_end: content.period.end,
        applied_amount: content.housing.rent + content.costs.reduce((s, x) => s + x.amount, 0),
        content: JSON.stringify(content),
        updated_at: now.toISOString(),
      })
      .execute();
    const what = req.kind === 'renewal' ? 'Återansökan' : 'Tilläggsansökan';
    await recordEvent(tx, {
      caseId,
      objectType: 'application',
      objectId: id,
      event: 'registered',
      to: 'received',
      actorId: actor.userId,
      note: `${what} för ${formatSwedishMonth(req.periodMonth)} (${CHANNEL_LABELS[req.channel as keyof typeof CHANNEL_LABELS] ?? req.channel}), ifylld från ${formatSwedishMonth(base.basedOn.periodMonth)}`,
      at: now,
    });
    // A case under bevakning is current again when a new application comes in.
    if (locked.status === 'monitoring') await changeCaseStatus(tx, caseId, 'active', { actor: { kind: 'staff', id: actor.userId }, at: now, reason: 'Ny ansökan efter bevakning' });
    await tx.updateTable('cases').set({ updated_at: now.toISOString() }).where('id', '=', caseId).execute();
    await audit(tx, actor, now, { action: 'application.create', targetType: 'application', targetId: id, caseId, personId: applicantPersonId, outcome: 'success' });
    return id;
  });
}

export async function followUpRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  r.post(
    '/api/v1/cases/:id/applications',
    {
      schema: {
        tags: ['bedömning'],
        summary: 'Starta en återansökan (nästa månad) eller tilläggsansökan (en beslutad månad), ifylld från den senast beslutade månaden',
        params: IdParams,
        body: NewFollowUpApplicationBody,
        response: { 201: ApplicationView },
      },
    },
    async (request, reply) => {
      const { actor, facts } = await guardCase(app, request, request.params.id, 'application.create', 'assessment.write');
      const now = deps.now();
      const b = request.body;
      if (b.receivedDate > swedishDate(now)) throw new ValidationFailure([{ path: '/body/receivedDate', message: 'Datumet då ansökan kom in kan inte vara i framtiden.' }]);
      const receivedAt = b.receivedDate === swedishDate(now) ? now : swedishInstant(b.receivedDate, 12);
      const id = await startFollowUpApplication(deps.db, actor, request.params.id, facts.applicantPersonId, { kind: b.kind, periodMonth: b.periodMonth, channel: b.channel, receivedAt }, now);
      return reply.status(201).send(await applicationJson(deps.db, (await loadApplication(deps.db, id))!));
    },
  );
}
