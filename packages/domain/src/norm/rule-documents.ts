/**
 * Reading the rule documents (already-parsed JSON: the server and the CLI read the files of packages/domain/rules at
 * start-up) into typed rule data, with every problem collected: a malformed document → RuleDataError naming the file
 * and the field. Also checks the documents against each other (validity periods that overlap, unknown regimes).
 */
import { daysInMonth, monthIndex, parseDate } from './dates.ts';
import { ORE_PER_KRONA } from '../money.ts';
import {
  ADULT_DOCUMENT_FACTS,
  MAX_HOUSEHOLD_SIZE,
  REFERENCE_KEYS,
  REGIME_CONDITION_KEYS,
  type CapRow,
  type CellStatus,
  type ChildAgeGroup,
  type CostCap,
  type CountRange,
  type ExpectedDocumentRule,
  type GuidelineSet,
  type LargeHouseholdCap,
  type LegalReference,
  type PrisbasbeloppYear,
  type ReferenceKey,
  type Regime,
  type RegimeConditions,
  type RiksnormTable,
  type RuleDocument,
} from './rule-types.ts';
import { COST_TYPES, INCOME_TYPES, type CostType, type IncomeType } from './types.ts';

// ---------------------------------------------------------------------------------------------------------------------
// Reading JSON with error collection
// ---------------------------------------------------------------------------------------------------------------------

/** A problem in a rule document. */
export type RuleProblem = { file: string; path: string; message: string };
type Problem = RuleProblem;

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
    return this.integer(value, path, 0, 10_000_000) * ORE_PER_KRONA;
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
    const incomeTypes = (v: unknown, path: string): IncomeType[] => (r.array(v, path) ?? []).map((t, j) => r.oneOf(t, INCOME_TYPES, `${path}/${j}`));
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
    [
      ...COMMON_FIELDS,
      'validFrom',
      'validTo',
      'regime',
      'regimes',
      'provisional',
      'verified',
      'verification',
      'source',
      'unit',
      'children',
      'adults',
      'commonCosts',
      'cellStatus',
      'checks',
      'largeHouseholdCap',
    ],
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
  for (let i = 0; i < commonByPersons.length; i++) validCells.add(`commonCosts.${i + 1}`);
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
        settingsRaw.partTimeChildrenCountInHouseholdSize === undefined ? null : r.boolean(settingsRaw.partTimeChildrenCountInHouseholdSize, '/settings/partTimeChildrenCountInHouseholdSize'),
      manualAssessmentCostTypes:
        settingsRaw.manualAssessmentCostTypes === undefined
          ? ['other']
          : (r.array(settingsRaw.manualAssessmentCostTypes, '/settings/manualAssessmentCostTypes') ?? []).map((t, i) => r.oneOf(t, COST_TYPES, `/settings/manualAssessmentCostTypes/${i}`)),
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
// All documents
// ---------------------------------------------------------------------------------------------------------------------

/** The content of a document (or of one entry of it) with its validity as month indexes (see monthIndex). */
export interface Dated<T> {
  value: T;
  file: string;
  from: number;
  /** Number.MAX_SAFE_INTEGER when open-ended. */
  to: number;
}

export interface RuleData {
  tables: Dated<RiksnormTable>[];
  regimes: Dated<Regime>[];
  guidelines: Dated<GuidelineSet>[];
  prisbasbelopp: { value: PrisbasbeloppYear; file: string }[];
  expectedDocuments: Dated<ExpectedDocumentRule>[];
}

/**
 * Read every document (each has a `kind`: "riksnorm", "regimes", "municipalGuidelines", "prisbasbelopp" or
 * "expectedDocuments") and check them against each other: ids, overlapping validity, prisbasbelopp given twice. The
 * problems found are added to `problems`.
 */
export function readRuleData(documents: readonly RuleDocument[], problems: RuleProblem[]): RuleData {
  const tables: Dated<RiksnormTable>[] = [];
  const regimes: Dated<Regime>[] = [];
  const guidelines: Dated<GuidelineSet>[] = [];
  const pbb: { value: PrisbasbeloppYear; file: string }[] = [];
  const docRules: Dated<ExpectedDocumentRule>[] = [];
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
      tables.push({ value: t, file: doc.name, from: fromMonth(r, t.validFrom, '/validFrom'), to: toMonth(r, t.validTo, '/validTo') });
    } else if (kind === 'regimes') {
      readRegimes(r, o).forEach((g, i) => {
        regimes.push({ value: g, file: doc.name, from: fromMonth(r, g.validFrom, `/regimes/${i}/validFrom`), to: toMonth(r, g.validTo, `/regimes/${i}/validTo`) });
      });
    } else if (kind === 'municipalGuidelines') {
      const g = readGuidelines(r, o);
      guidelines.push({ value: g, file: doc.name, from: fromMonth(r, g.validFrom, '/validFrom'), to: toMonth(r, g.validTo, '/validTo') });
    } else if (kind === 'expectedDocuments') {
      readExpectedDocuments(r, o).forEach((d, i) => {
        docRules.push({ value: d, file: doc.name, from: fromMonth(r, d.validFrom, `/documents/${i}/validFrom`), to: toMonth(r, d.validTo, `/documents/${i}/validTo`) });
      });
    } else {
      for (const y of readPrisbasbelopp(r, o)) pbb.push({ value: y, file: doc.name });
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
  overlap(guidelines, 'riktlinjerna', (a, b) => a.value.municipality === b.value.municipality);
  for (const t of tables) if (t.from > t.to) problems.push({ file: t.file, path: '/validTo', message: 'slutar före start' });
  const pbbYears = new Set<number>();
  for (const { value: y, file } of pbb) {
    if (pbbYears.has(y.year)) problems.push({ file, path: '/years', message: `prisbasbelopp för ${y.year} finns två gånger` });
    pbbYears.add(y.year);
  }

  return { tables, regimes, guidelines, prisbasbelopp: pbb, expectedDocuments: docRules };
}
