/**
 * The monthly cycle on an existing case: a follow-up application (återansökan for the next month, tilläggsansökan
 * for a month already decided) built from the last decided month's content, and what changed since then. The same
 * function serves every channel (paper, phone, registered by staff; later the e-service). Pure: the caller gives the
 * case's applications and the previous content.
 */
import { addMonthsIso, formatSwedishMonth, monthBounds } from '../calendar.ts';
import { formatKronor } from '../money.ts';
import { COST_TYPE_LABELS, INCOME_TYPE_LABELS } from '../norm/labels.ts';
import { ASSET_LABELS, HOUSING_COST_ID, TENURE_LABELS, type ApplicationContent } from './content.ts';

export const FOLLOW_UP_KINDS = ['renewal', 'supplementary'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];
/** Channels staff register a follow-up application from (the e-service adds 'web' itself). Codes of CHANNEL_LABELS. */
export const FOLLOW_UP_STAFF_CHANNELS = ['paper', 'phone', 'walkIn'] as const;
export type FollowUpStaffChannel = (typeof FOLLOW_UP_STAFF_CHANNELS)[number];

/** One of the case's applications, as far as the follow-up rules need it. */
export interface CaseApplicationFact {
  id: string;
  kind: string;
  /** YYYY-MM */
  periodMonth: string;
  status: string;
  /** The application has a decision that is made (status 'decided'). */
  decided: boolean;
  /** Its content when filled in. */
  content: ApplicationContent | null;
}

export interface FollowUpRefusal {
  /** 409: the case's applications do not allow it; 400: the request itself is wrong. */
  status: 400 | 409;
  path: string;
  message: string;
}
export type FollowUpPlan = { ok: true; periodMonth: string; basedOn: CaseApplicationFact; content: ApplicationContent } | { ok: false; refusal: FollowUpRefusal };

/** Statuses of an application that no longer stands (it does not block another one for its month). */
const ENDED = ['withdrawn', 'referred'];

/** The month after 'YYYY-MM'. */
export function nextMonth(month: string): string {
  return addMonthsIso(`${month}-01`, 1).slice(0, 7);
}

/** The latest decided month's application (a new or renewal before a supplementary), optionally before (or in) a month. */
export function lastDecidedApplication(apps: readonly CaseApplicationFact[], opts: { before?: string; inMonth?: string } = {}): CaseApplicationFact | null {
  const candidates = apps
    .filter((a) => a.decided)
    .filter((a) => (opts.before ? a.periodMonth < opts.before : true))
    .filter((a) => (opts.inMonth ? a.periodMonth === opts.inMonth : true))
    .sort((a, b) => b.periodMonth.localeCompare(a.periodMonth) || (a.kind === 'supplementary' ? 1 : 0) - (b.kind === 'supplementary' ? 1 : 0));
  return candidates[0] ?? null;
}

/** The month a new återansökan is for by default: the month after the last decided one. */
export function suggestedRenewalMonth(apps: readonly CaseApplicationFact[]): string | null {
  const last = lastDecidedApplication(apps);
  return last ? nextMonth(last.periodMonth) : null;
}

/**
 * Which decided application a follow-up application for the month is built from, or why there may be none: a renewal
 * is refused for a month that already has an open or decided new/renewal application, a supplementary for a month
 * without a decision made.
 */
export function followUpBase(apps: readonly CaseApplicationFact[], kind: FollowUpKind, periodMonth: string): { ok: true; basedOn: CaseApplicationFact } | { ok: false; refusal: FollowUpRefusal } {
  const refuse = (status: 400 | 409, path: string, message: string) => ({ ok: false as const, refusal: { status, path, message } });
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(periodMonth)) return refuse(400, '/body/periodMonth', 'Ange månaden som ÅÅÅÅ-MM.');
  const label = formatSwedishMonth(periodMonth);
  if (kind === 'renewal') {
    const blocking = apps.find((a) => a.periodMonth === periodMonth && (a.kind === 'new' || a.kind === 'renewal') && !ENDED.includes(a.status));
    if (blocking) {
      const what = blocking.decided ? 'en beslutad' : 'en pågående';
      return refuse(409, '/body/periodMonth', `Det finns redan ${what} ansökan för ${label}. Gör en tilläggsansökan om det gäller ett nytt behov den månaden.`);
    }
    const basedOn = lastDecidedApplication(apps, { before: periodMonth });
    if (!basedOn) return refuse(409, '/body/periodMonth', `Det finns ingen beslutad månad före ${label} att utgå från. Registrera en nyansökan i stället.`);
    return { ok: true, basedOn };
  }
  const basedOn = lastDecidedApplication(apps, { inMonth: periodMonth });
  if (!basedOn) return refuse(409, '/body/periodMonth', `${capitalize(label)} har inget fattat beslut. En tilläggsansökan gäller en månad som redan är beslutad.`);
  return { ok: true, basedOn };
}

/**
 * The follow-up application's content: last decided month's household, housing, incomes, costs, assets and
 * jobbstimulans (row ids kept so that the months can be compared), the period set to the month applied for.
 */
export function followUpContent(previous: ApplicationContent, periodMonth: string): ApplicationContent {
  const { first, last } = monthBounds(periodMonth);
  return {
    version: 1,
    applicant: { ...previous.applicant },
    coApplicant: previous.coApplicant ? { ...previous.coApplicant } : null,
    children: previous.children.map((c) => ({ ...c })),
    housing: { ...previous.housing },
    incomes: previous.incomes.map((x) => ({ ...x })),
    costs: previous.costs.map((x) => ({ ...x })),
    assets: previous.assets.map((x) => ({ ...x })),
    period: { start: first, end: last },
    jobStimulus: [...previous.jobStimulus],
  };
}

/** Plans a follow-up application: its base (see followUpBase) and its content; `contentOf` gives a base without content its content (e.g. the household). */
export function planFollowUpApplication(apps: readonly CaseApplicationFact[], kind: FollowUpKind, periodMonth: string, contentOf?: (a: CaseApplicationFact) => ApplicationContent): FollowUpPlan {
  const base = followUpBase(apps, kind, periodMonth);
  if (!base.ok) return base;
  const previous = base.basedOn.content ?? contentOf?.(base.basedOn);
  if (!previous) return { ok: false, refusal: { status: 409, path: '/body/periodMonth', message: 'Den beslutade månaden saknar uppgifter att utgå från.' } };
  return { ok: true, periodMonth, basedOn: base.basedOn, content: followUpContent(previous, periodMonth) };
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// ---- What changed since last month ---------------------------------------------------------------------------------

export type ContentChangeArea = 'household' | 'housing' | 'income' | 'cost' | 'asset' | 'jobStimulus';
export interface ContentChange {
  area: ContentChangeArea;
  /**
   * What changed, stable across months: 'housing.rent', 'housing.tenure', 'housing.personsInDwelling',
   * 'coApplicant', 'child:<id>', 'child:<id>.daysAtHome', 'cost:<id>', 'income:<id>', 'asset:<id>', 'jobStimulus'.
   * A cost's key is its calculation line and decision item key ('cost:housing' for the rent).
   */
  key: string;
  change: 'added' | 'removed' | 'changed';
  label: string;
  /** Last month's value as shown to a person ('' when added). */
  before: string;
  /** This month's value ('' when removed). */
  after: string;
}

const kr = (ore: number) => formatKronor(ore);
const days = (d: number | null) => (d === null ? 'hela månaden' : `${d} dagar`);

/** Every difference a caseworker must look at between last month's content and this month's. */
export function diffApplicationContent(previous: ApplicationContent, current: ApplicationContent): ContentChange[] {
  const out: ContentChange[] = [];
  const push = (c: ContentChange) => out.push(c);

  // Household.
  if (!!previous.coApplicant !== !!current.coApplicant || (previous.coApplicant && current.coApplicant && previous.coApplicant.name !== current.coApplicant.name)) {
    push({
      area: 'household',
      key: 'coApplicant',
      change: !previous.coApplicant ? 'added' : !current.coApplicant ? 'removed' : 'changed',
      label: 'Medsökande',
      before: previous.coApplicant?.name ?? '',
      after: current.coApplicant?.name ?? '',
    });
  }
  for (const child of current.children) {
    const was = previous.children.find((c) => c.id === child.id);
    if (!was) push({ area: 'household', key: `child:${child.id}`, change: 'added', label: `Barn: ${child.name}`, before: '', after: `${child.name}, ${days(child.daysAtHome)} hemma` });
    else if (was.daysAtHome !== child.daysAtHome)
      push({ area: 'household', key: `child:${child.id}.daysAtHome`, change: 'changed', label: `Dagar hemma: ${child.name}`, before: days(was.daysAtHome), after: days(child.daysAtHome) });
  }
  for (const was of previous.children)
    if (!current.children.some((c) => c.id === was.id))
      push({ area: 'household', key: `child:${was.id}`, change: 'removed', label: `Barn: ${was.name}`, before: `${was.name}, ${days(was.daysAtHome)} hemma`, after: '' });

  // Housing.
  if (previous.housing.rent !== current.housing.rent)
    push({ area: 'housing', key: `cost:${HOUSING_COST_ID}`, change: 'changed', label: 'Boendekostnad (hyra)', before: kr(previous.housing.rent), after: kr(current.housing.rent) });
  if (previous.housing.tenure !== current.housing.tenure)
    push({ area: 'housing', key: 'housing.tenure', change: 'changed', label: 'Boendeform', before: TENURE_LABELS[previous.housing.tenure], after: TENURE_LABELS[current.housing.tenure] });
  if (previous.housing.personsInDwelling !== current.housing.personsInDwelling)
    push({
      area: 'housing',
      key: 'housing.personsInDwelling',
      change: 'changed',
      label: 'Personer i bostaden',
      before: String(previous.housing.personsInDwelling),
      after: String(current.housing.personsInDwelling),
    });

  // Lines: costs, incomes, assets.
  const lines = <T extends { id: string }>(
    area: ContentChangeArea,
    prefix: string,
    before: readonly T[],
    after: readonly T[],
    labelOf: (x: T) => string,
    amountOf: (x: T) => number,
    sameKind: (a: T, b: T) => boolean,
  ) => {
    for (const x of after) {
      const was = before.find((b) => b.id === x.id);
      if (!was) push({ area, key: `${prefix}:${x.id}`, change: 'added', label: labelOf(x), before: '', after: kr(amountOf(x)) });
      else if (amountOf(was) !== amountOf(x) || !sameKind(was, x))
        push({ area, key: `${prefix}:${x.id}`, change: 'changed', label: labelOf(x), before: `${sameKind(was, x) ? '' : `${labelOf(was)}: `}${kr(amountOf(was))}`, after: kr(amountOf(x)) });
    }
    for (const was of before) if (!after.some((x) => x.id === was.id)) push({ area, key: `${prefix}:${was.id}`, change: 'removed', label: labelOf(was), before: kr(amountOf(was)), after: '' });
  };
  const noted = (base: string, note: string) => (note ? `${base} (${note.slice(0, 60)})` : base);
  lines(
    'cost',
    'cost',
    previous.costs,
    current.costs,
    (x) => noted(COST_TYPE_LABELS[x.type], x.note),
    (x) => x.amount,
    (a, b) => a.type === b.type,
  );
  lines(
    'income',
    'income',
    previous.incomes,
    current.incomes,
    (x) => noted(INCOME_TYPE_LABELS[x.type], x.note),
    (x) => x.amount,
    (a, b) => a.type === b.type && a.person === b.person,
  );
  lines(
    'asset',
    'asset',
    previous.assets,
    current.assets,
    (x) => noted(ASSET_LABELS[x.kind], x.note),
    (x) => x.value,
    (a, b) => a.kind === b.kind,
  );

  const js = (c: ApplicationContent) => [...c.jobStimulus].sort().join(',');
  if (js(previous) !== js(current)) {
    const text = (c: ApplicationContent) => (c.jobStimulus.length ? c.jobStimulus.map((a) => (a === 'applicant' ? 'sökande' : 'medsökande')).join(' och ') : 'ingen');
    push({ area: 'jobStimulus', key: 'jobStimulus', change: 'changed', label: 'Jobbstimulans', before: text(previous), after: text(current) });
  }
  return out;
}

// ---- Reasons carried forward ---------------------------------------------------------------------------------------

/** A decision item as far as carrying its reason forward needs it. */
export interface ReasonItem {
  key: string;
  kind: 'norm' | 'cost' | 'income';
  label: string;
  reason: string;
}

/** The decision items a change touches: a cost line its item; household and job stimulus the norm; incomes the income item. */
export function itemKeysTouchedBy(changes: readonly ContentChange[]): Set<string> {
  const keys = new Set<string>();
  for (const c of changes) {
    if (c.area === 'cost' || c.key === `cost:${HOUSING_COST_ID}`) keys.add(c.key);
    else if (c.area === 'household' || c.key === 'housing.personsInDwelling') {
      keys.add('norm');
      // The household's size changes how costs shared in the dwelling are counted.
      if (c.key === 'housing.personsInDwelling') keys.add(`cost:${HOUSING_COST_ID}`);
    } else if (c.area === 'income' || c.area === 'jobStimulus') keys.add('income');
    else if (c.key === 'housing.tenure') keys.add(`cost:${HOUSING_COST_ID}`);
  }
  return keys;
}

export interface CarriedReasons {
  /** The items with the reason they get (the previous one where it was carried, the current one otherwise). */
  items: { key: string; reason: string }[];
  /** Items whose reason was taken from last month. */
  carried: { key: string; label: string }[];
  /** Items with a previous reason whose content changed: they need a fresh reason. */
  changed: { key: string; label: string }[];
}

/**
 * Last month's per-item reasons for the items whose content did not change. A carried reason replaces the item's
 * reason (never appended), so carrying twice gives the same text. Changed items keep their current reason.
 */
export function carryForwardReasons(previousItems: readonly ReasonItem[], currentItems: readonly ReasonItem[], changes: readonly ContentChange[]): CarriedReasons {
  const touched = itemKeysTouchedBy(changes);
  const out: CarriedReasons = { items: [], carried: [], changed: [] };
  for (const item of currentItems) {
    const was = previousItems.find((p) => p.key === item.key);
    const previousReason = was?.reason.trim() ?? '';
    if (touched.has(item.key) || !was) {
      if (touched.has(item.key)) out.changed.push({ key: item.key, label: item.label });
      out.items.push({ key: item.key, reason: item.reason });
    } else if (previousReason) {
      out.items.push({ key: item.key, reason: previousReason });
      out.carried.push({ key: item.key, label: item.label });
    } else out.items.push({ key: item.key, reason: item.reason });
  }
  return out;
}

/** "Ändrat sedan förra månaden": the heading text with the month compared with. */
export function changedSinceLabel(previousMonth: string): string {
  return `Ändrat sedan förra månaden (${formatSwedishMonth(previousMonth)})`;
}
