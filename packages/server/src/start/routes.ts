/**
 * The staff start page (GET /api/v1/start): what the signed-in role does first. Caseworkers get their waiting
 * items by month with how long they have waited and their deadlines; the intake its contacts and visits; the kassa a
 * count of payments to check; managers their units' caseload and waiting items per worker; the system administrator
 * the administration. Built on the waiting items (queue/waiting.ts), so it never shows a case the user may not read.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { StartPage, type StartItem } from '@vagen/contract';
import type { FastifyInstance } from 'fastify';
import {
  addDaysIso,
  addMonthsIso,
  describeElapsed,
  describeHeavyRule,
  formatSwedishMonth,
  hasCapability,
  isNewStaff,
  isOverdue,
  ROLE_LABELS,
  swedishDate,
  swedishMonth,
  weekdayIso,
  workItemKindLabel,
  type StaffRole,
} from '@vagen/domain';
import { audit } from '../audit/log.ts';
import { requireStaff } from '../auth/sessions.ts';
import { intakeConfig } from '../intake/config.ts';
import { listUnitWorkers } from '../intake/workers.ts';
import { listWaitingItems, type WaitingItem } from '../queue/waiting.ts';

const WORKER_ROLES: readonly StaffRole[] = ['caseWorker', 'benefitOfficer', 'employmentCoach', 'seniorCaseWorker'];
const MANAGER_ROLES: readonly StaffRole[] = ['deputyUnitManager', 'unitManager'];

type Kind = StartPage['kind'];
export function startPageKind(role: StaffRole): Kind {
  if (WORKER_ROLES.includes(role)) return 'worker';
  if (role === 'intakeWorker') return 'intake';
  if (role === 'cashier') return 'kassa';
  if (MANAGER_ROLES.includes(role)) return 'manager';
  if (role === 'systemAdministrator') return 'admin';
  return 'other';
}

const LINKS: Record<Kind, StartPage['links']> = {
  worker: [
    { href: '/ko', label: 'Min arbetskö', description: 'Alla dina uppgifter i den ordning de ska göras.' },
    { href: '/arenden', label: 'Ärenden', description: 'Sök och bläddra bland ärendena.' },
  ],
  intake: [
    { href: '/mottagning', label: 'Mottagningens kö', description: 'Alla kontakter och ärenden i mottagning.' },
    { href: '/mottagning/ny', label: 'Registrera ny kontakt', description: 'En ny ansökan eller förfrågan.' },
  ],
  kassa: [
    { href: '/kassa', label: 'Kassan', description: 'Kontrollera utbetalningar (fyra ögon) och skapa betalfiler.' },
    { href: '/arenden', label: 'Ärenden', description: 'Sök och bläddra bland ärendena.' },
  ],
  manager: [
    { href: '/ko', label: 'Min arbetskö och enhetens kö', description: 'Beslut att fatta och enhetens alla öppna uppgifter.' },
    { href: '/logg', label: 'Åtkomstlogg', description: 'Granska vem som har läst och ändrat personuppgifter.' },
    { href: '/arenden', label: 'Ärenden', description: 'Sök och bläddra bland ärendena.' },
  ],
  admin: [
    { href: '/admin', label: 'Användare och enheter', description: 'Konton, roller och enheter.' },
    { href: '/admin/regler', label: 'Regeldokument', description: 'Normer, checklistor, mallar och andra regler som data.' },
  ],
  other: [
    { href: '/arenden', label: 'Ärenden', description: 'Sök och bläddra bland ärendena.' },
    { href: '/ko', label: 'Min arbetskö', description: 'Dina öppna uppgifter.' },
  ],
};

function startItem(i: WaitingItem, now: Date): StartItem {
  const kind = i.kind === 'application' ? 'assessment' : i.kind;
  const month = i.periodMonth ? i.periodMonth.slice(0, 7) : swedishMonth(i.receivedAt);
  return {
    id: i.refId,
    kind,
    kindLabel: workItemKindLabel(kind),
    title: i.title,
    caseId: i.caseId,
    caseNumber: i.caseNumber,
    applicantName: i.applicantName,
    month,
    monthLabel: formatSwedishMonth(month),
    receivedAt: new Date(i.receivedAt).toISOString(),
    waited: describeElapsed(now.getTime() - new Date(i.receivedAt).getTime()),
    dueAt: i.dueAt ? new Date(i.dueAt).toISOString() : null,
    overdue: isOverdue(i.dueAt, now.toISOString()),
  };
}

/** Months first (oldest first), then the earliest deadline, then the longest wait. */
function byMonthAndDeadline(a: StartItem, b: StartItem): number {
  return a.month.localeCompare(b.month) || (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999') || a.receivedAt.localeCompare(b.receivedAt);
}

export async function startRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  r.get('/api/v1/start', { schema: { tags: ['arbetskö'], summary: 'Startsidan: det rollen gör först', response: { 200: StartPage } } }, async (request) => {
    const actor = requireStaff(request);
    const now = deps.now();
    const today = swedishDate(now);
    const kind = startPageKind(actor.role);
    const me = await deps.db.selectFrom('staff_users').select(['display_name', 'employed_since']).where('id', '=', actor.userId).executeTakeFirstOrThrow();
    const page: StartPage = { kind, roleLabel: ROLE_LABELS[actor.role], name: me.display_name, now: now.toISOString(), worker: null, intake: null, kassa: null, manager: null, links: LINKS[kind] };
    const readsCases = hasCapability(actor.role, 'case.read') && kind !== 'admin' && kind !== 'other';
    // The page lists names of people in cases: the read is logged before anything is served.
    if (readsCases) await audit(deps.db, actor, now, { action: 'start.read', targetType: 'startPage', targetId: actor.userId, purpose: kind, outcome: 'success' });
    if (!readsCases) return page;
    const waiting = await listWaitingItems(deps.db, actor, now);
    const settings = intakeConfig(actor.municipality, today).settings;

    if (kind === 'worker') {
      const items = waiting
        .filter((i) => i.queue === 'worker' && i.ownerId === actor.userId)
        .map((i) => startItem(i, now))
        .sort(byMonthAndDeadline);
      const newStaff = isNewStaff(me.employed_since, today, settings.newStaffMonths);
      const mine = (await Promise.all(actor.unitIds.map((u) => listUnitWorkers(deps.db, u, settings, today)))).flatMap((u) => u.workers).find((w) => w.id === actor.userId);
      page.worker = {
        items,
        total: items.length,
        overdue: items.filter((i) => i.overdue).length,
        caseload: {
          activeCases: mine?.activeCases ?? 0,
          heavyCases: mine?.heavyCases ?? 0,
          heavyLimit: newStaff ? 0 : null,
          newStaff,
          introductionUntil: newStaff ? addDaysIso(addMonthsIso(me.employed_since, settings.newStaffMonths), -1) : null,
          heavyRule: describeHeavyRule(settings.heavyCase),
        },
      };
    }
    if (kind === 'intake') {
      const items = waiting.filter((i) => i.queue === 'intake');
      const weekStart = addDaysIso(today, 1 - weekdayIso(today));
      const weekEnd = addDaysIso(weekStart, 6);
      const visitDays = items.flatMap((i) => (i.visitAt ? [swedishDate(i.visitAt)] : []));
      const json = items.map((i) => startItem(i, now)).sort((a, b) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999') || a.receivedAt.localeCompare(b.receivedAt));
      page.intake = {
        items: json,
        total: json.length,
        acute: items.filter((i) => i.acute).length,
        overdue: json.filter((i) => i.overdue).length,
        visitsToday: visitDays.filter((d) => d === today).length,
        visitsThisWeek: visitDays.filter((d) => d >= weekStart && d <= weekEnd).length,
      };
    }
    if (kind === 'kassa') {
      const items = waiting.filter((i) => i.queue === 'kassa');
      page.kassa = { awaitingApproval: items.length, oldestAt: items[0] ? new Date(items[0].receivedAt).toISOString() : null };
    }
    if (kind === 'manager') {
      const units = await deps.db
        .selectFrom('units')
        .select(['id', 'name'])
        .where('id', 'in', actor.unitIds.length ? [...actor.unitIds] : ['00000000-0000-0000-0000-000000000000'])
        .orderBy('name')
        .execute();
      page.manager = {
        heavyRule: describeHeavyRule(settings.heavyCase),
        units: await Promise.all(
          units.map(async (u) => {
            const workers = (await listUnitWorkers(deps.db, u.id, settings, today)).workers;
            const inUnit = waiting.filter((i) => i.unitId === u.id);
            return {
              id: u.id,
              name: u.name,
              inIntake: inUnit.filter((i) => i.queue === 'intake').length,
              workers: workers.map((w) => {
                const theirs = inUnit.filter((i) => i.queue === 'worker' && i.ownerId === w.id);
                return {
                  id: w.id,
                  name: w.name,
                  roleLabel: w.roleLabel,
                  activeCases: w.activeCases,
                  heavyCases: w.heavyCases,
                  heavyLimit: w.newStaff ? 0 : null,
                  newStaff: w.newStaff,
                  waiting: theirs.length,
                  oldestWaitingAt: theirs[0] ? new Date(theirs[0].receivedAt).toISOString() : null,
                };
              }),
            };
          }),
        ),
      };
    }
    return page;
  });
}
