/**
 * Generation of demo households and their case histories as plain rows. No database access here: the same
 * generator state always yields the same rows, which is what makes seeding reproducible.
 */
import type { Insertable } from 'kysely';
import type {
  ApplicationsTable,
  CaseStatusHistoryTable,
  CasesTable,
  DecisionsTable,
  HouseholdMembersTable,
  HouseholdRole,
  HouseholdsTable,
  JournalEntriesTable,
  PaymentsTable,
  PersonsTable,
  ProtectedAccessTable,
} from '@vagen/db/schema.ts';
import { CASE_STATUS_LABELS, CLOSURE_REASONS, type CaseStatus, type ClosureReason, canTransition } from '@vagen/domain/case-status.ts';
import { makePersonnummer } from '@vagen/domain/personnummer.ts';
import { addDays, addMonths, at, dayOfMonth, daysBetween, maxIso, minDate, monthEnd, monthStart, yearsBefore } from './dates.ts';
import { CORRECTION_BODIES, JOURNAL_TEMPLATES, stepOf, type JournalAuthor, type JournalContext, type JournalPhase, type JournalTemplate } from './journal-templates.ts';
import { address, fictionalEmail, fictionalPhone, firstName, lastName, type Address } from './names.ts';
import { seededApplicationContent, type SeedBudget } from './application-content.ts';
import type { Rng } from './prng.ts';
import type { UnitKey } from './staff.ts';

// Insertable rather than Selectable: columns that other areas add later (nullable or with defaults) may be left out.
export type PersonRow = Insertable<PersonsTable> & { id: string; sex: 'K' | 'M'; created_at: string };
export type HouseholdRow = Insertable<HouseholdsTable>;
export type MemberRow = Insertable<HouseholdMembersTable>;
export type CaseRow = Insertable<CasesTable>;
export type StatusHistoryRow = Omit<Insertable<CaseStatusHistoryTable>, 'id'>;
export type ApplicationRow = Insertable<ApplicationsTable> & { applied_amount: number; status: string };
export type DecisionRow = Insertable<DecisionsTable> & { id: string; decided_at: string };
export type PaymentRow = Insertable<PaymentsTable>;
export type JournalRow = Insertable<JournalEntriesTable> & { id: string; signed_at: string | null; author_id: string; step: string | null };
export type ProtectedAccessRow = Insertable<ProtectedAccessTable>;

/** Rows in foreign-key order. */
export interface RowBatch {
  persons: PersonRow[];
  households: HouseholdRow[];
  household_members: MemberRow[];
  protected_access: ProtectedAccessRow[];
  cases: CaseRow[];
  case_status_history: StatusHistoryRow[];
  applications: ApplicationRow[];
  decisions: DecisionRow[];
  payments: PaymentRow[];
  journal_entries: JournalRow[];
}

export function emptyBatch(): RowBatch {
  return {
    persons: [],
    households: [],
    household_members: [],
    protected_access: [],
    cases: [],
    case_status_history: [],
    applications: [],
    decisions: [],
    payments: [],
    journal_entries: [],
  };
}

export interface SeedStaffUser {
  id: string;
  username: string;
  employedSince: string;
}

export interface GeneratorContext {
  rng: Rng;
  today: string;
  /** Nothing is dated later than this (today 09:00 UTC). */
  nowIso: string;
  municipalityCode: string;
  unitIds: Record<UnitKey, string>;
  staff: Record<string, SeedStaffUser>;
  /** Demo sizes: full journals and 1–5 years of history. Large benchmark databases: fewer journal entries, 1–3 years. */
  compact: boolean;
  usedPersonnummer: Set<string>;
  caseNumberSeq: Map<string, number>;
  emailSeq: number;
}

export type SpecialHousehold = 'clientNord' | 'clientSyd' | 'protected';

export interface GeneratedHousehold {
  applicant: PersonRow;
  members: number;
  currentCase: CaseRow;
}

type HouseholdType = 'single' | 'couple' | 'singleParent' | 'coupleWithChildren';

interface Member {
  person: PersonRow;
  role: HouseholdRole;
  daysAtHome: number | null;
  age: number;
}

interface HouseholdPlan {
  id: string;
  members: Member[];
  applicant: Member;
  address: Address | null;
  protectedIdentity: boolean;
  /** Monthly need in whole kronor before variation. */
  needKr: number;
  rentKr: number;
  /** The month's costs and incomes behind needKr (the content of the latest applications). */
  budget: SeedBudget;
  payRentToLandlord: boolean;
  payday: number;
  /** Preferred application channel for renewals. */
  channel: string;
}

const OUTCOMES_RENEWAL = [
  ['granted', 82],
  ['partlyRefused', 10],
  ['refused', 6.5],
  ['dismissed', 1.5],
] as const;
const OUTCOMES_SUPPLEMENTARY = [
  ['granted', 60],
  ['partlyRefused', 15],
  ['refused', 25],
] as const;
const CHANNELS = [
  ['web', 72],
  ['paper', 10],
  ['phone', 10],
  ['walkIn', 8],
] as const;

/** Working hours in UTC (08–16 Swedish time, give or take). */
function workTime(rng: Rng, date: string): string {
  return at(date, rng.int(6, 14), rng.int(0, 59));
}

function capIso(ctx: GeneratorContext, iso: string): string {
  return iso > ctx.nowIso ? ctx.nowIso : iso;
}

// ---------------------------------------------------------------- persons

function birthDateForAge(ctx: GeneratorContext, age: number): string {
  // Exactly `age` years old today: born between (today − age − 1 years, today − age years].
  const latest = yearsBefore(ctx.today, age);
  return addDays(latest, -ctx.rng.int(0, 364));
}

function newPerson(
  ctx: GeneratorContext,
  opts: { sex: 'K' | 'M'; age: number; lastName: string; address: Address | null; samordning: boolean; contact: boolean; protectedIdentity: boolean; createdAt: string },
): PersonRow {
  const { rng } = ctx;
  const birthDate = birthDateForAge(ctx, opts.age);
  let personnummer = '';
  for (let attempt = 0; ; attempt++) {
    // The last digit of the serial is the personnummer's second-to-last digit: odd = man, even = woman.
    const parity = rng.int(0, 4) * 2 + (opts.sex === 'M' ? 1 : 0);
    const serial = rng.int(0, 99) * 10 + parity;
    personnummer = makePersonnummer(birthDate, serial, opts.samordning);
    if (!ctx.usedPersonnummer.has(personnummer)) break;
    if (attempt > 2000) throw new Error(`Inga lediga personnummer för ${birthDate}`);
  }
  ctx.usedPersonnummer.add(personnummer);
  const first = firstName(rng, opts.sex, Number(birthDate.slice(0, 4)));
  const phone = opts.contact && rng.chance(0.7) ? fictionalPhone(rng) : null;
  const email = opts.contact && rng.chance(0.5) ? fictionalEmail(first, opts.lastName, ++ctx.emailSeq) : null;
  const bornAt = at(birthDate, 8, 0);
  return {
    id: rng.uuid(),
    personnummer,
    samordningsnummer: opts.samordning,
    first_name: first,
    last_name: opts.lastName,
    sex: opts.sex,
    birth_date: birthDate,
    address_line: opts.address?.line ?? null,
    postal_code: opts.address?.postalCode ?? null,
    city: opts.address?.city ?? null,
    phone,
    email,
    protected_identity: opts.protectedIdentity,
    created_at: maxIso(opts.createdAt, bornAt),
  };
}

function adultAge(rng: Rng, minAge: number): number {
  const bucket = rng.weighted([
    [[18, 24], 20],
    [[25, 34], 30],
    [[35, 44], 22],
    [[45, 54], 15],
    [[55, 64], 10],
    [[65, 75], 3],
  ] as const);
  return Math.max(minAge, rng.int(bucket[0], bucket[1]));
}

function seedMembers(hh: HouseholdPlan) {
  return hh.members.map((m) => ({ id: m.person.id, firstName: m.person.first_name, lastName: m.person.last_name, birthDate: m.person.birth_date, role: m.role, daysAtHome: m.daysAtHome, age: m.age }));
}

/** Riksnorm-like monthly need in whole kronor (personal costs, household costs, rent, minus incomes). */
function monthlyNeed(rng: Rng, members: Member[]): { needKr: number; rentKr: number; budget: SeedBudget } {
  const adults = members.filter((m) => m.role !== 'child');
  const children = members.filter((m) => m.role === 'child');
  const couple = members.some((m) => m.role === 'coApplicant');
  let personal = 0;
  for (const a of adults) personal += couple && a.role !== 'otherAdult' ? 3080 : 3420;
  let childBenefit = 0;
  for (const c of children) {
    const share = (c.daysAtHome ?? 30) / 30;
    const base = c.age < 1 ? 2450 : c.age <= 3 ? 2700 : c.age <= 6 ? 2300 : c.age <= 10 ? 3050 : c.age <= 14 ? 3550 : 3950;
    personal += Math.round(base * share);
    if (c.age < 16) childBenefit += Math.round(1250 * share);
  }
  const size = members.length;
  const common = [1270, 1400, 1770, 2010, 2310, 2620, 2810][Math.min(size, 7) - 1]! + Math.max(0, size - 7) * 190;
  const rentRanges: Record<number, [number, number]> = { 1: [4600, 7800], 2: [5600, 9200], 3: [6600, 10500], 4: [7400, 12000] };
  const [lo, hi] = rentRanges[Math.min(size, 4)]!;
  const rentKr = Math.round(rng.int(lo, hi + (size > 4 ? 1500 : 0)) / 10) * 10;
  const electricity = rng.int(250, 700);
  const insurance = rng.int(120, 260);
  const otherIncome = rng.chance(0.4) ? rng.int(500, 7000) : 0;
  const need = personal + common + rentKr + electricity + insurance - childBenefit - otherIncome;
  return { needKr: Math.max(3000, Math.min(25000, need)), rentKr, budget: { rentKr, electricityKr: electricity, insuranceKr: insurance, otherIncomeKr: otherIncome } };
}

function planHousehold(ctx: GeneratorContext, type: HouseholdType, opts: { minAdultAge: number; protectedIdentity: boolean; createdAt: string }): HouseholdPlan {
  const { rng } = ctx;
  const addr = opts.protectedIdentity ? null : address(rng);
  const familyName = lastName(rng);
  const samordningHousehold = rng.chance(0.03);
  const mk = (sex: 'K' | 'M', age: number, last: string, adult: boolean) =>
    newPerson(ctx, {
      sex,
      age,
      lastName: last,
      address: addr,
      samordning: samordningHousehold && (adult || rng.chance(0.5)),
      contact: adult && !opts.protectedIdentity,
      protectedIdentity: opts.protectedIdentity,
      createdAt: opts.createdAt,
    });
  const members: Member[] = [];
  const applicantSex: 'K' | 'M' = type === 'singleParent' ? (rng.chance(0.8) ? 'K' : 'M') : type === 'single' ? (rng.chance(0.55) ? 'M' : 'K') : rng.chance(0.5) ? 'K' : 'M';
  const withChildren = type === 'singleParent' || type === 'coupleWithChildren';
  const applicantAge = withChildren ? Math.max(opts.minAdultAge, rng.int(20, 54)) : adultAge(rng, opts.minAdultAge);
  const applicant: Member = { person: mk(applicantSex, applicantAge, familyName, true), role: 'applicant', daysAtHome: null, age: applicantAge };
  members.push(applicant);
  if (type === 'couple' || type === 'coupleWithChildren') {
    const sex: 'K' | 'M' = rng.chance(0.03) ? applicantSex : applicantSex === 'K' ? 'M' : 'K';
    const age = Math.max(opts.minAdultAge, Math.min(75, applicantAge + rng.int(-6, 6)));
    const last = rng.chance(0.6) ? familyName : lastName(rng);
    members.push({ person: mk(sex, age, last, true), role: 'coApplicant', daysAtHome: null, age });
  }
  if (withChildren) {
    const count = rng.weighted([
      [1, 40],
      [2, 33],
      [3, 17],
      [4, 10],
    ] as const);
    const youngestParent = Math.min(...members.map((m) => m.age));
    const maxChildAge = Math.max(0, Math.min(20, youngestParent - 18));
    const partTimeShare = type === 'singleParent' ? 0.18 : 0.06;
    for (let i = 0; i < count; i++) {
      const age = rng.int(0, maxChildAge);
      const sex: 'K' | 'M' = rng.chance(0.5) ? 'K' : 'M';
      const days = rng.chance(partTimeShare) ? rng.int(10, 20) : 30;
      members.push({ person: mk(sex, age, familyName, false), role: 'child', daysAtHome: days, age });
    }
  }
  if (rng.chance(0.03)) {
    const age = adultAge(rng, Math.max(18, opts.minAdultAge));
    members.push({ person: mk(rng.chance(0.5) ? 'K' : 'M', age, lastName(rng), true), role: 'otherAdult', daysAtHome: null, age });
  }
  const { needKr, rentKr, budget } = monthlyNeed(rng, members);
  return {
    id: rng.uuid(),
    members,
    applicant,
    address: addr,
    protectedIdentity: opts.protectedIdentity,
    needKr,
    rentKr,
    budget,
    payRentToLandlord: rng.chance(0.08),
    payday: rng.chance(0.7) ? 25 : 27,
    channel: rng.weighted(CHANNELS),
  };
}

// ---------------------------------------------------------------- cases

/** A month's need in öre: whole kronor, within 3 000–25 000 kr. */
function monthlyOre(needKr: number, factor: number): number {
  return Math.max(3000, Math.min(25000, Math.round(needKr * factor))) * 100;
}

interface CasePlan {
  unit: UnitKey;
  responsible: string; // username
  second: string | null;
  openedDate: string;
  endStatus: CaseStatus;
  /** For 'monitoring': the date the case went to monitoring. */
  monitoringFrom?: string;
  /** For 'closed'. */
  closedDate?: string;
  closureReason?: ClosureReason;
  /** A pause (active → monitoring → active) inside an active stretch: [from, to] as month starts. */
  pause?: [string, string];
  actorsOverride?: string; // username used for every action (protected identity)
}

interface Timeline {
  caseRow: CaseRow;
  lastTs: string;
}

function nextCaseNumber(ctx: GeneratorContext, openedDate: string): string {
  const year = openedDate.slice(0, 4);
  const n = (ctx.caseNumberSeq.get(year) ?? 0) + 1;
  ctx.caseNumberSeq.set(year, n);
  return `EB-${year}-${String(n).padStart(6, '0')}`;
}

const STATUS_REASONS = {
  toIntake: { web: 'Ansökan inkom via e-tjänsten', phone: 'Första kontakt per telefon', walkIn: 'Besök i receptionen', paper: 'Ansökan inkom på papper' } as Record<string, string>,
  toInvestigation: ['Nybesök bokat, utredning påbörjad', 'Ärendet överlämnat från mottagningen'],
  toActive: ['Beslut om bistånd fattat', 'Grundutredning klar, beslut fattat'],
  toMonitoring: ['Inkomst från arbete, ärendet bevakas', 'Ingen ny ansökan, ärendet bevakas', 'Väntar på beslut om sjukpenning'],
  backToActive: ['Ny ansökan efter bevakning'],
  toClosed: {
    work: 'Självförsörjande genom arbete',
    studies: 'Studier med studiemedel',
    otherBenefit: 'Ersättning från annan myndighet',
    moved: 'Flyttat från kommunen',
    noApplication: 'Ingen ny ansökan på tre månader',
    deceased: 'Sökande avliden',
    unknown: 'Okänd orsak',
  } satisfies Record<ClosureReason, string>,
} as const;

/** Builds one case with its whole story: status history, applications, decisions, payments and journal. */
function buildCase(ctx: GeneratorContext, batch: RowBatch, hh: HouseholdPlan, plan: CasePlan): Timeline {
  const { rng } = ctx;
  const caseId = rng.uuid();
  const staffId = (username: string) => {
    const s = ctx.staff[username];
    if (!s) throw new Error(`Okänd demoanvändare ${username}`);
    return s.id;
  };
  const responsibleId = staffId(plan.responsible);
  const secondId = plan.second ? staffId(plan.second) : null;
  // A newly employed worker took over the case; before that another worker in the unit handled it.
  const predecessor = plan.unit === 'nord' ? 'handlaggare.nord' : 'handlaggare.syd';
  const workerOn = (date: string): string => {
    if (plan.actorsOverride) return staffId(plan.actorsOverride);
    const s = ctx.staff[plan.responsible]!;
    return date < s.employedSince ? staffId(predecessor) : s.id;
  };
  const intakeActor = (date: string) => (plan.actorsOverride ? staffId(plan.actorsOverride) : date < ctx.staff.mottagning!.employedSince ? workerOn(date) : staffId('mottagning'));
  const deciderOn = (date: string, kind: 'new' | 'renewal' | 'supplementary') => {
    if (kind === 'renewal' && plan.second === 'ekonomi' && date >= ctx.staff.ekonomi!.employedSince) return staffId('ekonomi');
    return workerOn(date);
  };

  let lastTs = '';
  const touch = (iso: string) => {
    if (iso > lastTs) lastTs = iso;
  };
  // Held in an object so that TypeScript does not narrow it across the closures that change it.
  const state: { status: CaseStatus | null; statusAt: string } = { status: null, statusAt: '' };
  const transition = (to: CaseStatus, iso: string, actorId: string | null, reason: string) => {
    const from = state.status;
    // Bulk rows, not the server's status functions: the same domain rule (opening included) keeps the history valid.
    if (!canTransition(from, to)) throw new Error(`Otillåten statusövergång ${from ?? 'ny'} → ${to}`);
    const when = maxIso(iso, state.statusAt);
    batch.case_status_history.push({ case_id: caseId, from_status: from, to_status: to, actor_kind: 'staff', actor_id: actorId, reason, at: when });
    state.status = to;
    state.statusAt = when;
    touch(when);
  };

  const opened = plan.openedDate;
  const openedAt = capIso(ctx, workTime(rng, opened));
  const firstChannel = rng.weighted(CHANNELS);
  transition('intake', openedAt, intakeActor(opened), STATUS_REASONS.toIntake[firstChannel] ?? 'Ny ansökan');

  const journalEvents: { phase: JournalPhase; date: string }[] = [{ phase: 'firstContact', date: opened }];
  const firstApp: ApplicationRow = {
    id: rng.uuid(),
    case_id: caseId,
    kind: 'new',
    period_month: monthStart(opened),
    channel: firstChannel,
    submitted_at: openedAt,
    status: 'registered',
    applied_amount: hh.needKr * 100,
    period_start: opened,
    period_end: monthEnd(opened),
    updated_at: openedAt,
  };
  batch.applications.push(firstApp);

  // The end of the stretch in which the household applies monthly.
  // (The last application comes a month or so before monitoring or closure, so its payment has gone out by then.)
  const endDate = plan.endStatus === 'monitoring' ? addDays(plan.monitoringFrom!, -25) : plan.endStatus === 'closed' ? addDays(plan.closedDate!, -35) : ctx.today;

  let investigationDate: string | null = null;
  let firstDecisionDate: string | null = null;
  if (plan.endStatus !== 'intake') {
    investigationDate = minDate(addDays(opened, rng.int(1, 7)), ctx.today);
    const invAt = capIso(ctx, maxIso(workTime(rng, investigationDate), openedAt));
    transition('investigation', invAt, intakeActor(investigationDate), rng.pick(STATUS_REASONS.toInvestigation));
    journalEvents.push({ phase: 'investigation', date: investigationDate });
    firstApp.status = 'inAssessment';
  }

  const monthFactor = (period: string) => {
    // Rents and norms rise a few per cent a year; older months are a little cheaper.
    const yearsAgo = daysBetween(period, ctx.today) / 365;
    return (1 - 0.025 * yearsAgo) * (0.96 + rng.next() * 0.08);
  };

  const addPayments = (decision: DecisionRow, plannedDate: string) => {
    if (decision.amount <= 0) return;
    const paid = plannedDate <= ctx.today;
    const parts: [string, number][] = [];
    const rentOre = hh.rentKr * 100;
    if (hh.payRentToLandlord && decision.amount > rentOre && decision.period_start.endsWith('-01')) {
      parts.push(['landlord', rentOre], ['client', decision.amount - rentOre]);
    } else {
      parts.push(['client', decision.amount]);
    }
    for (const [payee, amount] of parts) {
      batch.payments.push({
        id: rng.uuid(),
        case_id: caseId,
        decision_id: decision.id,
        amount,
        payee,
        planned_date: plannedDate,
        status: paid ? 'paid' : 'planned',
        paid_at: paid ? at(plannedDate, 5, 0) : null,
      });
      if (paid) touch(at(plannedDate, 5, 0));
    }
  };

  const decide = (
    app: ApplicationRow,
    decidedDate: string,
    outcomeOptions: readonly (readonly [DecisionRow['outcome'], number])[],
    periodStart: string,
    periodEnd: string,
    neededOre: number,
    plannedDate: (decided: string) => string,
  ) => {
    const outcome = rng.weighted(outcomeOptions);
    const applied = neededOre;
    let amount = 0;
    if (outcome === 'granted') amount = applied;
    else if (outcome === 'partlyRefused') amount = Math.round((applied / 100) * (0.6 + rng.next() * 0.35)) * 100;
    app.applied_amount = applied;
    app.status = 'decided';
    const decidedAt = capIso(ctx, maxIso(maxIso(workTime(rng, decidedDate), app.submitted_at), state.statusAt));
    app.updated_at = decidedAt;
    const decision: DecisionRow = {
      id: rng.uuid(),
      case_id: caseId,
      application_id: app.id!,
      outcome,
      period_start: periodStart,
      period_end: periodEnd,
      amount,
      decided_by: deciderOn(decidedDate, app.kind),
      decided_at: decidedAt,
      status: 'decided',
    };
    batch.decisions.push(decision);
    touch(decidedAt);
    addPayments(decision, plannedDate(decidedDate));
    return decision;
  };

  let lastDecisionDate: string | null = null;
  if (investigationDate !== null && plan.endStatus !== 'investigation') {
    // First decision after the investigation (before the end of the applying stretch).
    firstDecisionDate = minDate(addDays(investigationDate, rng.int(3, 21)), addDays(endDate, -1));
    if (firstDecisionDate < investigationDate) firstDecisionDate = investigationDate;
    const need = monthlyOre(hh.needKr, monthFactor(opened));
    const first = decide(
      firstApp,
      firstDecisionDate,
      [
        ['granted', 90],
        ['partlyRefused', 8],
        ['refused', 2],
      ],
      opened,
      monthEnd(opened),
      need,
      (d) => addDays(d, rng.int(1, 3)),
    );
    transition('active', first.decided_at, workerOn(firstDecisionDate), rng.pick(STATUS_REASONS.toActive));
    lastDecisionDate = firstDecisionDate;
  }

  if (firstDecisionDate !== null && lastDecisionDate !== null) {
    // Monthly re-applications for the following months.
    for (let period = addMonths(opened, 1); ; period = addMonths(period, 1)) {
      const prevMonth = addMonths(period, -1);
      let submitted = dayOfMonth(prevMonth, rng.int(3, 15));
      if (submitted <= lastDecisionDate) submitted = addDays(lastDecisionDate, rng.int(1, 3));
      if (submitted > endDate || submitted > ctx.today) break;
      if (plan.pause && period >= plan.pause[0] && period < plan.pause[1]) {
        if (period === plan.pause[0] && state.status === 'active') {
          transition('monitoring', capIso(ctx, maxIso(workTime(rng, submitted), lastTs)), workerOn(submitted), rng.pick(STATUS_REASONS.toMonitoring));
        }
        continue;
      }
      if (rng.chance(0.03)) continue; // a month with enough income of its own: no application
      const channel = rng.chance(0.85) ? hh.channel : rng.weighted(CHANNELS);
      const submittedAt = capIso(ctx, maxIso(workTime(rng, submitted), lastTs));
      if (state.status === 'monitoring') transition('active', submittedAt, workerOn(submitted), rng.pick(STATUS_REASONS.backToActive));
      const app: ApplicationRow = {
        id: rng.uuid(),
        case_id: caseId,
        kind: 'renewal',
        period_month: period,
        channel,
        submitted_at: submittedAt,
        status: 'registered',
        applied_amount: 0,
        period_start: period,
        period_end: monthEnd(period),
        updated_at: submittedAt,
      };
      batch.applications.push(app);
      touch(submittedAt);
      // The latest months are filled in, so that the next återansökan starts from them and shows what changed.
      if (period >= addMonths(monthStart(ctx.today), -3)) app.content = JSON.stringify(seededApplicationContent(seedMembers(hh), hh.budget, period.slice(0, 7)));
      const decidedDate = addDays(submitted, rng.int(1, 8));
      const need = monthlyOre(hh.needKr, monthFactor(period));
      if (decidedDate > ctx.today) {
        app.applied_amount = need;
        app.status = rng.chance(0.5) ? 'inAssessment' : 'registered';
        break;
      }
      decide(app, decidedDate, OUTCOMES_RENEWAL, period, monthEnd(period), need, (d) => {
        const regular = dayOfMonth(prevMonth, hh.payday);
        return regular > d ? regular : addDays(d, rng.int(1, 2));
      });
      lastDecisionDate = decidedDate;

      // An occasional supplementary application (tandvård, glasögon, hemutrustning) during the month.
      if (rng.chance(0.04)) {
        const supDate = dayOfMonth(period, rng.int(5, 25));
        const supDecided = addDays(supDate, rng.int(2, 10));
        if (supDate > lastDecisionDate && supDecided <= ctx.today && supDecided <= endDate) {
          const supAt = capIso(ctx, workTime(rng, supDate));
          const sup: ApplicationRow = {
            id: rng.uuid(),
            case_id: caseId,
            kind: 'supplementary',
            period_month: period,
            channel,
            submitted_at: supAt,
            status: 'registered',
            applied_amount: 0,
            period_start: supDate,
            period_end: monthEnd(period),
            updated_at: supAt,
          };
          batch.applications.push(sup);
          touch(supAt);
          decide(sup, supDecided, OUTCOMES_SUPPLEMENTARY, supDate, monthEnd(period), rng.int(5, 60) * 10000, (d) => addDays(d, rng.int(1, 4)));
          lastDecisionDate = supDecided;
        }
      }
    }
  }

  // End state.
  if (plan.endStatus === 'active' && state.status === 'monitoring') {
    // A pause that reached today: the household applied again.
    transition('active', ctx.nowIso, workerOn(ctx.today), rng.pick(STATUS_REASONS.backToActive));
  }
  if (plan.endStatus === 'monitoring' && state.status === 'active') {
    const d = maxIso(plan.monitoringFrom!, lastDecisionDate ?? opened);
    transition('monitoring', capIso(ctx, maxIso(workTime(rng, minDate(d, ctx.today)), lastTs)), workerOn(d), rng.pick(STATUS_REASONS.toMonitoring));
  }
  let closedAt: string | null = null;
  if (plan.endStatus === 'closed') {
    const reason = plan.closureReason ?? 'unknown';
    if (state.status === 'active' && rng.chance(0.4)) {
      const md = minDate(addDays(lastDecisionDate ?? opened, rng.int(5, 25)), plan.closedDate!);
      transition('monitoring', capIso(ctx, maxIso(workTime(rng, md), lastTs)), workerOn(md), rng.pick(STATUS_REASONS.toMonitoring));
    }
    closedAt = capIso(ctx, maxIso(workTime(rng, plan.closedDate!), lastTs));
    transition('closed', closedAt, workerOn(plan.closedDate!), STATUS_REASONS.toClosed[reason]);
    if (reason === 'work' || reason === 'studies' || reason === 'otherBenefit' || reason === 'moved') journalEvents.push({ phase: 'closing', date: plan.closedDate! });
  }
  if (state.status !== plan.endStatus) throw new Error(`Ärendet slutade i ${String(state.status)} i stället för ${plan.endStatus}`);

  // Journal.
  const activeFrom = firstDecisionDate ?? investigationDate ?? opened;
  const activeTo = plan.endStatus === 'closed' ? plan.closedDate! : ctx.today;
  const ongoingCount = firstDecisionDate === null ? 0 : ctx.compact ? rng.int(0, 1) : rng.int(2, 5);
  for (let i = 0; i < ongoingCount; i++) {
    const span = Math.max(0, daysBetween(activeFrom, activeTo));
    journalEvents.push({ phase: 'ongoing', date: addDays(activeFrom, rng.int(0, span)) });
  }
  if (!ctx.compact && firstDecisionDate !== null && rng.chance(0.5)) journalEvents.splice(2, 0, { phase: 'investigation', date: minDate(addDays(investigationDate!, rng.int(1, 10)), activeTo) });
  if (!plan.actorsOverride && firstDecisionDate !== null && rng.chance(0.005)) {
    journalEvents.push({ phase: 'fraud', date: addDays(activeFrom, rng.int(0, Math.max(0, daysBetween(activeFrom, activeTo)))) });
  }
  addJournal(ctx, batch, hh, caseId, journalEvents, {
    channel: firstChannel,
    closureReason: plan.endStatus === 'closed' ? (plan.closureReason ?? 'unknown') : null,
    authorFor: (author, date) => {
      if (plan.actorsOverride) return staffId(plan.actorsOverride);
      if (author === 'intake') return intakeActor(date);
      if (author === 'fraud') return staffId('fut');
      if (author === 'second' && secondId && date >= ctx.staff[plan.second!]!.employedSince) return secondId;
      return workerOn(date);
    },
    touch,
  });

  const caseRow: CaseRow = {
    id: caseId,
    case_number: nextCaseNumber(ctx, opened),
    municipality_code: ctx.municipalityCode,
    unit_id: ctx.unitIds[plan.unit],
    household_id: hh.id,
    responsible_worker_id: responsibleId,
    second_worker_id: secondId,
    status: plan.endStatus,
    opened_at: openedAt,
    closed_at: closedAt,
    closure_reason: plan.endStatus === 'closed' ? (plan.closureReason ?? 'unknown') : null,
    updated_at: capIso(ctx, lastTs),
  };
  batch.cases.push(caseRow);
  return { caseRow, lastTs };
}

function addJournal(
  ctx: GeneratorContext,
  batch: RowBatch,
  hh: HouseholdPlan,
  caseId: string,
  events: { phase: JournalPhase; date: string }[],
  opts: { channel: string; closureReason: ClosureReason | null; authorFor: (author: JournalAuthor, date: string) => string; touch: (iso: string) => void },
) {
  const { rng } = ctx;
  const hasChildren = hh.members.some((m) => m.role === 'child');
  const usable = (t: JournalTemplate) => !t.onlyWithChildren || hasChildren;
  const byPhase = (phase: JournalPhase) => JOURNAL_TEMPLATES.filter((t) => t.phase === phase && usable(t));
  const applicant = hh.applicant.person;
  const context = (date: string): JournalContext => ({
    name: applicant.first_name,
    pronoun: applicant.sex === 'K' ? 'hon' : 'han',
    hasChildren,
    date,
    later: addDays(date, rng.int(14, 35)),
    rent: hh.rentKr,
    closureReason: opts.closureReason,
    pick: (o) => rng.pick(o),
  });
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const usedTitles = new Set<string>();
  const entries: JournalRow[] = [];
  for (const ev of events) {
    let template: JournalTemplate;
    if (ev.phase === 'firstContact') {
      const title =
        opts.channel === 'phone'
          ? rng.chance(0.25)
            ? 'Akut ansökan – livsmedel'
            : 'Telefonsamtal – första kontakt'
          : opts.channel === 'walkIn'
            ? 'Besök i receptionen – första kontakt'
            : opts.channel === 'paper'
              ? 'Pappersansökan inkommen'
              : 'Webbansökan inkommen';
      template = JOURNAL_TEMPLATES.find((t) => t.title === title)!;
    } else {
      const options = byPhase(ev.phase).filter((t) => !usedTitles.has(t.title));
      template = options.length ? rng.pick(options) : rng.pick(byPhase(ev.phase));
    }
    usedTitles.add(template.title);
    const eventDate = minDate(ev.date, ctx.today);
    const eventAt = capIso(ctx, workTime(rng, eventDate));
    const createdAt = capIso(ctx, maxIso(eventAt, workTime(rng, minDate(addDays(eventDate, rng.chance(0.7) ? 0 : rng.int(1, 2)), ctx.today))));
    const authorId = opts.authorFor(template.author, eventDate);
    const c = context(eventDate);
    entries.push({
      id: rng.uuid(),
      case_id: caseId,
      author_id: authorId,
      event_date: eventDate,
      title: template.title,
      body: template.body(c),
      received_orally_from: template.orally ? template.orally(c) : null,
      received_orally_at: template.orally ? eventAt : null,
      corrects_entry_id: null,
      created_at: createdAt,
      updated_at: createdAt,
      signed_at: null,
      signed_by: null,
      step: stepOf(template),
    });
  }
  // Sign: everything but perhaps the latest entry.
  entries.forEach((e, i) => {
    const latest = i === entries.length - 1;
    if (latest && rng.chance(0.35)) return;
    const signDate = minDate(addDays(e.created_at.slice(0, 10), rng.chance(0.6) ? 0 : rng.int(1, 2)), ctx.today);
    let signedAt = maxIso(at(signDate, 14, rng.int(0, 59)), e.created_at);
    if (signedAt > ctx.nowIso) signedAt = e.created_at;
    e.signed_at = signedAt;
    e.signed_by = e.author_id;
    e.updated_at = signedAt;
  });
  // Corrections refer to an earlier signed entry and are written as new, signed entries.
  const corrections = ctx.compact
    ? rng.chance(0.15)
      ? 1
      : 0
    : rng.weighted([
        [0, 65],
        [1, 30],
        [2, 5],
      ] as const);
  const signed = entries.filter((e) => e.signed_at !== null);
  for (let k = 0; k < corrections && signed.length > 0; k++) {
    const original = rng.pick(signed);
    const date = minDate(addDays(original.signed_at!.slice(0, 10), rng.int(1, 20)), ctx.today);
    const createdAt = capIso(ctx, maxIso(workTime(rng, date), original.signed_at!));
    entries.push({
      id: rng.uuid(),
      case_id: caseId,
      author_id: original.author_id,
      event_date: date,
      title: `Rättelse: ${original.title}`,
      body: rng
        .pick(CORRECTION_BODIES.filter((k) => k.appliesTo(original.title, original.received_orally_from ?? null)))
        .body({ title: original.title, eventDate: original.event_date }, context(date)),
      received_orally_from: null,
      received_orally_at: null,
      corrects_entry_id: original.id,
      created_at: createdAt,
      updated_at: createdAt,
      signed_at: createdAt,
      signed_by: original.author_id,
      step: original.step,
    });
  }
  for (const e of entries) {
    opts.touch(e.updated_at);
    batch.journal_entries.push(e);
  }
}

// ---------------------------------------------------------------- households

const RESPONSIBLE: Record<UnitKey, readonly (readonly [string, number])[]> = {
  nord: [
    ['handlaggare.nord', 62],
    ['forste', 18],
    ['arbetsmarknad', 20],
  ],
  syd: [
    ['handlaggare.syd', 68],
    ['ekonomi', 22],
    ['nyanstalld', 10],
  ],
};
const CLOSURE_WEIGHTS: Record<ClosureReason, number> = { work: 30, studies: 10, otherBenefit: 15, moved: 12, noApplication: 20, deceased: 1, unknown: 6 };
const SPLIT_PARTNER: Record<string, string> = {
  'handlaggare.nord': 'arbetsmarknad',
  forste: 'arbetsmarknad',
  arbetsmarknad: 'handlaggare.nord',
  'handlaggare.syd': 'ekonomi',
  nyanstalld: 'ekonomi',
  ekonomi: 'handlaggare.syd',
};

/** Generates one household with its current case (and sometimes an older, closed case). */
export function generateHousehold(ctx: GeneratorContext, batch: RowBatch, special?: SpecialHousehold): GeneratedHousehold {
  const { rng, today } = ctx;
  let type: HouseholdType = rng.weighted([
    ['single', 58],
    ['couple', 9],
    ['singleParent', 19],
    ['coupleWithChildren', 14],
  ] as const);
  let unit: UnitKey = rng.chance(0.5) ? 'nord' : 'syd';
  let endStatus: CaseStatus = rng.weighted([
    ['active', 68],
    ['intake', 5],
    ['investigation', 8],
    ['monitoring', 8],
    ['closed', 11],
  ] as const);
  if (special === 'clientNord') {
    type = 'single';
    unit = 'nord';
    endStatus = 'active';
  }
  if (special === 'clientSyd') {
    type = rng.chance(0.5) ? 'singleParent' : 'coupleWithChildren';
    unit = 'syd';
    endStatus = 'active';
  }
  if (special === 'protected') {
    type = 'singleParent';
    unit = 'nord';
    endStatus = 'active';
  }

  const light = type === 'single';
  let responsible = rng.weighted(RESPONSIBLE[unit].filter(([u]) => light || u !== 'nyanstalld'));
  if (special === 'clientNord' || special === 'protected') responsible = 'handlaggare.nord';
  if (special === 'clientSyd') responsible = 'handlaggare.syd';
  let second: string | null = rng.chance(0.2) ? SPLIT_PARTNER[responsible]! : null;
  if (special === 'clientSyd') second = 'ekonomi';
  if (special === 'protected' || special === 'clientNord') second = null;
  const newWorker = responsible === 'nyanstalld';
  if (newWorker && (endStatus === 'closed' || endStatus === 'monitoring')) endStatus = 'active';

  // The household's history: 1–5 years ending today (lighter and shorter for a newly employed worker).
  const historyDays = newWorker ? rng.int(365, 550) : special ? rng.int(500, 900) : rng.int(365, (ctx.compact ? 3 : 5) * 365);
  const historyStart = addDays(today, -historyDays);
  const isNew = endStatus === 'intake' || endStatus === 'investigation';
  let currentOpened: string;
  if (endStatus === 'intake') currentOpened = addDays(today, -rng.int(0, 10));
  else if (endStatus === 'investigation') currentOpened = addDays(today, -rng.int(7, 40));
  else currentOpened = historyStart;

  // When the current case went to monitoring or was closed.
  const monitoringFrom = endStatus === 'monitoring' ? addDays(today, -rng.int(20, 120)) : undefined;
  const closedDate = endStatus === 'closed' ? addDays(today, -rng.int(5, 330)) : undefined;
  const closureReason = endStatus === 'closed' ? rng.weighted(CLOSURE_REASONS.map((r) => [r, CLOSURE_WEIGHTS[r]] as const)) : undefined;
  const stretchEnd = monitoringFrom ?? closedDate;
  if (stretchEnd && daysBetween(currentOpened, stretchEnd) < 60) {
    // Too short a stretch for its story: the case opened earlier.
    currentOpened = addDays(stretchEnd, -rng.int(60, 200));
  }

  // Some households have an older, closed case before the current one (a return to assistance).
  let olderCase: { opened: string; closed: string; reason: ClosureReason } | null = null;
  const wantsOlder = !newWorker && !special && (isNew ? rng.chance(0.6) : rng.chance(0.22));
  if (wantsOlder) {
    const olderMonths = rng.int(3, 18);
    const gapDays = rng.int(60, 360);
    const olderOpened = minDate(historyStart, currentOpened);
    const olderClosed = addDays(olderOpened, olderMonths * 30);
    const currentStart = addDays(olderClosed, gapDays);
    const latestCurrentStart = isNew ? currentOpened : addDays(stretchEnd ?? today, stretchEnd ? -90 : -120);
    if (currentStart <= latestCurrentStart) {
      olderCase = {
        opened: olderOpened,
        closed: olderClosed,
        reason: rng.weighted([
          ['work', 40],
          ['studies', 12],
          ['otherBenefit', 18],
          ['noApplication', 22],
          ['unknown', 8],
        ] as const),
      };
      if (!isNew) currentOpened = currentStart;
    }
  }

  const firstSeen = olderCase ? olderCase.opened : currentOpened;
  const yearsOfHistory = Math.ceil(daysBetween(firstSeen, today) / 365);
  const hh = planHousehold(ctx, type, { minAdultAge: 18 + yearsOfHistory, protectedIdentity: special === 'protected', createdAt: at(firstSeen, 6, 0) });

  batch.households.push({ id: hh.id, municipality_code: ctx.municipalityCode, created_at: at(firstSeen, 6, 0) });
  for (const m of hh.members) {
    batch.persons.push(m.person);
    batch.household_members.push({ household_id: hh.id, person_id: m.person.id, role: m.role, days_at_home: m.daysAtHome });
  }
  if (special === 'protected') {
    for (const m of hh.members) batch.protected_access.push({ person_id: m.person.id, user_id: ctx.staff['handlaggare.nord']!.id, granted_at: at(firstSeen, 6, 30) });
  }

  if (olderCase) {
    const olderResponsible = rng.weighted(RESPONSIBLE[unit].filter(([u]) => u !== 'nyanstalld'));
    buildCase(ctx, batch, hh, {
      unit,
      responsible: olderResponsible,
      second: null,
      openedDate: olderCase.opened,
      endStatus: 'closed',
      closedDate: olderCase.closed,
      closureReason: olderCase.reason,
    });
  }

  const plan: CasePlan = { unit, responsible, second, openedDate: currentOpened, endStatus };
  if (special === 'protected') plan.actorsOverride = 'handlaggare.nord';
  if (monitoringFrom) plan.monitoringFrom = monitoringFrom;
  if (closedDate) plan.closedDate = closedDate;
  if (closureReason) plan.closureReason = closureReason;
  if (endStatus === 'active' && !special && rng.chance(0.06)) {
    const months = Math.floor(daysBetween(currentOpened, today) / 30);
    if (months > 8) {
      const from = addMonths(currentOpened, rng.int(2, months - 5));
      const to = addMonths(from, rng.int(1, 3));
      if (to <= addMonths(today, -2)) plan.pause = [from, to];
    }
  }
  const { caseRow } = buildCase(ctx, batch, hh, plan);
  return { applicant: hh.applicant.person, members: hh.members.length, currentCase: caseRow };
}

export const STATUS_LABEL = CASE_STATUS_LABELS;
