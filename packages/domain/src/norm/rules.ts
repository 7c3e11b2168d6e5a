/**
 * Rule data (riksnorm tables, legal regimes, municipal guideline caps, prisbasbelopp) → a validated, pre-indexed
 * RuleSet. Pure: it takes already-parsed JSON documents (the server/CLI read the files of packages/domain/rules at
 * start-up). A malformed document → RuleDataError naming the file and the field.
 */
import { daysInMonth, monthIndex, monthKey, parseDate } from './dates.ts';
import { RuleDataError } from './errors.ts';
import { COST_TYPE_HEADING, costTypeFlags, incomeTypeFlags } from './labels.ts';
import { formatKr, kronorToOre } from './money.ts';
import {
  COST_TYPES,
  INCOME_TYPES,
  type CostType,
  type IncomeType,
  type LineSource,
  type NormResult,
  type NormWarning,
  type SourceStatus,
} from './types.ts';

/** Largest household size accepted (persons). */
export const MAX_HOUSEHOLD_SIZE = 50;

export interface RuleDocument {
  /** File name (or other label) used in error messages. */
  name: string;
  /** Parsed JSON. */
  data: unknown;
}

export const REFERENCE_KEYS = ['riksnorm', 'reasonableCosts', 'otherLivingCosts', 'incomes', 'childEarnings', 'jobStimulus'] as const;
export type ReferenceKey = (typeof REFERENCE_KEYS)[number];

export interface LegalReference {
  text: string;
  verified: boolean;
  /** What the reference was checked against (statute text and its SFS number), or why it is not verified. */
  source: string | null;
}

export interface RegimeParameters {
  /** Share of income from employment not counted while jobbstimulans is active (percent, 0–100). */
  jobStimulusPercent: number;
  jobStimulusIncomeTypes: readonly IncomeType[];
  /** Income types of a child that are exempt up to N prisbasbelopp per calendar year. */
  childEarningsExemptIncomeTypes: readonly IncomeType[];
  childEarningsExemptPrisbasbelopp: number;
}

/**
 * Conditions a regime sets for a cost to count or for assistance to be given (the 2027 reform). A condition that is
 * absent (null) does not apply; each carries its legal reference.
 */
export interface RegimeConditions {
  /** Rent for a dwelling rented second-hand counts only when the sublet is approved (landlord or rent tribunal). */
  approvedSubletForSecondHandRent: LegalReference | null;
  /** Assistance only to persons lawfully resident in Sweden; emergency aid (nödbistånd) excepted. */
  lawfulResidence: LegalReference | null;
}

export const REGIME_CONDITION_KEYS = ['approvedSubletForSecondHandRent', 'lawfulResidence'] as const;

export interface Regime {
  id: string;
  name: string;
  validFrom: string;
  validTo: string | null;
  references: Readonly<Record<ReferenceKey, LegalReference>>;
  parameters: RegimeParameters;
  conditions: RegimeConditions;
}

/**
 * The cap for larger households (bidragstak): from the household's `fromChild`:th child, counted from the oldest, a
 * child's personal costs count at most `amountPerChild`.
 */
export interface LargeHouseholdCap {
  fromChild: number;
  /** Öre. */
  amountPerChild: number;
  provisional: boolean;
  source: string;
}

/** Facts about an adult that make a document expected (see documents.ts). */
export const ADULT_DOCUMENT_FACTS = ['reducedWorkCapacityDueToIllness'] as const;
export type AdultDocumentFact = (typeof ADULT_DOCUMENT_FACTS)[number];

/** A document that is expected when an adult has a fact, from a date (e.g. a medical certificate for illness). */
export interface ExpectedDocumentRule {
  id: string;
  label: string;
  whenAdult: AdultDocumentFact;
  validFrom: string;
  validTo: string | null;
  /** Plain Swedish: why the document is expected. */
  text: string;
  reference: LegalReference;
}

export type CellStatus = 'missing' | 'unverified';

export interface ChildAgeGroup {
  id: string;
  label: string;
  minAge: number;
  maxAge: number;
  /** Öre. The ordinary amount ("med lunch"). */
  amount: number;
  /** Öre, or null when the table has no "ej lunch" amount for the group (ages 7+) or the cell is missing. */
  withoutLunch: number | null;
}

export interface RiksnormTable {
  id: string;
  title: string;
  year: number;
  validFrom: string;
  validTo: string;
  regimes: readonly string[];
  provisional: boolean;
  /** Every cell was checked against the statute text (`verification` says against which). */
  verified: boolean;
  /** What the table was checked against, or what is not verified; null when the file says nothing. */
  verification: string | null;
  source: string;
  children: readonly ChildAgeGroup[];
  /** Öre. */
  adults: { single: number; couple: number };
  /** Öre, index 0 = 1 person. */
  commonByPersons: readonly number[];
  /** Öre, added per person above the table's largest household. */
  extraPerson: number;
  cellStatus: Readonly<Record<string, CellStatus>>;
  /** The cap for larger households, or null (tables before 2027). */
  largeHouseholdCap: LargeHouseholdCap | null;
  notes: readonly string[];
}

export interface CountRange {
  min: number;
  max: number | null;
}

export interface CapRow {
  id: string;
  label: string;
  adults?: CountRange;
  children?: CountRange;
  persons?: CountRange;
  /** Öre. */
  amount: number;
}

export interface CostCap {
  label: string;
  rows: readonly CapRow[];
}

export interface GuidelineSet {
  id: string;
  title: string;
  municipality: string;
  example: boolean;
  validFrom: string;
  validTo: string | null;
  source: string;
  settings: {
    partTimeChildrenCountInHouseholdSize: boolean | null;
    manualAssessmentCostTypes: readonly CostType[];
  };
  caps: Readonly<Partial<Record<CostType, CostCap>>>;
}

export interface PrisbasbeloppYear {
  year: number;
  /** Öre. */
  amount: number;
  source: string;
  /** A placeholder until the year's amount is entered from its förordning: lines using it are marked provisional. */
  provisional: boolean;
}

/** A table cell prepared for the engine: amount, source and the explanation used when nothing is prorated. */
export interface PreparedCell {
  amount: number;
  source: LineSource;
  explanation: string;
  unverified: boolean;
  /**
   * Explanations of amounts prorated from this cell, filled by the engine on first use: the text depends only on the
   * cell and a small key (days at home and days in the month, or persons in the calculation). At most a few hundred
   * entries per cell.
   */
  proratedText: (string | undefined)[];
}

export interface PreparedChildAge {
  group: ChildAgeGroup;
  withLunch: PreparedCell;
  /** null: no "ej lunch" amount for the age (the flag does not apply), see `withoutLunchMissing`. */
  withoutLunch: PreparedCell | null;
  /** The "ej lunch" amount applies to the age but is missing in the data → the engine refuses to guess. */
  withoutLunchMissing: boolean;
  /** The cells for a child the large-household cap applies to; null when the cap does not lower the amount. */
  withLunchCapped: PreparedCell | null;
  withoutLunchCapped: PreparedCell | null;
}

export interface PreparedCapRow {
  row: CapRow;
  source: LineSource;
  /** ", inom riktlinjernas högsta skäliga boendekostnad 4 474 kr (1 vuxen utan barn)." */
  withinText: string;
  /** "riktlinjernas högsta skäliga boendekostnad 4 474 kr (1 vuxen utan barn)" */
  capText: string;
  /** ", godkänt 4 474 kr enligt <capText>. Överstigande " (a capped cost when the whole cap is approved on its line). */
  cappedText: string;
  /** " överstiger <capText>; 4 474 kr har godkänts. Pröva om den högre kostnaden är skälig." (its warning). */
  cappedWarningText: string;
}

export interface PreparedCap {
  cap: CostCap;
  rows: readonly PreparedCapRow[];
  /** The first row that matches a household, by capRowIndex(adults, children); null when no row matches. */
  rowFor: readonly (PreparedCapRow | null)[];
}

/** Index into PreparedCap.rowFor for 1–2 adults and 0–MAX_HOUSEHOLD_SIZE children. */
export function capRowIndex(adults: number, children: number): number {
  return (adults - 1) * (MAX_HOUSEHOLD_SIZE + 1) + children;
}

function inRange(range: CountRange | undefined, n: number): boolean {
  return range === undefined || (n >= range.min && (range.max === null || n <= range.max));
}

/** The first row that matches the household (rows are tried in the order of the guideline file), or null. */
function findCapRow(rows: readonly PreparedCapRow[], adults: number, children: number): PreparedCapRow | null {
  for (const prepared of rows) {
    const row = prepared.row;
    if (inRange(row.adults, adults) && inRange(row.children, children) && inRange(row.persons, adults + children)) return prepared;
  }
  return null;
}

export interface PreparedGuidelines {
  guidelines: GuidelineSet;
  /** The `guidelines` object of a result (shared, frozen). */
  summary: Readonly<NormResult['guidelines'] & object>;
  caps: Readonly<Partial<Record<CostType, PreparedCap>>>;
  /** Same caps by cost type index (COST_TYPES order). */
  capsByIndex: readonly (PreparedCap | undefined)[];
  /** Per cost type index: nothing is approved automatically, a caseworker judges the cost. */
  manualByIndex: readonly boolean[];
  /** Indexes of the cost types that have a cap. */
  cappedTypes: readonly number[];
  /** settings.partTimeChildrenCountInHouseholdSize, or the default (true) when the guidelines do not say. */
  partTimeChildrenCount: boolean;
  /** Source used for approved costs of types without a cap. */
  uncappedSources: Readonly<Record<'reasonableCosts' | 'otherLivingCosts', LineSource>>;
  /** Warning every calculation with costs under these guidelines carries (example configuration), or null. */
  exampleWarning: NormWarning | null;
}

/** Everything the engine needs for one month, prepared when the rule set is built. */
export interface MonthRules {
  key: string;
  year: number;
  month: number;
  daysInMonth: number;
  table: RiksnormTable;
  regime: Regime;
  /** "riksnormen 2025" / "riksnormen 2026 (preliminär)". */
  tableName: string;
  prisbasbelopp: PrisbasbeloppYear | null;
  single: PreparedCell;
  couple: PreparedCell;
  /** Index = age in whole years (0 … oldest age in the table). */
  childByAge: readonly PreparedChildAge[];
  /** Index = household size (1 … MAX_HOUSEHOLD_SIZE); index 0 unused. */
  commonBySize: readonly PreparedCell[];
  /** The largest household in the table's common costs (larger ones add the extra-person amount). */
  largestCommonSize: number;
  /** Sources of lines that are not table cells (regime's legal references). */
  regimeSources: Readonly<Record<ReferenceKey, LineSource>>;
  /** Per cost type index: the regime source of an approved cost without a cap (its legal heading). */
  costSourceByIndex: readonly LineSource[];
  /** Per income type index: exempt for a child up to N prisbasbelopp (regime parameter). */
  childExemptByIncome: readonly boolean[];
  /** Per income type index: income from employment for jobbstimulans (regime parameter). */
  jobStimulusByIncome: readonly boolean[];
  prisbasbeloppSource: LineSource | null;
  guidelines: ReadonlyMap<string, PreparedGuidelines>;
  /** Warnings every calculation for the month carries (e.g. provisional table). */
  baseWarnings: readonly NormWarning[];
  /** The large-household cap of the month's table, or null. */
  childCap: LargeHouseholdCap | null;
  /** Sources of the regime's conditions (null when the regime does not have the condition). */
  subletSource: LineSource | null;
  lawfulResidence: LegalReference | null;
  /** Documents expected for adults' facts in the month. */
  expectedDocuments: readonly ExpectedDocumentRule[];
  /** Some data of the month is provisional: the result lists the lines that use it. */
  hasProvisional: boolean;
  /** The `normTable` object of a result (shared, frozen). */
  tableSummary: Readonly<NormResult['normTable']>;
}

export interface RuleSet {
  readonly tables: readonly RiksnormTable[];
  readonly regimes: readonly Regime[];
  readonly guidelines: readonly GuidelineSet[];
  readonly prisbasbelopp: readonly PrisbasbeloppYear[];
  readonly expectedDocuments: readonly ExpectedDocumentRule[];
  /** "YYYY-MM" → prepared rules for every month covered by a riksnorm table. */
  readonly months: ReadonlyMap<string, MonthRules>;
}

// ---------------------------------------------------------------------------------------------------------------------
// Reading JSON with error collection
// ---------------------------------------------------------------------------------------------------------------------

type Problem = { file: string; path: string; message: string };

class Reader {
  constructor(
    readonly file: string,
    readonly problems: Problem[],
  ) {}

  fail(path: string, message: string): void {
    this.problems.push({ file: this.file, path, message });
  }

  object(value: unknown, path: string): Record<string, unknown> | null {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(path, 'ska vara ett objekt');
      return null;
    }
    return value as Record<string, unknown>;
  }

  array(value: unknown, path: string): unknown[] | null {
    if (!Array.isArray(value)) {
      this.fail(path, 'ska vara en lista');
      return null;
    }
    return value;
  }

  string(value: unknown, path: string): string {
    if (typeof value !== 'string' || value.trim() === '') {
      this.fail(path, 'ska vara en text som inte är tom');
      return '';
    }
    return value;
  }

  optionalString(value: unknown, path: string): string | undefined {
    return value === undefined ? undefined : this.string(value, path);
  }

  boolean(value: unknown, path: string): boolean {
    if (typeof value !== 'boolean') {
      this.fail(path, 'ska vara true eller false');
      return false;
    }
    return value;
  }

  integer(value: unknown, path: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.fail(path, `ska vara ett heltal ${min}–${max}`);
      return min;
    }
    return value;
  }

  /** Whole kronor in the file → öre. */
  kronor(value: unknown, path: string): number {
    return kronorToOre(this.integer(value, path, 0, 10_000_000));
  }

  date(value: unknown, path: string): string {
    if (typeof value !== 'string' || parseDate(value) === null) {
      this.fail(path, 'ska vara ett datum ÅÅÅÅ-MM-DD');
      return '1970-01-01';
    }
    return value;
  }

  dateOrNull(value: unknown, path: string): string | null {
    return value === null ? null : this.date(value, path);
  }

  stringList(value: unknown, path: string): string[] {
    const list = this.array(value, path);
    if (!list) return [];
    return list.map((v, i) => this.string(v, `${path}/${i}`));
  }

  oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.fail(path, `ska vara ett av: ${allowed.join(', ')}`);
      return allowed[0] as T;
    }
    return value as T;
  }

  keys(obj: Record<string, unknown>, allowed: readonly string[], path: string): void {
    for (const k of Object.keys(obj)) if (!allowed.includes(k)) this.fail(`${path}/${k}`, 'okänt fält');
  }
}

/** Month index of a validFrom date (must be the first day of a month). */
function fromMonth(r: Reader, date: string, path: string): number {
  const d = parseDate(date);
  if (d && d.day !== 1) r.fail(path, 'giltighet börjar den första dagen i en månad');
  return d ? monthIndex(d.year, d.month) : 0;
}

/** Month index of a validTo date (must be the last day of a month); null → open-ended. */
function toMonth(r: Reader, date: string | null, path: string): number {
  if (date === null) return Number.MAX_SAFE_INTEGER;
  const d = parseDate(date);
  if (d && d.day !== daysInMonth(d.year, d.month)) r.fail(path, 'giltighet slutar den sista dagen i en månad');
  return d ? monthIndex(d.year, d.month) : 0;
}

const COMMON_FIELDS = ['kind', 'id', 'title', 'notes'];

// ---------------------------------------------------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------------------------------------------------

/** { text, verified, source }: a reference marked verified must name what it was verified against. */
function readLegalReference(r: Reader, o: Record<string, unknown>, path: string): LegalReference {
  r.keys(o, ['text', 'verified', 'source'], path);
  const verified = r.boolean(o.verified, `${path}/verified`);
  const source = o.source === undefined ? null : r.string(o.source, `${path}/source`);
  if (verified && source === null) r.fail(`${path}/source`, 'ett verifierat lagrum ska ange vad det är verifierat mot (författning och SFS-nummer)');
  return { text: r.string(o.text, `${path}/text`), verified, source };
}

function readRegimes(r: Reader, doc: Record<string, unknown>): Regime[] {
  r.keys(doc, [...COMMON_FIELDS, 'regimes'], '');
  const list = r.array(doc.regimes, '/regimes') ?? [];
  return list.flatMap((raw, i): Regime[] => {
    const p = `/regimes/${i}`;
    const o = r.object(raw, p);
    if (!o) return [];
    r.keys(o, ['id', 'name', 'validFrom', 'validTo', 'references', 'parameters', 'conditions', 'notes'], p);
    const conditions: RegimeConditions = { approvedSubletForSecondHandRent: null, lawfulResidence: null };
    if (o.conditions !== undefined) {
      const co = r.object(o.conditions, `${p}/conditions`) ?? {};
      r.keys(co, REGIME_CONDITION_KEYS, `${p}/conditions`);
      for (const key of REGIME_CONDITION_KEYS) {
        if (co[key] !== undefined) conditions[key] = readLegalReference(r, r.object(co[key], `${p}/conditions/${key}`) ?? {}, `${p}/conditions/${key}`);
      }
    }
    const refsRaw = r.object(o.references, `${p}/references`) ?? {};
    r.keys(refsRaw, REFERENCE_KEYS, `${p}/references`);
    const references = {} as Record<ReferenceKey, LegalReference>;
    for (const key of REFERENCE_KEYS) {
      const ro = r.object(refsRaw[key], `${p}/references/${key}`) ?? {};
      references[key] = readLegalReference(r, ro, `${p}/references/${key}`);
    }
    const par = r.object(o.parameters, `${p}/parameters`) ?? {};
    r.keys(par, ['jobStimulusPercent', 'jobStimulusIncomeTypes', 'childEarningsExemptIncomeTypes', 'childEarningsExemptPrisbasbelopp'], `${p}/parameters`);
    const incomeTypes = (v: unknown, path: string): IncomeType[] =>
      (r.array(v, path) ?? []).map((t, j) => r.oneOf(t, INCOME_TYPES, `${path}/${j}`));
    return [
      {
        id: r.string(o.id, `${p}/id`),
        name: r.string(o.name, `${p}/name`),
        validFrom: r.date(o.validFrom, `${p}/validFrom`),
        validTo: r.dateOrNull(o.validTo, `${p}/validTo`),
        references,
        parameters: {
          jobStimulusPercent: r.integer(par.jobStimulusPercent, `${p}/parameters/jobStimulusPercent`, 0, 100),
          jobStimulusIncomeTypes: incomeTypes(par.jobStimulusIncomeTypes, `${p}/parameters/jobStimulusIncomeTypes`),
          childEarningsExemptIncomeTypes: incomeTypes(par.childEarningsExemptIncomeTypes, `${p}/parameters/childEarningsExemptIncomeTypes`),
          childEarningsExemptPrisbasbelopp: r.integer(par.childEarningsExemptPrisbasbelopp, `${p}/parameters/childEarningsExemptPrisbasbelopp`, 0, 100),
        },
        conditions,
      },
    ];
  });
}

function readRiksnorm(r: Reader, doc: Record<string, unknown>): RiksnormTable {
  r.keys(
    doc,
    [...COMMON_FIELDS, 'validFrom', 'validTo', 'regime', 'regimes', 'provisional', 'verified', 'verification', 'source', 'unit', 'children', 'adults', 'commonCosts', 'cellStatus', 'checks', 'largeHouseholdCap'],
    '',
  );
  const validFrom = r.date(doc.validFrom, '/validFrom');
  const validTo = r.date(doc.validTo, '/validTo');
  let regimes: string[] = [];
  if (doc.regime !== undefined && doc.regimes !== undefined) r.fail('/regime', 'ange antingen regime eller regimes');
  else if (doc.regime !== undefined) regimes = [r.string(doc.regime, '/regime')];
  else if (doc.regimes !== undefined) regimes = r.stringList(doc.regimes, '/regimes');
  else r.fail('/regime', 'rättslig regim saknas');

  const children: ChildAgeGroup[] = [];
  const childList = r.array(doc.children, '/children') ?? [];
  let expectedAge = 0;
  childList.forEach((raw, i) => {
    const p = `/children/${i}`;
    const o = r.object(raw, p);
    if (!o) return;
    r.keys(o, ['id', 'label', 'minAge', 'maxAge', 'amount', 'withoutLunch'], p);
    const minAge = r.integer(o.minAge, `${p}/minAge`, 0, 30);
    const maxAge = r.integer(o.maxAge, `${p}/maxAge`, minAge, 30);
    if (minAge !== expectedAge) r.fail(`${p}/minAge`, `åldersgrupperna ska följa på varandra från 0 år (väntade ${expectedAge})`);
    expectedAge = maxAge + 1;
    children.push({
      id: r.string(o.id, `${p}/id`),
      label: r.string(o.label, `${p}/label`),
      minAge,
      maxAge,
      amount: r.kronor(o.amount, `${p}/amount`),
      withoutLunch: o.withoutLunch === null ? null : r.kronor(o.withoutLunch, `${p}/withoutLunch`),
    });
  });
  if (children.length === 0) r.fail('/children', 'minst en åldersgrupp');

  const adultsRaw = r.object(doc.adults, '/adults') ?? {};
  r.keys(adultsRaw, ['single', 'couple'], '/adults');
  const adults = { single: r.kronor(adultsRaw.single, '/adults/single'), couple: r.kronor(adultsRaw.couple, '/adults/couple') };

  const commonRaw = r.object(doc.commonCosts, '/commonCosts') ?? {};
  r.keys(commonRaw, ['byPersons', 'extraPerson'], '/commonCosts');
  const commonByPersons = (r.array(commonRaw.byPersons, '/commonCosts/byPersons') ?? []).map((v, i) => r.kronor(v, `/commonCosts/byPersons/${i}`));
  if (commonByPersons.length < 2) r.fail('/commonCosts/byPersons', 'minst belopp för 1 och 2 personer');
  for (let i = 1; i < commonByPersons.length; i++) {
    if (commonByPersons[i]! < commonByPersons[i - 1]!) r.fail(`/commonCosts/byPersons/${i}`, 'beloppen ska inte minska med hushållets storlek');
  }
  const extraPerson = r.kronor(commonRaw.extraPerson, '/commonCosts/extraPerson');

  const cellStatus: Record<string, CellStatus> = {};
  const statusRaw = doc.cellStatus === undefined ? {} : (r.object(doc.cellStatus, '/cellStatus') ?? {});
  const validCells = new Set<string>(['adults.single', 'adults.couple', 'commonCosts.extraPerson']);
  commonByPersons.forEach((_, i) => validCells.add(`commonCosts.${i + 1}`));
  for (const g of children) {
    validCells.add(`children.${g.id}.amount`);
    validCells.add(`children.${g.id}.withoutLunch`);
  }
  for (const [cell, status] of Object.entries(statusRaw)) {
    if (!validCells.has(cell)) r.fail(`/cellStatus/${cell}`, 'okänd cell');
    const s = r.oneOf(status, ['missing', 'unverified'] as const, `/cellStatus/${cell}`);
    if (s === 'missing') {
      const g = children.find((c) => cell === `children.${c.id}.withoutLunch`);
      if (!g) r.fail(`/cellStatus/${cell}`, 'bara belopp utan lunch kan markeras som saknade');
      else if (g.withoutLunch !== null) r.fail(`/cellStatus/${cell}`, 'en saknad cell ska ha värdet null');
    }
    cellStatus[cell] = s;
  }

  if (doc.checks !== undefined) {
    const checks = r.object(doc.checks, '/checks') ?? {};
    r.keys(checks, ['singleTotal', 'coupleTotal'], '/checks');
    if (checks.singleTotal !== undefined && r.kronor(checks.singleTotal, '/checks/singleTotal') !== adults.single + (commonByPersons[0] ?? 0)) {
      r.fail('/checks/singleTotal', 'ensamstående + gemensamma kostnader för 1 person stämmer inte med kontrollsumman');
    }
    if (checks.coupleTotal !== undefined && r.kronor(checks.coupleTotal, '/checks/coupleTotal') !== adults.couple + (commonByPersons[1] ?? 0)) {
      r.fail('/checks/coupleTotal', 'sambor + gemensamma kostnader för 2 personer stämmer inte med kontrollsumman');
    }
  }

  // A table marked verified must say against what, and cannot at the same time be provisional or have cells that are
  // unverified or missing: the marker is a claim about every cell.
  const provisional = r.boolean(doc.provisional, '/provisional');
  const verified = doc.verified === undefined ? false : r.boolean(doc.verified, '/verified');
  const verification = doc.verification === undefined ? null : r.string(doc.verification, '/verification');
  if (verified) {
    if (provisional) r.fail('/verified', 'en preliminär tabell kan inte vara verifierad');
    if (verification === null) r.fail('/verification', 'ange vad tabellen är verifierad mot (författning och SFS-nummer)');
    for (const [cell, status] of Object.entries(cellStatus)) r.fail(`/cellStatus/${cell}`, `en verifierad tabell kan inte ha celler med status ${status}`);
  }

  let largeHouseholdCap: LargeHouseholdCap | null = null;
  if (doc.largeHouseholdCap !== undefined) {
    const co = r.object(doc.largeHouseholdCap, '/largeHouseholdCap') ?? {};
    r.keys(co, ['fromChild', 'amountPerChild', 'provisional', 'source'], '/largeHouseholdCap');
    largeHouseholdCap = {
      fromChild: r.integer(co.fromChild, '/largeHouseholdCap/fromChild', 1, 20),
      amountPerChild: r.kronor(co.amountPerChild, '/largeHouseholdCap/amountPerChild'),
      provisional: r.boolean(co.provisional, '/largeHouseholdCap/provisional'),
      source: r.string(co.source, '/largeHouseholdCap/source'),
    };
    if (verified && largeHouseholdCap.provisional) r.fail('/largeHouseholdCap/provisional', 'en verifierad tabell kan inte ha ett preliminärt tak');
  }

  return {
    id: r.string(doc.id, '/id'),
    title: r.string(doc.title, '/title'),
    year: parseDate(validFrom)?.year ?? 0,
    validFrom,
    validTo,
    regimes,
    largeHouseholdCap,
    provisional,
    verified,
    verification,
    source: r.string(doc.source, '/source'),
    children,
    adults,
    commonByPersons,
    extraPerson,
    cellStatus,
    notes: doc.notes === undefined ? [] : r.stringList(doc.notes, '/notes'),
  };
}

function readRange(r: Reader, v: unknown, path: string): CountRange | undefined {
  if (v === undefined) return undefined;
  const o = r.object(v, path) ?? {};
  r.keys(o, ['min', 'max'], path);
  const min = r.integer(o.min, `${path}/min`, 0, MAX_HOUSEHOLD_SIZE);
  const max = o.max === null ? null : r.integer(o.max, `${path}/max`, min, MAX_HOUSEHOLD_SIZE);
  return { min, max };
}

function readGuidelines(r: Reader, doc: Record<string, unknown>): GuidelineSet {
  r.keys(doc, [...COMMON_FIELDS, 'municipality', 'example', 'validFrom', 'validTo', 'source', 'settings', 'caps', 'regime'], '');
  const municipality = r.string(doc.municipality, '/municipality');
  if (!/^\d{4}$/.test(municipality)) r.fail('/municipality', 'kommunkoden ska vara fyra siffror');
  const settingsRaw = doc.settings === undefined ? {} : (r.object(doc.settings, '/settings') ?? {});
  r.keys(settingsRaw, ['partTimeChildrenCountInHouseholdSize', 'manualAssessmentCostTypes'], '/settings');
  const caps: Partial<Record<CostType, CostCap>> = {};
  const capsRaw = doc.caps === undefined ? {} : (r.object(doc.caps, '/caps') ?? {});
  for (const [type, capRaw] of Object.entries(capsRaw)) {
    const p = `/caps/${type}`;
    const costType = r.oneOf(type, COST_TYPES, p);
    const co = r.object(capRaw, p) ?? {};
    r.keys(co, ['label', 'rows'], p);
    const ids = new Set<string>();
    const rows = (r.array(co.rows, `${p}/rows`) ?? []).flatMap((rowRaw, i): CapRow[] => {
      const rp = `${p}/rows/${i}`;
      const ro = r.object(rowRaw, rp);
      if (!ro) return [];
      r.keys(ro, ['id', 'label', 'adults', 'children', 'persons', 'amount'], rp);
      const id = r.string(ro.id, `${rp}/id`);
      if (ids.has(id)) r.fail(`${rp}/id`, 'raden finns redan');
      ids.add(id);
      const row: CapRow = { id, label: r.string(ro.label, `${rp}/label`), amount: r.kronor(ro.amount, `${rp}/amount`) };
      const adults = readRange(r, ro.adults, `${rp}/adults`);
      const children = readRange(r, ro.children, `${rp}/children`);
      const persons = readRange(r, ro.persons, `${rp}/persons`);
      if (adults) row.adults = adults;
      if (children) row.children = children;
      if (persons) row.persons = persons;
      return [row];
    });
    caps[costType] = { label: r.string(co.label, `${p}/label`), rows };
  }
  return {
    id: r.string(doc.id, '/id'),
    title: r.string(doc.title, '/title'),
    municipality,
    example: doc.example === undefined ? false : r.boolean(doc.example, '/example'),
    validFrom: r.date(doc.validFrom, '/validFrom'),
    validTo: r.dateOrNull(doc.validTo, '/validTo'),
    source: r.string(doc.source, '/source'),
    settings: {
      partTimeChildrenCountInHouseholdSize:
        settingsRaw.partTimeChildrenCountInHouseholdSize === undefined
          ? null
          : r.boolean(settingsRaw.partTimeChildrenCountInHouseholdSize, '/settings/partTimeChildrenCountInHouseholdSize'),
      manualAssessmentCostTypes:
        settingsRaw.manualAssessmentCostTypes === undefined
          ? ['other']
          : (r.array(settingsRaw.manualAssessmentCostTypes, '/settings/manualAssessmentCostTypes') ?? []).map((t, i) =>
              r.oneOf(t, COST_TYPES, `/settings/manualAssessmentCostTypes/${i}`),
            ),
    },
    caps,
  };
}

function readExpectedDocuments(r: Reader, doc: Record<string, unknown>): ExpectedDocumentRule[] {
  r.keys(doc, [...COMMON_FIELDS, 'documents'], '');
  return (r.array(doc.documents, '/documents') ?? []).flatMap((raw, i): ExpectedDocumentRule[] => {
    const p = `/documents/${i}`;
    const o = r.object(raw, p);
    if (!o) return [];
    r.keys(o, ['id', 'label', 'whenAdult', 'validFrom', 'validTo', 'text', 'reference'], p);
    return [
      {
        id: r.string(o.id, `${p}/id`),
        label: r.string(o.label, `${p}/label`),
        whenAdult: r.oneOf(o.whenAdult, ADULT_DOCUMENT_FACTS, `${p}/whenAdult`),
        validFrom: r.date(o.validFrom, `${p}/validFrom`),
        validTo: r.dateOrNull(o.validTo, `${p}/validTo`),
        text: r.string(o.text, `${p}/text`),
        reference: readLegalReference(r, r.object(o.reference, `${p}/reference`) ?? {}, `${p}/reference`),
      },
    ];
  });
}

function readPrisbasbelopp(r: Reader, doc: Record<string, unknown>): PrisbasbeloppYear[] {
  r.keys(doc, [...COMMON_FIELDS, 'years'], '');
  return (r.array(doc.years, '/years') ?? []).flatMap((raw, i): PrisbasbeloppYear[] => {
    const o = r.object(raw, `/years/${i}`);
    if (!o) return [];
    r.keys(o, ['year', 'amount', 'source', 'provisional'], `/years/${i}`);
    return [
      {
        year: r.integer(o.year, `/years/${i}/year`, 1900, 9999),
        amount: r.kronor(o.amount, `/years/${i}/amount`),
        source: r.string(o.source, `/years/${i}/source`),
        provisional: o.provisional === undefined ? false : r.boolean(o.provisional, `/years/${i}/provisional`),
      },
    ];
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------------------------------------------------

/**
 * Validate the rule documents and build the pre-indexed RuleSet. Every document has a `kind`: "riksnorm", "regimes",
 * "municipalGuidelines" or "prisbasbelopp". Throws RuleDataError listing every problem found.
 */
export function buildRuleSet(documents: readonly RuleDocument[]): RuleSet {
  const problems: Problem[] = [];
  const tables: { t: RiksnormTable; file: string; from: number; to: number }[] = [];
  const regimes: { g: Regime; file: string; from: number; to: number }[] = [];
  const guidelines: { g: GuidelineSet; file: string; from: number; to: number }[] = [];
  const pbb: { y: PrisbasbeloppYear; file: string }[] = [];
  const docRules: { d: ExpectedDocumentRule; from: number; to: number }[] = [];
  const ids = new Map<string, string>();

  for (const doc of documents) {
    const r = new Reader(doc.name, problems);
    const o = r.object(doc.data, '');
    if (!o) continue;
    const kind = r.oneOf(o.kind, ['riksnorm', 'regimes', 'municipalGuidelines', 'prisbasbelopp', 'expectedDocuments'] as const, '/kind');
    const id = r.string(o.id, '/id');
    if (ids.has(id)) r.fail('/id', `id:t ${id} finns redan i ${ids.get(id)}`);
    ids.set(id, doc.name);
    if (o.notes !== undefined) r.stringList(o.notes, '/notes');
    if (kind === 'riksnorm') {
      const t = readRiksnorm(r, o);
      tables.push({ t, file: doc.name, from: fromMonth(r, t.validFrom, '/validFrom'), to: toMonth(r, t.validTo, '/validTo') });
    } else if (kind === 'regimes') {
      readRegimes(r, o).forEach((g, i) =>
        regimes.push({ g, file: doc.name, from: fromMonth(r, g.validFrom, `/regimes/${i}/validFrom`), to: toMonth(r, g.validTo, `/regimes/${i}/validTo`) }),
      );
    } else if (kind === 'municipalGuidelines') {
      const g = readGuidelines(r, o);
      guidelines.push({ g, file: doc.name, from: fromMonth(r, g.validFrom, '/validFrom'), to: toMonth(r, g.validTo, '/validTo') });
    } else if (kind === 'expectedDocuments') {
      readExpectedDocuments(r, o).forEach((d, i) =>
        docRules.push({ d, from: fromMonth(r, d.validFrom, `/documents/${i}/validFrom`), to: toMonth(r, d.validTo, `/documents/${i}/validTo`) }),
      );
    } else {
      readPrisbasbelopp(r, o).forEach((y) => pbb.push({ y, file: doc.name }));
    }
  }

  // Overlaps and cross-references.
  const overlap = <T extends { file: string; from: number; to: number }>(list: T[], what: string, sameGroup: (a: T, b: T) => boolean) => {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        if (sameGroup(a, b) && a.from <= b.to && b.from <= a.to) {
          problems.push({ file: b.file, path: '/validFrom', message: `${what} överlappar giltighetstiden i ${a.file}` });
        }
      }
    }
  };
  overlap(tables, 'riksnormstabellen', () => true);
  overlap(regimes, 'regimen', () => true);
  overlap(guidelines, 'riktlinjerna', (a, b) => a.g.municipality === b.g.municipality);
  for (const t of tables) if (t.from > t.to) problems.push({ file: t.file, path: '/validTo', message: 'slutar före start' });
  const pbbYears = new Set<number>();
  for (const { y, file } of pbb) {
    if (pbbYears.has(y.year)) problems.push({ file, path: '/years', message: `prisbasbelopp för ${y.year} finns två gånger` });
    pbbYears.add(y.year);
  }

  const months = new Map<string, MonthRules>();
  const preparer = new MonthPreparer();
  for (const { t, file, from, to } of tables) {
    for (const rid of t.regimes) {
      if (!regimes.some((x) => x.g.id === rid)) problems.push({ file, path: '/regime', message: `okänd regim ${rid} (saknas i regimes)` });
    }
    for (let m = from; m <= to && m - from < 1200; m++) {
      const regime = regimes.find((x) => x.from <= m && m <= x.to && t.regimes.includes(x.g.id));
      if (!regime) {
        problems.push({ file, path: '/regime', message: `ingen av tabellens regimer gäller för ${monthKey(m)}` });
        continue;
      }
      if (problems.length > 0) continue;
      const monthGuidelines = guidelines.filter((x) => x.from <= m && m <= x.to).map((x) => x.g);
      const year = Math.floor(m / 12);
      const monthDocuments = docRules.filter((x) => x.from <= m && m <= x.to).map((x) => x.d);
      months.set(monthKey(m), preparer.month(m, t, regime.g, monthGuidelines, pbb.find((x) => x.y.year === year)?.y ?? null, monthDocuments));
    }
  }

  if (problems.length > 0) throw new RuleDataError(problems);
  return {
    tables: tables.map((x) => x.t),
    regimes: regimes.map((x) => x.g),
    guidelines: guidelines.map((x) => x.g),
    prisbasbelopp: pbb.map((x) => x.y),
    expectedDocuments: docRules.map((x) => x.d),
    months,
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// Month preparation (sources and explanations computed once, shared and frozen)
// ---------------------------------------------------------------------------------------------------------------------

function freezeSource(s: LineSource): LineSource {
  return Object.freeze(s);
}

/** The parts of a month that depend only on its table and regime. */
interface TableParts {
  tableName: string;
  single: PreparedCell;
  couple: PreparedCell;
  childByAge: readonly PreparedChildAge[];
  commonBySize: readonly PreparedCell[];
  largestCommonSize: number;
  baseWarnings: readonly NormWarning[];
  tableSummary: Readonly<NormResult['normTable']>;
}

/** The parts of a month that depend only on its regime. */
interface RegimeParts {
  regimeSources: Readonly<Record<ReferenceKey, LineSource>>;
  subletSource: LineSource | null;
  costSourceByIndex: readonly LineSource[];
  childExemptByIncome: readonly boolean[];
  jobStimulusByIncome: readonly boolean[];
}

/**
 * Prepares months, sharing what does not depend on the month itself between the months with the same table, regime
 * and guidelines (a year has one copy of its cells, texts and caps instead of twelve). Besides memory, this keeps the
 * data a calculation reads small enough to stay in the CPU cache.
 */
class MonthPreparer {
  private readonly tables = new Map<string, TableParts>();
  private readonly regimes = new Map<string, RegimeParts>();
  private readonly guidelines = new Map<string, PreparedGuidelines>();
  private readonly guidelineMaps = new Map<string, ReadonlyMap<string, PreparedGuidelines>>();
  private readonly pbbSources = new Map<string, LineSource>();

  month(index: number, table: RiksnormTable, regime: Regime, guidelines: GuidelineSet[], pbb: PrisbasbeloppYear | null, documents: ExpectedDocumentRule[]): MonthRules {
    const year = Math.floor(index / 12);
    const month = index - year * 12 + 1;
    const t = this.tableParts(table, regime);
    const r = this.regimeParts(regime);
    return {
      key: monthKey(index),
      year,
      month,
      daysInMonth: daysInMonth(year, month),
      table,
      regime,
      tableName: t.tableName,
      prisbasbelopp: pbb,
      single: t.single,
      couple: t.couple,
      childByAge: t.childByAge,
      commonBySize: t.commonBySize,
      largestCommonSize: t.largestCommonSize,
      regimeSources: r.regimeSources,
      prisbasbeloppSource: pbb ? this.pbbSource(pbb, regime) : null,
      guidelines: this.guidelineMap(guidelines, regime, r),
      costSourceByIndex: r.costSourceByIndex,
      childExemptByIncome: r.childExemptByIncome,
      jobStimulusByIncome: r.jobStimulusByIncome,
      baseWarnings: t.baseWarnings,
      tableSummary: t.tableSummary,
      childCap: table.largeHouseholdCap,
      subletSource: r.subletSource,
      lawfulResidence: regime.conditions.lawfulResidence,
      expectedDocuments: documents,
      hasProvisional: table.provisional || (table.largeHouseholdCap?.provisional ?? false) || (pbb?.provisional ?? false),
    };
  }

  private tableParts(table: RiksnormTable, regime: Regime): TableParts {
    const key = `${table.id}\u0000${regime.id}`;
    let parts = this.tables.get(key);
    if (!parts) {
      parts = prepareTable(table, regime);
      this.tables.set(key, parts);
    }
    return parts;
  }

  private regimeParts(regime: Regime): RegimeParts {
    let parts = this.regimes.get(regime.id);
    if (!parts) {
      const regimeSource = (key: ReferenceKey): LineSource =>
        freezeSource({
          id: regime.id,
          cell: `references.${key}`,
          text: regime.name,
          legalReference: regime.references[key].text,
          legalReferenceVerified: regime.references[key].verified,
          validFrom: regime.validFrom,
          validTo: regime.validTo,
          status: 'official',
        });
      const regimeSources = {} as Record<ReferenceKey, LineSource>;
      for (const key of REFERENCE_KEYS) regimeSources[key] = regimeSource(key);
      const sublet = regime.conditions.approvedSubletForSecondHandRent;
      parts = {
        regimeSources,
        subletSource: sublet
          ? freezeSource({
              id: regime.id,
              cell: 'conditions.approvedSubletForSecondHandRent',
              text: sublet.source ?? regime.name,
              legalReference: sublet.text,
              legalReferenceVerified: sublet.verified,
              validFrom: regime.validFrom,
              validTo: regime.validTo,
              status: sublet.verified ? 'official' : 'unverified',
            })
          : null,
        costSourceByIndex: COST_TYPES.map((t) => regimeSources[COST_TYPE_HEADING[t]]),
        childExemptByIncome: incomeTypeFlags(regime.parameters.childEarningsExemptIncomeTypes),
        jobStimulusByIncome: incomeTypeFlags(regime.parameters.jobStimulusIncomeTypes),
      };
      this.regimes.set(regime.id, parts);
    }
    return parts;
  }

  private pbbSource(pbb: PrisbasbeloppYear, regime: Regime): LineSource {
    const key = `${pbb.year}\u0000${regime.id}`;
    let source = this.pbbSources.get(key);
    if (!source) {
      source = freezeSource({
        id: `prisbasbelopp-${pbb.year}`,
        cell: `years.${pbb.year}`,
        text: pbb.source,
        legalReference: regime.references.childEarnings.text,
        legalReferenceVerified: regime.references.childEarnings.verified,
        validFrom: `${pbb.year}-01-01`,
        validTo: `${pbb.year}-12-31`,
        status: pbb.provisional ? 'provisional' : 'official',
      });
      this.pbbSources.set(key, source);
    }
    return source;
  }

  private guidelineMap(list: GuidelineSet[], regime: Regime, r: RegimeParts): ReadonlyMap<string, PreparedGuidelines> {
    const key = [regime.id, ...list.map((g) => g.id)].join('\u0000');
    let map = this.guidelineMaps.get(key);
    if (!map) {
      const m = new Map<string, PreparedGuidelines>();
      for (const g of list) m.set(g.municipality, this.prepared(g, regime, r));
      map = m;
      this.guidelineMaps.set(key, map);
    }
    return map;
  }

  private prepared(g: GuidelineSet, regime: Regime, r: RegimeParts): PreparedGuidelines {
    const key = `${g.id}\u0000${regime.id}`;
    let prepared = this.guidelines.get(key);
    if (!prepared) {
      prepared = prepareGuidelines(g, regime, r.regimeSources);
      this.guidelines.set(key, prepared);
    }
    return prepared;
  }
}

function prepareTable(table: RiksnormTable, regime: Regime): TableParts {
  const tableName = table.provisional ? `riksnormen ${table.year} (preliminär)` : `riksnormen ${table.year}`;
  const rn = regime.references.riksnorm;
  const tableSource = (cell: string): LineSource => {
    const status: SourceStatus = table.cellStatus[cell] === 'unverified' ? 'unverified' : table.provisional ? 'provisional' : 'official';
    return freezeSource({
      id: table.id,
      cell,
      text: table.source,
      legalReference: rn.text,
      legalReferenceVerified: rn.verified,
      validFrom: table.validFrom,
      validTo: table.validTo,
      status,
    });
  };
  const cell = (cellId: string, amount: number, explanation: string): PreparedCell => ({
    amount,
    source: tableSource(cellId),
    explanation,
    unverified: table.cellStatus[cellId] === 'unverified',
    proratedText: [],
  });

  const single = cell('adults.single', table.adults.single, `Personliga kostnader för en ensamstående vuxen enligt ${tableName}: ${formatKr(table.adults.single)}.`);
  const couple = cell('adults.couple', table.adults.couple, `Personliga kostnader för makar/sambor tillsammans enligt ${tableName}: ${formatKr(table.adults.couple)}.`);

  // The large-household cap: a child's cell with its amount lowered to the cap (null when the cap is not lower).
  const cap = table.largeHouseholdCap;
  const cappedCell = (base: PreparedCell): PreparedCell | null => {
    if (cap === null || base.amount <= cap.amountPerChild) return null;
    return {
      amount: cap.amountPerChild,
      source: freezeSource({
        id: table.id,
        cell: 'largeHouseholdCap.amountPerChild',
        text: cap.source,
        legalReference: rn.text,
        legalReferenceVerified: rn.verified,
        validFrom: table.validFrom,
        validTo: table.validTo,
        status: cap.provisional ? 'provisional' : base.source.status,
      }),
      explanation: `${base.explanation.slice(0, -1)}; bidragstaket för större hushåll: från hushållets ${cap.fromChild}:e barn (räknat från det äldsta) räknas högst ${formatKr(cap.amountPerChild)} per barn${cap.provisional ? ' (preliminärt belopp)' : ''}: ${formatKr(cap.amountPerChild)}.`,
      unverified: base.unverified,
      proratedText: [],
    };
  };

  const childByAge: PreparedChildAge[] = [];
  for (const group of table.children) {
    for (let age = group.minAge; age <= group.maxAge; age++) {
      const who = `barn ${age} år (åldersgrupp ${group.label})`;
      const withLunch = cell(`children.${group.id}.amount`, group.amount, `Personliga kostnader för ${who} enligt ${tableName}: ${formatKr(group.amount)}.`);
      const missing = table.cellStatus[`children.${group.id}.withoutLunch`] === 'missing';
      const withoutLunch =
        group.withoutLunch === null
          ? null
          : cell(
              `children.${group.id}.withoutLunch`,
              group.withoutLunch,
              `Personliga kostnader för ${who} som äter lunch i förskolan på vardagar (belopp utan lunch 5 dagar/vecka) enligt ${tableName}: ${formatKr(group.withoutLunch)}.`,
            );
      childByAge[age] = {
        group,
        withLunch,
        withoutLunch,
        withoutLunchMissing: missing,
        withLunchCapped: cappedCell(withLunch),
        withoutLunchCapped: withoutLunch === null ? null : cappedCell(withoutLunch),
      };
    }
  }

  const largest = table.commonByPersons.length;
  const commonBySize: PreparedCell[] = [];
  for (let n = 1; n <= MAX_HOUSEHOLD_SIZE; n++) {
    if (n <= largest) {
      const amount = table.commonByPersons[n - 1]!;
      commonBySize[n] = cell(
        `commonCosts.${n}`,
        amount,
        `Gemensamma hushållskostnader för ett hushåll med ${n} ${n === 1 ? 'person' : 'personer'} enligt ${tableName}: ${formatKr(amount)}.`,
      );
    } else {
      const base = table.commonByPersons[largest - 1]!;
      const extra = n - largest;
      const amount = base + extra * table.extraPerson;
      const c = cell(
        `commonCosts.${largest}+extraPerson×${extra}`,
        amount,
        `Gemensamma hushållskostnader för ett hushåll med ${n} personer enligt ${tableName}: ${formatKr(base)} för ${largest} personer + ${extra} × ${formatKr(table.extraPerson)} för varje person utöver ${largest} = ${formatKr(amount)}.`,
      );
      c.unverified = c.unverified || table.cellStatus['commonCosts.extraPerson'] === 'unverified';
      commonBySize[n] = c;
    }
  }

  const baseWarnings: NormWarning[] = [];
  if (table.provisional) {
    baseWarnings.push(
      Object.freeze({
        type: 'PROVISIONAL_TABLE' as const,
        message: `Tabellen ${table.id} är preliminär: beloppen kan ändras när de officiella beloppen har verifierats. Källa: ${table.source}`,
      }),
    );
  }

  return {
    tableName,
    single,
    couple,
    childByAge,
    commonBySize,
    largestCommonSize: largest,
    baseWarnings,
    tableSummary: Object.freeze({
      id: table.id,
      title: table.title,
      provisional: table.provisional,
      verified: table.verified,
      regime: regime.id,
      validFrom: table.validFrom,
      validTo: table.validTo,
      source: table.source,
    }),
  };
}

function prepareGuidelines(g: GuidelineSet, regime: Regime, regimeSources: Readonly<Record<ReferenceKey, LineSource>>): PreparedGuidelines {
  const status: SourceStatus = g.example ? 'example' : 'official';
  const caps: Partial<Record<CostType, PreparedCap>> = {};
  for (const [type, cap] of Object.entries(g.caps) as [CostType, CostCap][]) {
    const ref = regime.references[COST_TYPE_HEADING[type]];
    const rows = cap.rows.map((row): PreparedCapRow => {
      const capKr = formatKr(row.amount);
      const capText = `riktlinjernas ${cap.label} ${capKr} (${row.label})`;
      return {
        row,
        source: freezeSource({
          id: g.id,
          cell: `caps.${type}.${row.id}`,
          text: g.source,
          legalReference: ref.text,
          legalReferenceVerified: ref.verified,
          validFrom: g.validFrom,
          validTo: g.validTo,
          status,
        }),
        withinText: `, inom ${capText}.`,
        capText,
        cappedText: `, godkänt ${capKr} enligt ${capText}. Överstigande `,
        cappedWarningText: ` överstiger ${capText}; ${capKr} har godkänts. Pröva om den högre kostnaden är skälig.`,
      };
    });
    const rowFor: (PreparedCapRow | null)[] = [];
    for (let adults = 1; adults <= 2; adults++) {
      for (let children = 0; children <= MAX_HOUSEHOLD_SIZE; children++) rowFor[capRowIndex(adults, children)] = findCapRow(rows, adults, children);
    }
    caps[type] = { cap, rows, rowFor };
  }
  return {
    guidelines: g,
    capsByIndex: COST_TYPES.map((t) => caps[t]),
    manualByIndex: costTypeFlags(g.settings.manualAssessmentCostTypes),
    cappedTypes: COST_TYPES.flatMap((t, i) => (caps[t] ? [i] : [])),
    partTimeChildrenCount: g.settings.partTimeChildrenCountInHouseholdSize ?? true,
    summary: Object.freeze({ id: g.id, municipality: g.municipality, example: g.example, validFrom: g.validFrom, validTo: g.validTo, source: g.source }),
    caps,
    uncappedSources: { reasonableCosts: regimeSources.reasonableCosts, otherLivingCosts: regimeSources.otherLivingCosts },
    exampleWarning: g.example
      ? Object.freeze({ type: 'EXAMPLE_GUIDELINES' as const, message: `Riktlinjerna ${g.id} är exempelkonfiguration, inte kommunens beslutade riktlinjer.` })
      : null,
  };
}
