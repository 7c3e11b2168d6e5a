/**
 * Validation of a norm-calculation input. Shared by the engine, the API and the CLI. Every problem is reported with a
 * JSON pointer into the input and a Swedish message; nothing is guessed or silently corrected.
 *
 * One pass over the input, hand-written checks (no schema library, no regular expression on the hot path). The valid
 * input is copied into a ValidatedNormInput: flat, typed buffers that are reused from one calculation to the next, so
 * validating allocates nothing unless there is an error.
 */
import { monthLabel, parseDatePacked, parseMonth } from './dates.ts';
import { NormInputError, NormRuleMissingError } from './errors.ts';
import { costTypeIndex, incomeTypeIndex } from './labels.ts';
import { MAX_AMOUNT_ORE, formatKr } from './money.ts';
import { MAX_HOUSEHOLD_SIZE, type MonthRules, type RuleSet } from './rules.ts';
import { COST_TYPES, INCOME_TYPES, type NormFieldError, type NormInput } from './types.ts';

export const MAX_CHILDREN = 20;
export const MAX_COSTS = 100;
export const MAX_INCOMES = 100;
const MAX_DESCRIPTION = 200;
/** Adults (2) and children with an id. */
const MAX_IDS = 2 + MAX_CHILDREN;

/** Looks like a personnummer or samordningsnummer: the calculation needs no personal data. */
const PNR_RE = /^(\d{2})?\d{6}[-+]?\d{4}$/;

/** Path strings built once (the hot path builds no strings unless there is an error). */
const pathList = (base: string, n: number) => Array.from({ length: n }, (_, i) => `${base}/${i}`);
const ADULT_PATHS = pathList('/adults', 2);
const CHILD_PATHS = pathList('/children', MAX_CHILDREN);
const COST_PATHS = pathList('/costs', MAX_COSTS);
const INCOME_PATHS = pathList('/incomes', MAX_INCOMES);
const JOB_STIMULUS_PATHS = pathList('/jobStimulus', 2);

export { CHILD_PATHS, COST_PATHS, INCOME_PATHS, JOB_STIMULUS_PATHS };

/**
 * The validated input in the shape the engine reads: counts and parallel buffers (child i is childId[i], childAge[i] …)
 * instead of an object per child, cost and income. Only the first `…Count` entries of a buffer are meaningful.
 *
 * One instance is reused by every calculation (see acquireValidated): the engine is synchronous, so two calculations
 * are never in flight at once, except when reading the input calls back into calculateNorm (a getter or proxy); then
 * the inner call gets its own instance.
 */
export class ValidatedNormInput {
  input: unknown = null;
  rules: MonthRules | null = null;
  municipality: string | null = null;
  applicant = '';
  coApplicant: string | null = null;
  /** 0 when not given. */
  householdSize = 0;
  /** options.partTimeChildrenCountInHouseholdSize: -1 not given, 0 false, 1 true. */
  partTimeCounts = -1;

  /** Ids of the adults and then the children, in input order (the ids a cost or income may name). */
  readonly ids: string[] = new Array<string>(MAX_IDS).fill('');
  idCount = 0;
  adultCount = 0;
  /** Per adult (input order): lawfullyResident -1 not given, 0 false, 1 true. */
  readonly adultLawful = new Int8Array(2);
  /** Per adult (input order): reducedWorkCapacityDueToIllness is true. */
  readonly adultIll = new Uint8Array(2);
  /** Some adult gave lawfullyResident or reducedWorkCapacityDueToIllness (the engine looks at them only then). */
  adultFactsGiven = false;
  emergencyAid = false;

  childCount = 0;
  readonly childId: string[] = new Array<string>(MAX_CHILDREN).fill('');
  /** Age in whole years on the first day of the month. */
  readonly childAge = new Int32Array(MAX_CHILDREN);
  readonly childDaysAtHome = new Int32Array(MAX_CHILDREN);
  readonly childLunch = new Uint8Array(MAX_CHILDREN);
  /** Öre; -1 when not given. */
  readonly childEarnings = new Int32Array(MAX_CHILDREN);
  /** Birth date as YYYYMMDD (orders the children for the large-household cap). */
  readonly childBirth = new Int32Array(MAX_CHILDREN);

  costCount = 0;
  /** Index in COST_TYPES. */
  readonly costType = new Int32Array(MAX_COSTS);
  readonly costAmount = new Int32Array(MAX_COSTS);
  readonly costPerson: (string | undefined)[] = new Array<string | undefined>(MAX_COSTS).fill(undefined);
  /** undefined when not given or empty. */
  readonly costDescription: (string | undefined)[] = new Array<string | undefined>(MAX_COSTS).fill(undefined);
  /** Rent in second hand: 1 when secondHand is true. */
  readonly costSecondHand = new Uint8Array(MAX_COSTS);
  /** subletApproved: -1 not given, 0 false, 1 true. */
  readonly costSubletApproved = new Int8Array(MAX_COSTS);
  /** Number of costs with secondHand true. */
  secondHandCount = 0;

  incomeCount = 0;
  /** Index in INCOME_TYPES. */
  readonly incomeType = new Int32Array(MAX_INCOMES);
  readonly incomeAmount = new Int32Array(MAX_INCOMES);
  readonly incomePerson: string[] = new Array<string>(MAX_INCOMES).fill('');
  /** Index of the child whose income it is, or -1 for an adult's income. */
  readonly incomeChild = new Int32Array(MAX_INCOMES);

  readonly jobStimulus: string[] = ['', ''];
  jobStimulusCount = 0;

  // Working buffers of the engine.
  /** The approved amount of each cost. */
  readonly costApproved = new Int32Array(MAX_COSTS);
  /** Per cost type index: the part of its cap still available (several costs of one type share it). */
  readonly capRemaining = new Int32Array(COST_TYPES.length);
  /** Per child: its place among the children counted from the oldest (0 = oldest), for the large-household cap. */
  readonly childRank = new Int32Array(MAX_CHILDREN);

  errors: NormFieldError[] | null = null;
  missing: NormFieldError[] | null = null;

  error(path: string, message: string): void {
    (this.errors ??= []).push({ path, message });
  }

  missingRule(path: string, message: string): void {
    (this.missing ??= []).push({ path, message });
  }

  /** Index of the id among the adults and children, or -1. A loop: the lists are short. */
  indexOfId(id: string): number {
    const ids = this.ids;
    for (let i = 0; i < this.idCount; i++) if (ids[i] === id) return i;
    return -1;
  }
}

let spare: ValidatedNormInput | null = new ValidatedNormInput();

/** The reusable instance, or a new one when it is in use (a calculation started while reading another's input). */
export function acquireValidated(): ValidatedNormInput {
  const v = spare ?? new ValidatedNormInput();
  spare = null;
  return v;
}

/** Give the instance back. It drops the input object; a few of its strings (ids, descriptions) stay in the buffers until reused. */
export function releaseValidated(v: ValidatedNormInput): void {
  v.input = null;
  v.rules = null;
  spare = v;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// Unknown fields are errors (a misspelt "daysAtHome" must not silently give a full-time child). for-in with a switch is
// the fastest check for small objects.
function unknownField(path: string, key: string, v: ValidatedNormInput): void {
  v.error(`${path}/${key}`, 'Okänt fält.');
}

/** Returns whether one of the optional facts (lawfullyResident, reducedWorkCapacityDueToIllness) is present. */
function checkAdultKeys(o: object, path: string, v: ValidatedNormInput): boolean {
  let facts = false;
  for (const k in o) {
    switch (k) {
      case 'id': case 'role':
        break;
      case 'lawfullyResident': case 'reducedWorkCapacityDueToIllness':
        facts = true;
        break;
      default:
        unknownField(path, k, v);
    }
  }
  return facts;
}

function checkChildKeys(o: object, path: string, v: ValidatedNormInput): void {
  for (const k in o) {
    switch (k) {
      case 'id': case 'birthDate': case 'daysAtHome': case 'lunchAtPreschool': case 'earningsThisYear':
        break;
      default:
        unknownField(path, k, v);
    }
  }
}

/** Returns whether secondHand or subletApproved is present. */
function checkCostKeys(o: object, path: string, v: ValidatedNormInput): boolean {
  let sublet = false;
  for (const k in o) {
    switch (k) {
      case 'type': case 'amount': case 'person': case 'description':
        break;
      case 'secondHand': case 'subletApproved':
        sublet = true;
        break;
      default:
        unknownField(path, k, v);
    }
  }
  return sublet;
}

function checkIncomeKeys(o: object, path: string, v: ValidatedNormInput): void {
  for (const k in o) if (k !== 'type' && k !== 'person' && k !== 'amount') unknownField(path, k, v);
}

/** [A-Za-z0-9_.-]{1,40} without a regular expression. */
function isIdText(s: string): boolean {
  const n = s.length;
  if (n === 0 || n > 40) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45)) return false;
  }
  return true;
}

/** Four ASCII digits (a municipality code). */
function isFourDigits(s: string): boolean {
  if (s.length !== 4) return false;
  for (let i = 0; i < 4; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function checkId(id: unknown, base: string, v: ValidatedNormInput): string | null {
  if (typeof id !== 'string') {
    v.error(`${base}/id`, 'Id saknas (en kort text, t.ex. "a1").');
    return null;
  }
  if (!isIdText(id)) {
    v.error(`${base}/id`, 'Id ska vara 1–40 tecken: bokstäver a–z, siffror, punkt, bindestreck eller understreck.');
    return null;
  }
  if (id.length >= 10 && id.length <= 13 && PNR_RE.test(id)) {
    v.error(`${base}/id`, 'Använd inte personnummer som id: beräkningen behöver inga personuppgifter.');
    return null;
  }
  return id;
}

/** Integer öre 0 … MAX_AMOUNT_ORE, or -1 after recording the error at `${base}/${field}`. */
function checkAmount(amount: unknown, base: string, field: string, v: ValidatedNormInput): number {
  if (typeof amount === 'number' && Number.isInteger(amount) && amount >= 0 && amount <= MAX_AMOUNT_ORE) return amount;
  const path = `${base}/${field}`;
  if (typeof amount !== 'number' || !Number.isFinite(amount)) v.error(path, 'Beloppet ska vara ett heltal i ören.');
  else if (!Number.isInteger(amount)) v.error(path, 'Beloppet ska anges i hela ören (ett heltal, t.ex. 850000 för 8 500 kr).');
  else if (amount < 0) v.error(path, 'Beloppet får inte vara negativt.');
  else v.error(path, `Beloppet får vara högst ${formatKr(MAX_AMOUNT_ORE)}.`);
  return -1;
}

/** The list, or null when absent or invalid (the error is recorded). */
function checkArray(list: unknown, path: string, max: number, v: ValidatedNormInput, what: string): unknown[] | null {
  if (list === undefined) return null;
  if (!Array.isArray(list)) {
    v.error(path, `${what} ska vara en lista.`);
    return null;
  }
  if (list.length > max) {
    v.error(path, `Högst ${max} rader.`);
    return null;
  }
  return list;
}

/**
 * Validate an input against the rule set into `v` (see acquireValidated). Throws NormInputError (field errors) or
 * NormRuleMissingError (no table, regime or cell for what is asked). The errors are listed in input order: unknown
 * top-level fields, month, municipality, adults, children, householdSize, costs, incomes, jobStimulus, options; rule
 * data that is missing comes last.
 *
 * Each part of the input has its own function: besides reading better, it lets the compiler inline the small checks
 * into each part (one large function runs out of its inlining budget).
 */
export function validateInto(v: ValidatedNormInput, ruleSet: RuleSet, raw: unknown): void {
  v.errors = null;
  v.missing = null;
  if (!isObject(raw)) throw new NormInputError([{ path: '', message: 'Uppgifterna ska vara ett JSON-objekt.' }]);
  v.input = raw;

  // The top-level fields, read by one for-in that also rejects unknown fields: `raw[k]` inside for-in is read by the
  // key's position, whereas `raw.month` on inputs of many different shapes is a slow generic lookup. A field that
  // for-in does not list (not enumerable) is read directly afterwards, so every input reads as before.
  let month: unknown, municipality: unknown, adults: unknown, children: unknown, householdSize: unknown;
  let costs: unknown, incomes: unknown, jobStimulus: unknown, options: unknown, emergencyAid: unknown;
  let seen = 0;
  for (const k in raw) {
    switch (k) {
      case 'month': month = raw[k]; seen |= 1; break;
      case 'adults': adults = raw[k]; seen |= 2; break;
      case 'children': children = raw[k]; seen |= 4; break;
      case 'costs': costs = raw[k]; seen |= 8; break;
      case 'incomes': incomes = raw[k]; seen |= 16; break;
      case 'municipality': municipality = raw[k]; seen |= 32; break;
      case 'householdSize': householdSize = raw[k]; seen |= 64; break;
      case 'jobStimulus': jobStimulus = raw[k]; seen |= 128; break;
      case 'options': options = raw[k]; seen |= 256; break;
      case 'emergencyAid': emergencyAid = raw[k]; seen |= 512; break;
      default: unknownField('', k, v);
    }
  }
  if (seen !== 1023) {
    if ((seen & 1) === 0) month = raw.month;
    if ((seen & 2) === 0) adults = raw.adults;
    if ((seen & 4) === 0) children = raw.children;
    if ((seen & 8) === 0) costs = raw.costs;
    if ((seen & 16) === 0) incomes = raw.incomes;
    if ((seen & 32) === 0) municipality = raw.municipality;
    if ((seen & 64) === 0) householdSize = raw.householdSize;
    if ((seen & 128) === 0) jobStimulus = raw.jobStimulus;
    if ((seen & 256) === 0) options = raw.options;
    if ((seen & 512) === 0) emergencyAid = raw.emergencyAid;
  }

  const rules = validateMonth(v, ruleSet, month);
  v.rules = rules;

  // Municipality.
  v.municipality = null;
  if (municipality !== undefined) {
    if (typeof municipality !== 'string' || !isFourDigits(municipality)) v.error('/municipality', 'Kommunkoden ska vara fyra siffror, t.ex. 2281.');
    else v.municipality = municipality;
  }

  validateAdults(v, adults);
  validateChildren(v, children, rules);

  // Household size.
  v.householdSize = 0;
  if (householdSize !== undefined) {
    const h = householdSize;
    if (typeof h !== 'number' || !Number.isInteger(h) || h < 1 || h > MAX_HOUSEHOLD_SIZE) v.error('/householdSize', `Hushållets storlek ska vara ett heltal 1–${MAX_HOUSEHOLD_SIZE}.`);
    else v.householdSize = h;
  }

  validateCosts(v, costs);
  validateIncomes(v, incomes);
  validateJobStimulus(v, jobStimulus);
  validateOptions(v, options);

  v.emergencyAid = false;
  if (emergencyAid !== undefined) {
    if (typeof emergencyAid !== 'boolean') v.error('/emergencyAid', 'Ska vara true (ansökan gäller nödbistånd) eller false.');
    else v.emergencyAid = emergencyAid;
  }

  // (Read back through the object: the checks above filled the lists through method calls.)
  const errors = v.errors as NormFieldError[] | null;
  const missing = v.missing as NormFieldError[] | null;
  if (errors !== null) throw new NormInputError(missing !== null ? [...errors, ...missing] : errors);
  if (missing !== null) throw new NormRuleMissingError(missing, 'Regeldata saknas för beräkningen: ' + missing.map((m) => m.message).join(' '));
}

/** The month's rules, or null (the error is recorded). */
function validateMonth(v: ValidatedNormInput, ruleSet: RuleSet, month: unknown): MonthRules | null {
  if (typeof month !== 'string') {
    v.error('/month', 'Månaden saknas (ÅÅÅÅ-MM).');
    return null;
  }
  const rules = ruleSet.months.get(month);
  if (rules !== undefined) return rules;
  const ym = parseMonth(month);
  if (!ym) v.error('/month', 'Månaden ska anges som ÅÅÅÅ-MM, t.ex. 2026-03.');
  else {
    v.missingRule(
      '/month',
      `Det finns ingen riksnormstabell för ${monthLabel(ym.year, ym.month)} i Vägens regeldata. Beräkningen görs inte utan tabell.`,
    );
  }
  return null;
}

function validateAdults(v: ValidatedNormInput, adults: unknown): void {
  const ids = v.ids;
  v.idCount = 0;
  v.adultCount = 0;
  v.adultFactsGiven = false;
  let applicant: string | null = null;
  let coApplicant: string | null = null;
  if (!Array.isArray(adults) || adults.length === 0) v.error('/adults', 'Minst en vuxen (sökande) krävs.');
  else if (adults.length > 2) v.error('/adults', 'Högst två vuxna: sökande och medsökande (make, maka eller sambo). Andra vuxna i bostaden anges med householdSize.');
  else {
    let coPath = '';
    for (let i = 0; i < adults.length; i++) {
      const p = ADULT_PATHS[i]!;
      const a: unknown = adults[i];
      if (!isObject(a)) {
        v.error(p, 'Ska vara ett objekt med id och role.');
        continue;
      }
      v.adultLawful[i] = -1;
      v.adultIll[i] = 0;
      if (checkAdultKeys(a, p, v)) validateAdultFacts(v, a, i, p);
      const id = checkId(a.id, p, v);
      if (id !== null) {
        if (v.indexOfId(id) >= 0) v.error(`${p}/id`, 'Samma id används två gånger.');
        ids[v.idCount++] = id;
        v.adultCount++;
      }
      const role = a.role;
      if (role === 'applicant') {
        if (applicant !== null) v.error(`${p}/role`, 'Det kan bara finnas en sökande.');
        else applicant = id ?? '';
      } else if (role === 'coApplicant') {
        if (coApplicant !== null) v.error(`${p}/role`, 'Det kan bara finnas en medsökande.');
        else {
          coApplicant = id ?? '';
          coPath = `${p}/role`;
        }
      } else {
        v.error(`${p}/role`, 'Rollen ska vara applicant (sökande) eller coApplicant (medsökande).');
      }
    }
    if (applicant === null) {
      if (coApplicant !== null) v.error(coPath, 'En medsökande förutsätter en sökande: ange en vuxen med role applicant.');
      else v.error('/adults', 'En sökande (role applicant) krävs.');
    }
  }
  v.applicant = applicant ?? '';
  v.coApplicant = coApplicant;
}

/** The optional facts about an adult (read only when present, so the common input pays nothing for them). */
function validateAdultFacts(v: ValidatedNormInput, a: Record<string, unknown>, i: number, p: string): void {
  v.adultFactsGiven = true;
  const lawful = a.lawfullyResident;
  if (lawful !== undefined) {
    if (typeof lawful !== 'boolean') v.error(`${p}/lawfullyResident`, 'Ska vara true (vistas lagligen i Sverige) eller false.');
    else v.adultLawful[i] = lawful ? 1 : 0;
  }
  const ill = a.reducedWorkCapacityDueToIllness;
  if (ill !== undefined) {
    if (typeof ill !== 'boolean') v.error(`${p}/reducedWorkCapacityDueToIllness`, 'Ska vara true (nedsatt arbetsförmåga på grund av sjukdom) eller false.');
    else v.adultIll[i] = ill ? 1 : 0;
  }
}

function validateChildren(v: ValidatedNormInput, children: unknown, rules: MonthRules | null): void {
  const ids = v.ids;
  v.childCount = 0;
  const childList = checkArray(children, '/children', MAX_CHILDREN, v, 'Barnen');
  if (childList === null) return;
  const maxDays = rules !== null ? rules.daysInMonth : 31;
  for (let i = 0; i < childList.length; i++) {
    const p = CHILD_PATHS[i]!;
    const c: unknown = childList[i];
    if (!isObject(c)) {
      v.error(p, 'Ska vara ett objekt med id och birthDate.');
      continue;
    }
    checkChildKeys(c, p, v);
    const id = checkId(c.id, p, v);
    if (id !== null) {
      if (v.indexOfId(id) >= 0) v.error(`${p}/id`, 'Samma id används två gånger.');
      ids[v.idCount++] = id;
    }
    let age = -1;
    const birthDate = c.birthDate;
    const birth = typeof birthDate === 'string' ? parseDatePacked(birthDate) : -1;
    if (birth < 0) v.error(`${p}/birthDate`, 'Födelsedatum ska vara ett giltigt datum ÅÅÅÅ-MM-DD.');
    else if (rules !== null) {
      // Age in whole years on the first day of the month: compare (month, day) with (month, 1).
      const by = (birth / 10000) | 0;
      const bmd = birth - by * 10000;
      age = rules.year - by - (bmd > rules.month * 100 + 1 ? 1 : 0);
      if (age < 0) {
        if (by === rules.year && ((bmd / 100) | 0) === rules.month) age = 0;
        else v.error(`${p}/birthDate`, `Barnet är inte fött i ${monthLabel(rules.year, rules.month)}.`);
      } else if (age >= rules.childByAge.length) {
        v.error(
          `${p}/birthDate`,
          `Barnet är ${age} år den 1 ${monthLabel(rules.year, rules.month)}. Barn i hushållet är yngre än ${rules.childByAge.length} år; en äldre person räknas som vuxen i ett eget hushåll.`,
        );
      }
    }
    let days = maxDays;
    const d = c.daysAtHome;
    if (d !== undefined) {
      if (typeof d !== 'number' || !Number.isInteger(d) || d < 0 || d > maxDays) v.error(`${p}/daysAtHome`, `Dagar hemma ska vara ett heltal 0–${maxDays} (dagar i månaden).`);
      else days = d;
    }
    let lunch = false;
    const l = c.lunchAtPreschool;
    if (l !== undefined) {
      if (typeof l !== 'boolean') v.error(`${p}/lunchAtPreschool`, 'Ska vara true eller false.');
      else lunch = l;
    }
    let earnings = -1;
    const earned = c.earningsThisYear;
    if (earned !== undefined) earnings = checkAmount(earned, p, 'earningsThisYear', v);
    if (lunch && rules !== null && age >= 0) {
      const cell = rules.childByAge[age];
      if (cell && cell.withoutLunchMissing) {
        v.missingRule(
          `${p}/lunchAtPreschool`,
          `Beloppet utan lunch för åldersgruppen ${cell.group.label} saknas i ${rules.table.id} (inte verifierat). Beräkningen görs inte med ett gissat belopp; komplettera tabellen.`,
        );
      }
    }
    const n = v.childCount++;
    v.childId[n] = id ?? '';
    v.childAge[n] = age;
    v.childDaysAtHome[n] = days;
    v.childLunch[n] = lunch ? 1 : 0;
    v.childEarnings[n] = earnings;
    v.childBirth[n] = birth;
  }
}

function validateCosts(v: ValidatedNormInput, costs: unknown): void {
  v.costCount = 0;
  v.secondHandCount = 0;
  const costList = checkArray(costs, '/costs', MAX_COSTS, v, 'Kostnaderna');
  if (costList === null) return;
  for (let i = 0; i < costList.length; i++) {
    const p = COST_PATHS[i]!;
    const c: unknown = costList[i];
    if (!isObject(c)) {
      v.error(p, 'Ska vara ett objekt med type och amount.');
      continue;
    }
    const subletFields = checkCostKeys(c, p, v);
    const type = c.type;
    const typeIndex = typeof type === 'string' ? costTypeIndex(type) : -1;
    if (typeIndex < 0) v.error(`${p}/type`, `Okänd kostnadstyp. Tillåtna: ${COST_TYPES.join(', ')}.`);
    const amount = checkAmount(c.amount, p, 'amount', v);
    const person = c.person;
    if (person !== undefined && (typeof person !== 'string' || v.indexOfId(person) < 0)) v.error(`${p}/person`, 'Personen finns inte bland de vuxna eller barnen.');
    const description = c.description;
    if (description !== undefined && (typeof description !== 'string' || description.length > MAX_DESCRIPTION)) {
      v.error(`${p}/description`, `Beskrivningen ska vara en text med högst ${MAX_DESCRIPTION} tecken.`);
    }
    const n = v.costCount++;
    v.costType[n] = typeIndex;
    v.costAmount[n] = amount;
    v.costPerson[n] = person as string | undefined;
    v.costDescription[n] = (description as string | undefined) || undefined;
    v.costSecondHand[n] = 0;
    v.costSubletApproved[n] = -1;
    if (subletFields) validateSublet(v, c, n, p, typeIndex);
  }
}

/** secondHand / subletApproved of a cost (read only when present). */
function validateSublet(v: ValidatedNormInput, c: Record<string, unknown>, n: number, p: string, typeIndex: number): void {
  const secondHand = c.secondHand;
  const approved = c.subletApproved;
  if (secondHand !== undefined) {
    if (typeof secondHand !== 'boolean') v.error(`${p}/secondHand`, 'Ska vara true (bostaden hyrs i andra hand) eller false.');
    else if (secondHand && typeIndex >= 0 && COST_TYPES[typeIndex] !== 'rent') v.error(`${p}/secondHand`, 'Andrahandsuthyrning gäller bara boendekostnad (type rent).');
    else if (secondHand) {
      v.costSecondHand[n] = 1;
      v.secondHandCount++;
    }
  }
  if (approved !== undefined) {
    if (typeof approved !== 'boolean') v.error(`${p}/subletApproved`, 'Ska vara true (hyresvärden eller hyresnämnden har godkänt andrahandsuthyrningen) eller false.');
    else if (secondHand !== true) v.error(`${p}/subletApproved`, 'Ange subletApproved bara för en hyra i andra hand (secondHand: true).');
    else v.costSubletApproved[n] = approved ? 1 : 0;
  }
}

/** Incomes (a child's income is linked to the child). */
function validateIncomes(v: ValidatedNormInput, incomes: unknown): void {
  v.incomeCount = 0;
  const incomeList = checkArray(incomes, '/incomes', MAX_INCOMES, v, 'Inkomsterna');
  if (incomeList === null) return;
  for (let i = 0; i < incomeList.length; i++) {
    const p = INCOME_PATHS[i]!;
    const c: unknown = incomeList[i];
    if (!isObject(c)) {
      v.error(p, 'Ska vara ett objekt med type, person och amount.');
      continue;
    }
    checkIncomeKeys(c, p, v);
    const type = c.type;
    const typeIndex = typeof type === 'string' ? incomeTypeIndex(type) : -1;
    if (typeIndex < 0) v.error(`${p}/type`, `Okänd inkomsttyp. Tillåtna: ${INCOME_TYPES.join(', ')}.`);
    const person = c.person;
    const at = typeof person === 'string' ? v.indexOfId(person) : -1;
    if (at < 0) v.error(`${p}/person`, 'Ange vems inkomsten är: id för en vuxen eller ett barn i beräkningen.');
    const amount = checkAmount(c.amount, p, 'amount', v);
    const n = v.incomeCount++;
    v.incomeType[n] = typeIndex;
    v.incomeAmount[n] = amount;
    v.incomePerson[n] = person as string;
    v.incomeChild[n] = at >= v.adultCount ? at - v.adultCount : -1;
  }
}

function validateJobStimulus(v: ValidatedNormInput, jobStimulus: unknown): void {
  v.jobStimulusCount = 0;
  const js = checkArray(jobStimulus, '/jobStimulus', 2, v, 'Jobbstimulans');
  if (js === null) return;
  for (let i = 0; i < js.length; i++) {
    const id: unknown = js[i];
    const p = JOB_STIMULUS_PATHS[i]!;
    const at = typeof id === 'string' ? v.indexOfId(id) : -1;
    if (at < 0) v.error(p, 'Personen finns inte bland de vuxna.');
    else if (at >= v.adultCount) v.error(p, 'Jobbstimulans gäller vuxna (sökande eller medsökande), inte barn.');
    else if (v.jobStimulusCount > 0 && v.jobStimulus[0] === id) v.error(p, 'Personen finns redan i listan.'); // at most two entries
    else v.jobStimulus[v.jobStimulusCount++] = id as string;
  }
}

function validateOptions(v: ValidatedNormInput, o: unknown): void {
  v.partTimeCounts = -1;
  if (o === undefined) return;
  if (!isObject(o)) {
    v.error('/options', 'Ska vara ett objekt.');
    return;
  }
  for (const k in o) if (k !== 'partTimeChildrenCountInHouseholdSize') unknownField('/options', k, v);
  const partTime = o.partTimeChildrenCountInHouseholdSize;
  if (partTime !== undefined) {
    if (typeof partTime !== 'boolean') v.error('/options/partTimeChildrenCountInHouseholdSize', 'Ska vara true eller false.');
    else v.partTimeCounts = partTime ? 1 : 0;
  }
}

/**
 * Check an input without calculating. Returns the typed input, or throws NormInputError / NormRuleMissingError with
 * field paths (JSON pointers into the input) and Swedish messages.
 */
export function validateNormInput(ruleSet: RuleSet, raw: unknown): NormInput {
  const v = acquireValidated();
  try {
    validateInto(v, ruleSet, raw);
    return raw as NormInput;
  } finally {
    releaseValidated(v);
  }
}
