/** GET/PUT /api/v1/applications/:id — the application under assessment (content typed and validated in the domain). */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ApplicationContentInput, ApplicationView, IdParams } from '@vagen/contract';
import type { FastifyInstance } from 'fastify';
import {
  swedishDate,
  APPLICATION_KIND_LABELS,
  APPLICATION_STATUS_LABELS,
  applicationStatusAfterContent,
  isApplicationStatus,
  labelOf,
  validateApplicationContent,
  type ApplicationContent,
  type ApplicationStatus,
} from '@vagen/domain';
import { audit } from '../audit/log.ts';
import { conflict, ValidationFailure, type FieldError } from '../errors.ts';
import { newId } from '../ids.ts';
import { changeApplicationStatus } from '../status/change.ts';
import { caseRow, currentCalculation, guardApplication, householdPersons, loadApplication, type ApplicationRecord, type Db } from './store.ts';

/** The application statuses' labels (the domain's), kept under this name for the routes that show them. */
export const APPLICATION_STATUS_TEXT: Record<string, string> = APPLICATION_STATUS_LABELS;

/** A starting point for an empty application: the household from the case, the application's period. */
export async function contentTemplate(db: Db, a: ApplicationRecord): Promise<ApplicationContent> {
  const c = await caseRow(db, a.caseId);
  const persons = await householdPersons(db, c.household_id);
  const applicant = persons.find((p) => p.role === 'applicant');
  const co = persons.find((p) => p.role === 'coApplicant');
  const children = persons.filter((p) => p.role === 'child');
  const start = a.periodStart ?? a.periodMonth;
  const end = a.periodEnd ?? lastDayOfMonth(a.periodMonth);
  return {
    version: 1,
    applicant: { personId: applicant?.id ?? null, name: applicant ? `${applicant.first_name} ${applicant.last_name}` : '' },
    coApplicant: co ? { personId: co.id, name: `${co.first_name} ${co.last_name}` } : null,
    children: children.map((p, i) => ({ id: `barn${i + 1}`, personId: p.id, name: p.first_name, birthDate: p.birth_date, daysAtHome: p.days_at_home, lunchAtPreschool: false })),
    housing: { tenure: 'firstHand', rent: 0, personsInDwelling: persons.filter((p) => p.role !== 'otherAdult').length || 1, sharesHousehold: false, note: '' },
    incomes: [],
    costs: [],
    assets: [],
    period: { start, end },
    jobStimulus: [],
  };
}

function lastDayOfMonth(date: string): string {
  const y = Number(date.slice(0, 4)),
    m = Number(date.slice(5, 7));
  const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${date.slice(0, 7)}-${String(d).padStart(2, '0')}`;
}

export async function applicationJson(db: Db, a: ApplicationRecord) {
  const calc = await currentCalculation(db, a.id);
  return {
    id: a.id,
    caseId: a.caseId,
    kind: a.kind,
    kindLabel: labelOf(APPLICATION_KIND_LABELS, a.kind),
    status: a.status,
    statusLabel: APPLICATION_STATUS_TEXT[a.status] ?? a.status,
    periodMonth: a.periodMonth.slice(0, 7),
    periodStart: a.periodStart,
    periodEnd: a.periodEnd,
    submittedAt: a.submittedAt,
    channel: a.channel,
    updatedAt: a.updatedAt,
    filled: a.content !== null,
    content: a.content ?? (await contentTemplate(db, a)),
    currentCalculationId: calc?.id ?? null,
    /** The content changed after the last calculation: recalculate before deciding. */
    calculationStale: a.status !== 'decided' && calc !== null && a.updatedAt !== null && a.updatedAt > calc.createdAt,
  };
}

export async function applicationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  r.get(
    '/api/v1/applications/:id',
    { schema: { tags: ['bedömning'], summary: 'Ansökan med innehåll (hushåll, boende, inkomster, kostnader, tillgångar, period)', params: IdParams, response: { 200: ApplicationView } } },
    async (request) => {
      const { actor, facts, application } = await guardApplication(app, request, request.params.id, 'application.read');
      await audit(deps.db, actor, deps.now(), {
        action: 'application.read',
        targetType: 'application',
        targetId: application.id,
        caseId: application.caseId,
        personId: facts.applicantPersonId,
        outcome: 'success',
      });
      return applicationJson(deps.db, application);
    },
  );

  r.put(
    '/api/v1/applications/:id',
    {
      schema: {
        tags: ['bedömning'],
        summary: 'Ersätt ansökans innehåll (valideras i sin helhet; inget sparas vid fel)',
        description: 'Kroppen är hela innehållet: { applicant, coApplicant, children, housing, incomes, costs, assets, period, jobStimulus }. Belopp i hela ören.',
        params: IdParams,
        body: ApplicationContentInput,
        response: { 200: ApplicationView },
      },
    },
    async (request) => {
      const { actor, facts, application } = await guardApplication(app, request, request.params.id, 'application.update', 'assessment.write');
      const now = deps.now();
      const today = swedishDate(now);
      const checked = validateApplicationContent(request.body, { newRowId: () => newId(), today });
      if (!checked.ok) throw new ValidationFailure(checked.errors.map((e) => ({ path: `/body${e.path}`, message: e.message })));
      const content = checked.value;
      const c = await caseRow(deps.db, application.caseId);
      const persons = await householdPersons(deps.db, c.household_id);
      const errors: FieldError[] = [];
      const checkPerson = (personId: string | null, roles: string[], path: string) => {
        if (personId === null) return null;
        const p = persons.find((x) => x.id === personId && roles.includes(x.role));
        if (!p) errors.push({ path: `/body${path}/personId`, message: 'Personen finns inte i ärendets hushåll med den rollen.' });
        return p ?? null;
      };
      const ap = checkPerson(content.applicant.personId, ['applicant'], '/applicant');
      if (ap && !content.applicant.name) content.applicant.name = `${ap.first_name} ${ap.last_name}`;
      if (!content.applicant.personId && !content.applicant.name) errors.push({ path: '/body/applicant/name', message: 'Ange sökande.' });
      if (content.coApplicant) {
        const cp = checkPerson(content.coApplicant.personId, ['coApplicant'], '/coApplicant');
        if (cp && !content.coApplicant.name) content.coApplicant.name = `${cp.first_name} ${cp.last_name}`;
      }
      content.children.forEach((ch, i) => {
        checkPerson(ch.personId, ['child'], `/children/${i}`);
      });
      if (errors.length) throw new ValidationFailure(errors);

      await deps.db.transaction().execute(async (tx) => {
        const locked = await tx.selectFrom('applications').select(['status']).where('id', '=', application.id).forUpdate().executeTakeFirstOrThrow();
        if (locked.status === 'decided') throw conflict('Ansökan är redan beslutad och kan inte ändras. Registrera en ny ansökan eller en tilläggsansökan.');
        const nextStatus = isApplicationStatus(locked.status) ? applicationStatusAfterContent(locked.status) : locked.status;
        await changeApplicationStatus(tx, application.id, nextStatus as ApplicationStatus, {
          actor: { kind: 'staff', id: actor.userId },
          event: 'contentReplaced',
          at: now,
          set: {
            content: JSON.stringify(content),
            period_start: content.period.start,
            period_end: content.period.end,
            applied_amount: content.housing.rent + content.costs.reduce((s, x) => s + x.amount, 0),
          },
        });
        await tx.updateTable('cases').set({ updated_at: now.toISOString() }).where('id', '=', application.caseId).execute();
        await audit(tx, actor, now, {
          action: 'application.update',
          targetType: 'application',
          targetId: application.id,
          caseId: application.caseId,
          personId: facts.applicantPersonId,
          outcome: 'success',
        });
      });
      return applicationJson(deps.db, (await loadApplication(deps.db, application.id))!);
    },
  );
}
