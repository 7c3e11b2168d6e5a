/**
 * Validation of a norm-calculation input. Shared by the engine, the API and the CLI. Every problem is reported with a
 * JSON pointer into the input and a Swedish message; nothing is guessed or silently corrected.
 */
import { monthLabel, parseDatePacked, parseMonth } from './dates.ts';
import { NormInputError, NormRuleMissingError } from './errors.ts';
import { COST_TYPE_INDEX, INCOME_TYPE_INDEX } from './labels.ts';
import { MAX_AMOUNT_ORE, formatKr } from './money.ts';
import { MAX_HOUSEHOLD_SIZE, type MonthRules, type RuleSet } from './rules.ts';
import {
  ADULT_ROLES,
  COST_TYPES,
  INCOME_TYPES,
  type CostType,
  type IncomeType,
  type NormFieldError,
  type NormInput,
} from './types.ts';

export const MAX_CHILDREN = 20;
export const MAX_COSTS = 100;
export const MAX_INCOMES = 100;
const MAX_DESCRIPTION = 200;

/** Looks like a personnummer or samordningsnummer: the calculation needs no personal data. */
const PNR_RE = /^(\d{2})?\d{6}[-+]?\d{4}$/;
const MUNICIPALITY_RE = /^\d{4}$/;

const ROLE_SET = new Set<string>(ADULT_ROLES);

export interface ValidChild {
  id: string;
  /** Age in whole years on the first day of the month. */
  age: number;
  daysAtHome: number;
  lunchAtPreschool: boolean;
  /** null when not given. */
  earningsThisYear: number | null;
  path: string;
}

export interface ValidCost {
  type: CostType;
  /** Index in COST_TYPES. */
  typeIndex: number;
  amount: number;
  person: string | undefined;
  description: string | undefined;
}

export interface ValidIncome {
  type: IncomeType;
  /** Index in INCOME_TYPES. */
  typeIndex: number;
  amount: number;
  person: string;
  /** The child whose income it is, or null for an adult's income. */
  child: ValidChild | null;
}

/** The validated input in the shape the engine uses. */
export interface ValidatedNormInput {
  input: NormInput;
  rules: MonthRules;
  municipality: string | null;
  applicant: string;
  coApplicant: string | null;
  children: ValidChild[];
  householdSize: number | null;
  costs: ValidCost[];
  incomes: ValidIncome[];
  jobStimulus: string[];
  partTimeChildrenCountInHouseholdSize: boolean | null;
}

type Obj = Record<string, unknown>;

// Shared empty lists (never modified) so that a calculation without children, costs … allocates nothing for them.
const NO_CHILDREN: ValidChild[] = [];
const NO_IDS: string[] = [];
const NO_COSTS: ValidCost[] = [];
const NO_INCOMES: ValidIncome[] = [];

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

class Errors {
  list: NormFieldError[] | null = null;
  missing: NormFieldError[] | null = null;
  add(path: string, message: string): void {
    (this.list ??= []).push({ path, message });
  }
  addMissing(path: string, message: string): void {
    (this.missing ??= []).push({ path, message });
  }
}

/** Path strings built once (the hot path builds no strings unless there is an error). */
const pathList = (base: string, n: number) => Array.from({ length: n }, (_, i) => `${base}/${i}`);
const ADULT_PATHS = pathList('/adults', 2);
const CHILD_PATHS = pathList('/children', MAX_CHILDREN);
const COST_PATHS = pathList('/costs', MAX_COSTS);
const INCOME_PATHS = pathList('/incomes', MAX_INCOMES);
const JOB_STIMULUS_PATHS = pathList('/jobStimulus', 2);

export { CHILD_PATHS, COST_PATHS, INCOME_PATHS, JOB_STIMULUS_PATHS };

// Unknown fields are errors (a misspelt "daysAtHome" must not silently give a full-time child). for-in with a switch is
// the fastest check for small objects.
function unknownField(path: string, key: string, e: Errors): void {
  e.add(`${path}/${key}`, 'Okänt fält.');
}

function checkInputKeys(o: Obj, e: Errors): void {
  for (const k in o) {
    switch (k) {
      case 'month': case 'municipality': case 'adults': case 'children': case 'householdSize':
      case 'costs': case 'incomes': case 'jobStimulus': case 'options':
        break;
      default:
        unknownField('', k, e);
    }
  }
}

function checkAdultKeys(o: Obj, path: string, e: Errors): void {
  for (const k in o) if (k !== 'id' && k !== 'role') unknownField(path, k, e);
}

function checkChildKeys(o: Obj, path: string, e: Errors): void {
  for (const k in o) {
    switch (k) {
      case 'id': case 'birthDate': case 'daysAtHome': case 'lunchAtPreschool': case 'earningsThisYear':
        break;
      default:
        unknownField(path, k, e);
    }
  }
}

function checkCostKeys(o: Obj, path: string, e: Errors): void {
  for (const k in o) {
    switch (k) {
      case 'type': case 'amount': case 'person': case 'description':
        break;
      default:
        unknownField(path, k, e);
    }
  }
}

function checkIncomeKeys(o: Obj, path: string, e: Errors): void {
  for (const k in o) if (k !== 'type' && k !== 'person' && k !== 'amount') unknownField(path, k, e);
}

/** [A-Za-z0-9_.-]{1,40} without a regular expression. */
function isIdText(v: string): boolean {
  const n = v.length;
  if (n === 0 || n > 40) return false;
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45)) return false;
  }
  return true;
}

function checkId(v: unknown, base: string, e: Errors): string | null {
  if (typeof v !== 'string') {
    e.add(`${base}/id`, 'Id saknas (en kort text, t.ex. "a1").');
    return null;
  }
  if (!isIdText(v)) {
    e.add(`${base}/id`, 'Id ska vara 1–40 tecken: bokstäver a–z, siffror, punkt, bindestreck eller understreck.');
    return null;
  }
  if (v.length >= 10 && v.length <= 13 && PNR_RE.test(v)) {
    e.add(`${base}/id`, 'Använd inte personnummer som id: beräkningen behöver inga personuppgifter.');
    return null;
  }
  return v;
}

/** Integer öre ≥ 0; the error path is `${base}/${field}`. */
function checkAmount(v: unknown, base: string, field: string, e: Errors): number | null {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_AMOUNT_ORE) return v;
  const path = `${base}/${field}`;
  if (typeof v !== 'number' || !Number.isFinite(v)) e.add(path, 'Beloppet ska vara ett heltal i ören.');
  else if (!Number.isInteger(v)) e.add(path, 'Beloppet ska anges i hela ören (ett heltal, t.ex. 850000 för 8 500 kr).');
  else if (v < 0) e.add(path, 'Beloppet får inte vara negativt.');
  else e.add(path, `Beloppet får vara högst ${formatKr(MAX_AMOUNT_ORE)}.`);
  return null;
}

function checkArray(v: unknown, path: string, max: number, e: Errors, what: string): unknown[] | null {
  if (v === undefined) return null;
  if (!Array.isArray(v)) {
    e.add(path, `${what} ska vara en lista.`);
    return null;
  }
  if (v.length > max) {
    e.add(path, `Högst ${max} rader.`);
    return null;
  }
  return v;
}

/**
 * Validate an input against the rule set. Throws NormInputError (field errors) or NormRuleMissingError (no table,
 * regime or cell for what is asked); returns the input in the engine's shape.
 */
export function validateForEngine(ruleSet: RuleSet, raw: unknown): ValidatedNormInput {
  const e = new Errors();
  if (!isObject(raw)) throw new NormInputError([{ path: '', message: 'Uppgifterna ska vara ett JSON-objekt.' }]);
  checkInputKeys(raw, e);

  // Month → rules.
  let rules: MonthRules | undefined;
  const month = raw.month;
  if (typeof month !== 'string') e.add('/month', 'Månaden saknas (ÅÅÅÅ-MM).');
  else if ((rules = ruleSet.months.get(month)) === undefined) {
    const ym = parseMonth(month);
    if (!ym) e.add('/month', 'Månaden ska anges som ÅÅÅÅ-MM, t.ex. 2026-03.');
    else {
      e.addMissing(
        '/month',
        `Det finns ingen riksnormstabell för ${monthLabel(ym.year, ym.month)} i Vägens regeldata. Beräkningen görs inte utan tabell.`,
      );
    }
  }

  // Municipality.
  let municipality: string | null = null;
  if (raw.municipality !== undefined) {
    if (typeof raw.municipality !== 'string' || !MUNICIPALITY_RE.test(raw.municipality)) e.add('/municipality', 'Kommunkoden ska vara fyra siffror, t.ex. 2281.');
    else municipality = raw.municipality;
  }

  // Adults.
  const ids: string[] = [];
  let adultCount = 0;
  let applicant: string | null = null;
  let coApplicant: string | null = null;
  const adults = raw.adults;
  if (!Array.isArray(adults) || adults.length === 0) e.add('/adults', 'Minst en vuxen (sökande) krävs.');
  else if (adults.length > 2) e.add('/adults', 'Högst två vuxna: sökande och medsökande (make, maka eller sambo). Andra vuxna i bostaden anges med householdSize.');
  else {
    let coPath = '';
    for (let i = 0; i < adults.length; i++) {
      const p = ADULT_PATHS[i]!;
      const a = adults[i];
      if (!isObject(a)) {
        e.add(p, 'Ska vara ett objekt med id och role.');
        continue;
      }
      checkAdultKeys(a, p, e);
      const id = checkId(a.id, p, e);
      if (id !== null) {
        if (ids.includes(id)) e.add(`${p}/id`, 'Samma id används två gånger.');
        ids.push(id);
        adultCount++;
      }
      const role = a.role;
      if (typeof role !== 'string' || !ROLE_SET.has(role)) e.add(`${p}/role`, 'Rollen ska vara applicant (sökande) eller coApplicant (medsökande).');
      else if (role === 'applicant') {
        if (applicant !== null) e.add(`${p}/role`, 'Det kan bara finnas en sökande.');
        else applicant = id ?? '';
      } else {
        if (coApplicant !== null) e.add(`${p}/role`, 'Det kan bara finnas en medsökande.');
        else {
          coApplicant = id ?? '';
          coPath = `${p}/role`;
        }
      }
    }
    if (applicant === null) {
      if (coApplicant !== null) e.add(coPath, 'En medsökande förutsätter en sökande: ange en vuxen med role applicant.');
      else e.add('/adults', 'En sökande (role applicant) krävs.');
    }
  }

  // Children.
  let children: ValidChild[] = NO_CHILDREN;
  const childList = checkArray(raw.children, '/children', MAX_CHILDREN, e, 'Barnen');
  if (childList) {
    for (let i = 0; i < childList.length; i++) {
      const p = CHILD_PATHS[i]!;
      const c = childList[i];
      if (!isObject(c)) {
        e.add(p, 'Ska vara ett objekt med id och birthDate.');
        continue;
      }
      checkChildKeys(c, p, e);
      const id = checkId(c.id, p, e);
      if (id !== null) {
        if (ids.includes(id)) e.add(`${p}/id`, 'Samma id används två gånger.');
        ids.push(id);
      }
      let age = -1;
      const birthDate = c.birthDate;
      const birth = typeof birthDate === 'string' ? parseDatePacked(birthDate) : -1;
      if (birth < 0) e.add(`${p}/birthDate`, 'Födelsedatum ska vara ett giltigt datum ÅÅÅÅ-MM-DD.');
      else if (rules) {
        // Age in whole years on the first day of the month: compare (month, day) with (month, 1).
        const by = (birth / 10000) | 0;
        const bmd = birth - by * 10000;
        age = rules.year - by - (bmd > rules.month * 100 + 1 ? 1 : 0);
        if (age < 0) {
          if (by === rules.year && ((bmd / 100) | 0) === rules.month) age = 0;
          else e.add(`${p}/birthDate`, `Barnet är inte fött i ${monthLabel(rules.year, rules.month)}.`);
        } else if (age >= rules.childByAge.length) {
          e.add(
            `${p}/birthDate`,
            `Barnet är ${age} år den 1 ${monthLabel(rules.year, rules.month)}. Barn i hushållet är yngre än ${rules.childByAge.length} år; en äldre person räknas som vuxen i ett eget hushåll.`,
          );
        }
      }
      const max = rules ? rules.daysInMonth : 31;
      let days = max;
      const d = c.daysAtHome;
      if (d !== undefined) {
        if (typeof d !== 'number' || !Number.isInteger(d) || d < 0 || d > max) e.add(`${p}/daysAtHome`, `Dagar hemma ska vara ett heltal 0–${max} (dagar i månaden).`);
        else days = d;
      }
      let lunch = false;
      const l = c.lunchAtPreschool;
      if (l !== undefined) {
        if (typeof l !== 'boolean') e.add(`${p}/lunchAtPreschool`, 'Ska vara true eller false.');
        else lunch = l;
      }
      let earnings: number | null = null;
      const earned = c.earningsThisYear;
      if (earned !== undefined) earnings = checkAmount(earned, p, 'earningsThisYear', e);
      if (lunch && rules && age >= 0) {
        const cell = rules.childByAge[age];
        if (cell && cell.withoutLunchMissing) {
          e.addMissing(
            `${p}/lunchAtPreschool`,
            `Beloppet utan lunch för åldersgruppen ${cell.group.label} saknas i ${rules.table.id} (inte verifierat). Beräkningen görs inte med ett gissat belopp; komplettera tabellen.`,
          );
        }
      }
      if (children === NO_CHILDREN) children = [];
      children.push({ id: id ?? '', age, daysAtHome: days, lunchAtPreschool: lunch, earningsThisYear: earnings, path: p });
    }
  }

  // Household size.
  let householdSize: number | null = null;
  const h = raw.householdSize;
  if (h !== undefined) {
    if (typeof h !== 'number' || !Number.isInteger(h) || h < 1 || h > MAX_HOUSEHOLD_SIZE) e.add('/householdSize', `Hushållets storlek ska vara ett heltal 1–${MAX_HOUSEHOLD_SIZE}.`);
    else householdSize = h;
  }

  // Costs (normalised to one object shape for the engine).
  let costs: ValidCost[] = NO_COSTS;
  const costList = checkArray(raw.costs, '/costs', MAX_COSTS, e, 'Kostnaderna');
  if (costList) {
    for (let i = 0; i < costList.length; i++) {
      const p = COST_PATHS[i]!;
      const c = costList[i];
      if (!isObject(c)) {
        e.add(p, 'Ska vara ett objekt med type och amount.');
        continue;
      }
      checkCostKeys(c, p, e);
      const type = c.type;
      const typeIndex = typeof type === 'string' ? COST_TYPE_INDEX.get(type) : undefined;
      if (typeIndex === undefined) e.add(`${p}/type`, `Okänd kostnadstyp. Tillåtna: ${COST_TYPES.join(', ')}.`);
      const amount = checkAmount(c.amount, p, 'amount', e);
      const person = c.person;
      if (person !== undefined && (typeof person !== 'string' || !ids.includes(person))) e.add(`${p}/person`, 'Personen finns inte bland de vuxna eller barnen.');
      const description = c.description;
      if (description !== undefined && (typeof description !== 'string' || description.length > MAX_DESCRIPTION)) {
        e.add(`${p}/description`, `Beskrivningen ska vara en text med högst ${MAX_DESCRIPTION} tecken.`);
      }
      if (costs === NO_COSTS) costs = [];
      costs.push({ type: type as CostType, typeIndex: typeIndex ?? 0, amount: amount ?? 0, person: person as string | undefined, description: (description as string | undefined) || undefined });
    }
  }

  // Incomes (normalised; a child's income is linked to the child).
  let incomes: ValidIncome[] = NO_INCOMES;
  const incomeList = checkArray(raw.incomes, '/incomes', MAX_INCOMES, e, 'Inkomsterna');
  if (incomeList) {
    for (let i = 0; i < incomeList.length; i++) {
      const p = INCOME_PATHS[i]!;
      const c = incomeList[i];
      if (!isObject(c)) {
        e.add(p, 'Ska vara ett objekt med type, person och amount.');
        continue;
      }
      checkIncomeKeys(c, p, e);
      const type = c.type;
      const typeIndex = typeof type === 'string' ? INCOME_TYPE_INDEX.get(type) : undefined;
      if (typeIndex === undefined) e.add(`${p}/type`, `Okänd inkomsttyp. Tillåtna: ${INCOME_TYPES.join(', ')}.`);
      const person = c.person;
      const at = typeof person === 'string' ? ids.indexOf(person) : -1;
      if (at < 0) e.add(`${p}/person`, 'Ange vems inkomsten är: id för en vuxen eller ett barn i beräkningen.');
      const amount = checkAmount(c.amount, p, 'amount', e);
      if (incomes === NO_INCOMES) incomes = [];
      incomes.push({ type: type as IncomeType, typeIndex: typeIndex ?? 0, amount: amount ?? 0, person: person as string, child: at >= adultCount ? (children[at - adultCount] ?? null) : null });
    }
  }

  // Jobbstimulans.
  let jobStimulus: string[] = NO_IDS;
  const js = checkArray(raw.jobStimulus, '/jobStimulus', 2, e, 'Jobbstimulans');
  if (js) {
    for (let i = 0; i < js.length; i++) {
      const id = js[i];
      const p = JOB_STIMULUS_PATHS[i]!;
      if (typeof id !== 'string' || !ids.includes(id)) e.add(p, 'Personen finns inte bland de vuxna.');
      else if (ids.indexOf(id) >= adultCount) e.add(p, 'Jobbstimulans gäller vuxna (sökande eller medsökande), inte barn.');
      else if (jobStimulus.includes(id)) e.add(p, 'Personen finns redan i listan.');
      else {
        if (jobStimulus === NO_IDS) jobStimulus = [];
        jobStimulus.push(id);
      }
    }
  }

  // Options.
  let partTimeCounts: boolean | null = null;
  if (raw.options !== undefined) {
    const o = raw.options;
    if (!isObject(o)) e.add('/options', 'Ska vara ett objekt.');
    else {
      for (const k in o) if (k !== 'partTimeChildrenCountInHouseholdSize') unknownField('/options', k, e);
      if (o.partTimeChildrenCountInHouseholdSize !== undefined) {
        if (typeof o.partTimeChildrenCountInHouseholdSize !== 'boolean') e.add('/options/partTimeChildrenCountInHouseholdSize', 'Ska vara true eller false.');
        else partTimeCounts = o.partTimeChildrenCountInHouseholdSize;
      }
    }
  }

  if (e.list) throw new NormInputError(e.missing ? [...e.list, ...e.missing] : e.list);
  if (e.missing) throw new NormRuleMissingError(e.missing, 'Regeldata saknas för beräkningen: ' + e.missing.map((m) => m.message).join(' '));

  return {
    input: raw as unknown as NormInput,
    rules: rules!,
    municipality,
    applicant: applicant!,
    coApplicant,
    children,
    householdSize,
    costs,
    incomes,
    jobStimulus,
    partTimeChildrenCountInHouseholdSize: partTimeCounts,
  };
}

/**
 * Check an input without calculating. Returns the typed input, or throws NormInputError / NormRuleMissingError with
 * field paths (JSON pointers into the input) and Swedish messages.
 */
export function validateNormInput(ruleSet: RuleSet, raw: unknown): NormInput {
  return validateForEngine(ruleSet, raw).input;
}

