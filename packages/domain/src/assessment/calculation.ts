/**
 * From application content to norm-engine input (one per calendar month of the period), and from engine results plus
 * the caseworker's adjustments to the rows shown in "Beräkning" (the Sundsvall model: every row has a system
 * value and, when adjusted, a caseworker value that wins; an adjustment is soft-deleted and can be restored; a
 * recalculation never loses it). Pure.
 */
import { COST_TYPE_LABELS, INCOME_TYPE_LABELS } from '../norm/labels.ts';
import type { CostType, IncomeType, LineSource, NormInput, NormLine, NormResult, NormWarning, ProposalOutcome } from '../norm/types.ts';
import { ADULT_REF_LABELS, HOUSING_COST_ID, monthsOfPeriod, type ApplicationContent } from './content.ts';

export interface MonthInput {
  month: string;
  input: NormInput;
  /** Line key per engine cost index / income index, to map result lines back to content rows. */
  costKeys: string[];
  incomeKeys: string[];
}

/** Keys of calculation lines: stable across recalculations as long as the content row keeps its id. */
export const lineKey = {
  cost: (id: string) => `cost:${id}`,
  income: (id: string) => `income:${id}`,
  personal: (id: string) => `personal:${id}`,
  common: 'common',
  jobStimulus: (adult: string) => `jobStimulus:${adult}`,
};

/** One engine input per calendar month of the application's period. */
export function buildNormInputs(content: ApplicationContent, municipality: string): MonthInput[] {
  const months = monthsOfPeriod(content.period.start, content.period.end);
  return months.map((month) => {
    const costKeys: string[] = [];
    const costs: NonNullable<NormInput['costs']> = [];
    if (content.housing.rent > 0) {
      costs.push({ type: 'rent', amount: content.housing.rent });
      costKeys.push(lineKey.cost(HOUSING_COST_ID));
    }
    for (const c of content.costs) {
      costs.push({ type: c.type, amount: c.amount });
      costKeys.push(lineKey.cost(c.id));
    }
    const incomeKeys = content.incomes.map((i) => lineKey.income(i.id));
    const persons = 1 + (content.coApplicant ? 1 : 0) + content.children.length;
    const input: NormInput = {
      month,
      municipality,
      adults: [{ id: 'applicant', role: 'applicant' }, ...(content.coApplicant ? [{ id: 'coApplicant', role: 'coApplicant' as const }] : [])],
      children: content.children.map((c) => ({
        id: c.id,
        birthDate: c.birthDate,
        ...(c.daysAtHome !== null ? { daysAtHome: Math.min(c.daysAtHome, daysIn(month)) } : {}),
        ...(c.lunchAtPreschool ? { lunchAtPreschool: true } : {}),
      })),
      costs,
      incomes: content.incomes.map((i) => ({ type: i.type, person: i.person, amount: i.amount })),
      ...(content.jobStimulus.length ? { jobStimulus: [...content.jobStimulus] } : {}),
      ...(content.housing.sharesHousehold && content.housing.personsInDwelling > persons ? { householdSize: content.housing.personsInDwelling } : {}),
    };
    return { month, input, costKeys, incomeKeys };
  });
}

function daysIn(month: string): number {
  const y = Number(month.slice(0, 4)),
    m = Number(month.slice(5, 7));
  return [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

export interface AdjustmentInput {
  id: string;
  lineKey: string;
  value: number;
  note: string;
  createdBy: string;
  createdByName?: string | null;
  createdAt: string;
  deletedAt: string | null;
}

export type RowKind = 'personal' | 'common' | 'cost' | 'income' | 'jobStimulus';

export interface CalculationRow {
  key: string;
  kind: RowKind;
  label: string;
  costType?: CostType;
  incomeType?: IncomeType;
  /** Costs: applied amount; incomes: reported amount. */
  applied: number | null;
  systemValue: number;
  /** The caseworker's value, when an active adjustment exists. */
  workerValue: number | null;
  /** workerValue ?? systemValue: what counts. */
  value: number;
  origin: 'system' | 'caseworker';
  adjustmentId: string | null;
  note: string | null;
  adjustable: boolean;
  explanation: string;
  rule: string;
  /** Where the amount comes from (absent in calculations stored before it was kept); a provisional one is told in the letter. */
  source?: Pick<LineSource, 'id' | 'status' | 'text'>;
  warnings: NormWarning[];
}

export interface CalculationTotals {
  personal: number;
  common: number;
  norm: number;
  costsApplied: number;
  costs: number;
  need: number;
  income: number;
  assistance: number;
}

export interface EffectiveMonth {
  month: string;
  rows: CalculationRow[];
  totals: CalculationTotals;
  systemTotals: CalculationTotals;
  /** Warnings not tied to one row (e.g. provisional table, example guidelines). */
  warnings: NormWarning[];
}

export interface EffectiveCalculation {
  months: EffectiveMonth[];
  totals: CalculationTotals;
  systemAssistance: number;
  outcome: ProposalOutcome;
  outcomeExplanation: string;
  /** Active adjustments whose line no longer exists (the content row was removed): kept, not applied. */
  unmatchedAdjustments: string[];
}

export interface NameBook {
  adults: string;
  children: Record<string, string>;
  persons: Record<string, string>;
}

/** Display names for rows: children by name, adults as Sökande/Medsökande. */
export function nameBook(content: ApplicationContent): NameBook {
  const children: Record<string, string> = {};
  for (const c of content.children) children[c.id] = c.name || 'Barn';
  return {
    adults: content.coApplicant ? 'sökande och medsökande' : 'sökande',
    children,
    persons: { applicant: ADULT_REF_LABELS.applicant, coApplicant: ADULT_REF_LABELS.coApplicant, ...children },
  };
}

function keyOf(line: NormLine, m: MonthInput): string {
  const index = line.inputPath ? Number(line.inputPath.split('/')[2]) : -1;
  switch (line.kind) {
    case 'personal':
      return line.persons ? lineKey.personal('adults') : line.person === 'applicant' || line.person === 'coApplicant' ? lineKey.personal('adults') : lineKey.personal(line.person ?? '?');
    case 'common':
      return lineKey.common;
    case 'cost':
      return m.costKeys[index] ?? `cost:#${index}`;
    case 'income':
      return m.incomeKeys[index] ?? `income:#${index}`;
    case 'jobStimulus':
      return lineKey.jobStimulus(line.person ?? '?');
  }
}

function labelOf(line: NormLine, key: string, names: NameBook, content: ApplicationContent): string {
  switch (line.kind) {
    case 'personal':
      return key === 'personal:adults' ? `Personliga kostnader, ${names.adults}` : `Personliga kostnader, ${names.children[line.person ?? ''] ?? 'barn'}`;
    case 'common':
      return 'Gemensamma hushållskostnader';
    case 'cost': {
      const id = key.slice(5);
      const note = content.costs.find((c) => c.id === id)?.note;
      const base = line.costType ? COST_TYPE_LABELS[line.costType] : 'Kostnad';
      return note ? `${base} (${note.slice(0, 60)})` : base;
    }
    case 'income': {
      const who = names.persons[line.person ?? ''] ?? line.person ?? '';
      return `${line.incomeType ? INCOME_TYPE_LABELS[line.incomeType] : 'Inkomst'}, ${who}`;
    }
    case 'jobStimulus':
      return `Jobbstimulans, ${names.persons[line.person ?? ''] ?? ''}`;
  }
}

/** Which row a warning belongs to, by its input path; null = general. */
function warningKey(w: NormWarning, m: MonthInput, content: ApplicationContent): string | null {
  if (!w.path) return null;
  const parts = w.path.split('/');
  const i = Number(parts[2]);
  if (parts[1] === 'costs') return m.costKeys[i] ?? null;
  if (parts[1] === 'incomes') return m.incomeKeys[i] ?? null;
  if (parts[1] === 'children') return content.children[i] ? lineKey.personal(content.children[i]!.id) : null;
  if (parts[1] === 'adults') return lineKey.personal('adults');
  if (parts[1] === 'householdSize') return lineKey.common;
  return null;
}

function totalsOf(rows: CalculationRow[], pick: (r: CalculationRow) => number): CalculationTotals {
  let personal = 0,
    common = 0,
    costsApplied = 0,
    costs = 0,
    income = 0;
  for (const r of rows) {
    const v = pick(r);
    if (r.kind === 'personal') personal += v;
    else if (r.kind === 'common') common += v;
    else if (r.kind === 'cost') {
      costs += v;
      costsApplied += r.applied ?? 0;
    } else income += v; // income and (negative) job stimulus
  }
  const norm = personal + common;
  const need = norm + costs;
  return { personal, common, norm, costsApplied, costs, need, income, assistance: need > income ? need - income : 0 };
}

/**
 * Assistance already granted for a month by earlier decisions. A tilläggsansökan is calculated for the whole month
 * and this is deducted, so that it gives only what is added (never the month a second time).
 */
export interface AlreadyGranted {
  month: string;
  /** Öre granted by the decisions in force for the month. */
  amount: number;
  /** Which decisions, in plain Swedish (e.g. "beslut 2026-02-20"). */
  decisions: string;
}

/** The key of an already-granted row: no adjustment can be made to it. */
export const ALREADY_GRANTED_KEY_PREFIX = 'granted:';

function alreadyGrantedRow(g: AlreadyGranted, monthLabel: string): CalculationRow {
  return {
    key: `${ALREADY_GRANTED_KEY_PREFIX}${g.month}`,
    kind: 'income',
    label: `Redan beviljat för ${monthLabel}`,
    applied: null,
    systemValue: g.amount,
    workerValue: null,
    value: g.amount,
    origin: 'system',
    adjustmentId: null,
    note: null,
    adjustable: false,
    explanation: `Bistånd som redan har beviljats för ${monthLabel} (${g.decisions}) räknas av: tilläggsansökan ger bara det som tillkommer.`,
    rule: 'SUPPLEMENTARY-ALREADY-GRANTED',
    source: { id: 'decisions', status: 'official', text: g.decisions },
    warnings: [],
  };
}

/**
 * Rows after the adjustments; totals always equal the sums of the rows' values. `alreadyGranted` (a tilläggsansökan)
 * adds a row per month that deducts what earlier decisions granted for it.
 */
export function applyAdjustments(
  content: ApplicationContent,
  months: { month: MonthInput; result: NormResult }[],
  adjustments: readonly AdjustmentInput[],
  alreadyGranted: readonly AlreadyGranted[] = [],
  monthLabel: (month: string) => string = (month) => month,
): EffectiveCalculation {
  const names = nameBook(content);
  const active = adjustments.filter((a) => a.deletedAt === null);
  const byKey = new Map<string, AdjustmentInput>();
  // The newest active adjustment of a line wins.
  for (const a of [...active].sort((x, y) => x.createdAt.localeCompare(y.createdAt))) byKey.set(a.lineKey, a);
  const used = new Set<string>();
  const outMonths: EffectiveMonth[] = months.map(({ month: m, result }) => {
    const general: NormWarning[] = [];
    const rows: CalculationRow[] = result.lines.map((line) => {
      const key = keyOf(line, m);
      const adjustable = line.kind !== 'jobStimulus';
      const adj = adjustable ? byKey.get(key) : undefined;
      if (adj) used.add(adj.lineKey);
      const row: CalculationRow = {
        key,
        kind: line.kind,
        label: labelOf(line, key, names, content),
        applied: line.applied ?? null,
        systemValue: line.amount,
        workerValue: adj ? adj.value : null,
        value: adj ? adj.value : line.amount,
        origin: adj ? 'caseworker' : 'system',
        adjustmentId: adj?.id ?? null,
        note: adj?.note ?? null,
        adjustable,
        explanation: line.explanation,
        rule: line.rule,
        source: { id: line.source.id, status: line.source.status, text: line.source.text },
        warnings: [],
      };
      if (line.costType) row.costType = line.costType;
      if (line.incomeType) row.incomeType = line.incomeType;
      return row;
    });
    for (const w of result.warnings) {
      const key = warningKey(w, m, content);
      const row = key ? rows.find((r) => r.key === key) : undefined;
      if (row) row.warnings.push(w);
      else general.push(w);
    }
    const granted = alreadyGranted.find((g) => g.month === m.month);
    if (granted && granted.amount > 0) rows.push(alreadyGrantedRow(granted, monthLabel(m.month)));
    return { month: m.month, rows, totals: totalsOf(rows, (r) => r.value), systemTotals: totalsOf(rows, (r) => r.systemValue), warnings: general };
  });
  const sum = (f: (t: CalculationTotals) => number, which: 'totals' | 'systemTotals') => outMonths.reduce((s, mo) => s + f(mo[which]), 0);
  const totals: CalculationTotals = {
    personal: sum((t) => t.personal, 'totals'),
    common: sum((t) => t.common, 'totals'),
    norm: sum((t) => t.norm, 'totals'),
    costsApplied: sum((t) => t.costsApplied, 'totals'),
    costs: sum((t) => t.costs, 'totals'),
    need: sum((t) => t.need, 'totals'),
    income: sum((t) => t.income, 'totals'),
    assistance: sum((t) => t.assistance, 'totals'),
  };
  const systemAssistance = sum((t) => t.assistance, 'systemTotals');
  const reduced = outMonths.some((mo) => mo.rows.some((r) => r.kind === 'cost' && r.applied !== null && r.value < r.applied));
  let outcome: ProposalOutcome;
  let outcomeExplanation: string;
  if (totals.assistance === 0) {
    outcome = 'refused';
    outcomeExplanation = 'Inkomsterna täcker behovet: förslaget är avslag.';
  } else if (reduced) {
    outcome = 'partlyRefused';
    outcomeExplanation = 'Någon ansökt kostnad godkänns inte fullt ut: förslaget är delavslag.';
  } else {
    outcome = 'granted';
    outcomeExplanation = 'Allt ansökt godkänns: förslaget är bifall.';
  }
  return {
    months: outMonths,
    totals,
    systemAssistance,
    outcome,
    outcomeExplanation,
    unmatchedAdjustments: active.filter((a) => !used.has(a.lineKey)).map((a) => a.id),
  };
}

/** Whether a row key exists in the calculation (adjustments may be made only to existing, adjustable rows). */
export function findRow(calc: EffectiveCalculation, key: string): CalculationRow | null {
  for (const m of calc.months) for (const r of m.rows) if (r.key === key) return r;
  return null;
}
