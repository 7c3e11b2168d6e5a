/**
 * The input of a norm calculation, declared once: every field with its type, its limits and its Swedish message. The
 * table below drives the validation (shared by the engine, the API and the CLI), and the TypeScript types NormInput,
 * NormAdultInput … are derived from it. Adding an input field is one line here plus its use in the calculation.
 *
 * Every problem is reported with a JSON pointer into the input and a Swedish message; nothing is guessed or silently
 * corrected. Fields are checked in the order of the table, and an object's unknown fields are reported before its
 * fields (a misspelt "daysAtHome" must not silently give a full-time child). Rule data that is missing for what the
 * input asks (no table for the month, an "ej lunch" amount that is not verified) is reported after the field errors,
 * as a NormRuleMissingError.
 */
import { ageOnFirstOfMonth, monthLabel, parseDate, parseMonth } from './dates.ts';
import { NormInputError, NormRuleMissingError } from './errors.ts';
import { formatKronor, MAX_AMOUNT_ORE } from '../money.ts';
import { MAX_HOUSEHOLD_SIZE, type MonthRules, type RuleSet } from './rule-types.ts';
import { ADULT_ROLES, COST_TYPES, INCOME_TYPES, type NormFieldError } from './types.ts';

export const MAX_CHILDREN = 20;
export const MAX_COSTS = 100;
export const MAX_INCOMES = 100;
const MAX_DESCRIPTION = 200;

// ---------------------------------------------------------------------------------------------------------------------
// The kinds of field
// ---------------------------------------------------------------------------------------------------------------------

/** What a check can see besides the value: the month's rules, the persons named so far, the object the field is in. */
interface Context {
  /** The rules of the input's month; null when the month is missing or invalid. */
  rules: MonthRules | null;
  /** Ids of the adults and children, in input order (the first use of an id wins). */
  persons: Map<string, 'adult' | 'child'>;
  errors: NormFieldError[];
  missing: NormFieldError[];
  /**
   * The keys from the input down to the object or list being checked. A field's path (a JSON pointer) is built from it
   * only when there is something to report, so valid input builds no path texts.
   */
  trail: (string | number)[];
}

/** The JSON pointer of `key` in the object or list being checked (of that object or list itself without a key). */
function pathOf(at: Context, key?: string | number): string {
  let path = '';
  for (const k of at.trail) path += `/${k}`;
  return key === undefined ? path : `${path}/${key}`;
}

/** Reports a problem with `key` of the object or list being checked (with the object or list itself without a key). */
function report(at: Context, message: string, key?: string | number): void {
  at.errors.push({ path: pathOf(at, key), message });
}

/** A check: the Swedish message for a value that is not valid, or null. */
type Check = (value: unknown, at: Context, parent: Record<string, unknown>, index: number) => string | null;

/** One field: T is its TypeScript type. A required field's check also sees `undefined`; an optional field skips it. */
interface Field<T> {
  readonly optional: boolean;
  readonly check: Check;
  /** A list: the kind of its items and its length. */
  readonly list?: ListOf;
  /** An object: its fields. */
  readonly object?: Shape;
  /** Phantom: carries the type. */
  readonly type?: T;
}

interface ListOf {
  readonly item: Field<unknown>;
  readonly min: number;
  readonly max: number;
  readonly notList: string;
  readonly tooFew: string;
  readonly tooMany: string;
  /** Checks across the items, after them. */
  readonly after?: (items: readonly unknown[], at: Context) => void;
}

interface Shape {
  /** The field names in the order they are checked, and each name's field (same index). */
  readonly names: readonly string[];
  readonly fields: readonly Field<unknown>[];
  readonly notObject: string;
  /** Checks across the fields, after them. */
  readonly after?: (o: Record<string, unknown>, at: Context) => void;
}

type Optional<F> = F & { readonly optional: true };
type TypeOf<F> = F extends Field<infer T> ? T : never;
type Fields = Readonly<Record<string, Field<unknown>>>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
/** The type of an object with these fields: `?` for optional ones. */
export type InputOf<S extends Fields> = Simplify<
  { -readonly [K in keyof S as S[K] extends { optional: true } ? never : K]: TypeOf<S[K]> } & {
    -readonly [K in keyof S as S[K] extends { optional: true } ? K : never]?: TypeOf<S[K]>;
  }
>;

const scalar = <T>(check: Check): Field<T> => ({ optional: false, check, list: undefined, object: undefined });
const optional = <T>(field: Field<T>): Optional<Field<T>> => ({ ...field, optional: true });

const boolean = (message: string) => scalar<boolean>((v) => (typeof v === 'boolean' ? null : message));

const integer = (min: number, max: (at: Context) => number, message: (max: number) => string) =>
  scalar<number>((v, at) => {
    const top = max(at);
    return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= top ? null : message(top);
  });

const oneOf = <T extends string>(values: readonly T[], message: string) => scalar<T>((v) => (typeof v === 'string' && (values as readonly string[]).includes(v) ? null : message));

/** Integer öre, 0 … MAX_AMOUNT_ORE. */
const amount = () =>
  scalar<number>((v) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return 'Beloppet ska vara ett heltal i ören.';
    if (!Number.isInteger(v)) return 'Beloppet ska anges i hela ören (ett heltal, t.ex. 850000 för 8 500 kr).';
    if (v < 0) return 'Beloppet får inte vara negativt.';
    if (v > MAX_AMOUNT_ORE) return `Beloppet får vara högst ${formatKronor(MAX_AMOUNT_ORE)}.`;
    return null;
  });

const ID_TEXT = /^[A-Za-z0-9_.-]{1,40}$/;
/** Looks like a personnummer or samordningsnummer: the calculation needs no personal data. */
const PERSONNUMMER = /^(\d{2})?\d{6}[-+]?\d{4}$/;

/** The id of an adult or a child: a short text, unique in the calculation; costs, incomes and jobStimulus name it. */
const personId = (kind: 'adult' | 'child') =>
  scalar<string>((v, at) => {
    if (typeof v !== 'string') return 'Id saknas (en kort text, t.ex. "a1").';
    if (!ID_TEXT.test(v)) return 'Id ska vara 1–40 tecken: bokstäver a–z, siffror, punkt, bindestreck eller understreck.';
    if (PERSONNUMMER.test(v)) return 'Använd inte personnummer som id: beräkningen behöver inga personuppgifter.';
    if (at.persons.has(v)) return 'Samma id används två gånger.';
    at.persons.set(v, kind);
    return null;
  });

/** The id of one of the calculation's adults or children. */
const personRef = (message: string) => scalar<string>((v, at) => (typeof v === 'string' && at.persons.has(v) ? null : message));

const list = <T>(item: Field<T>, options: Omit<ListOf, 'item' | 'min' | 'tooFew'> & { min?: number; tooFew?: string }): Field<T[]> => ({
  optional: false,
  check: () => null,
  list: { ...options, item, min: options.min ?? 0, tooFew: options.tooFew ?? options.notList },
  object: undefined,
});

/** An ordinary list of rows: "Barnen ska vara en lista.", "Högst 20 rader." */
const rows = <T>(item: Field<T>, max: number, what: string) => optional(list(item, { max, notList: `${what} ska vara en lista.`, tooMany: `Högst ${max} rader.` }));

const object = <S extends Fields>(fields: S, notObject: string, after?: Shape['after']): Field<InputOf<S>> => ({
  optional: false,
  check: () => null,
  list: undefined,
  object: shape(fields, notObject, after),
});

function shape(fields: Fields, notObject: string, after?: Shape['after']): Shape {
  return { names: Object.keys(fields), fields: Object.values(fields), notObject, after };
}

// ---------------------------------------------------------------------------------------------------------------------
// The input
// ---------------------------------------------------------------------------------------------------------------------

const ADULT = {
  /**
   * Whether the adult is lawfully resident in Sweden (vistas lagligen). From 2027 (regime condition lawfulResidence)
   * assistance is given only to lawfully resident persons, emergency aid excepted; earlier months ignore it.
   */
  lawfullyResident: optional(boolean('Ska vara true (vistas lagligen i Sverige) eller false.')),
  /** The adult's work capacity is reduced by illness: a medical certificate is expected (rule data, from July 2026). */
  reducedWorkCapacityDueToIllness: optional(boolean('Ska vara true (nedsatt arbetsförmåga på grund av sjukdom) eller false.')),
  /** Any short id chosen by the caller (not a personnummer): "a1", "sokande" … */
  id: personId('adult'),
  role: oneOf(ADULT_ROLES, 'Rollen ska vara applicant (sökande) eller coApplicant (medsökande).'),
} as const;

const CHILD = {
  id: personId('child'),
  /** YYYY-MM-DD. The age used is the age in whole years on the first day of the month. */
  birthDate: scalar<string>((v, at) => {
    const birth = typeof v === 'string' ? parseDate(v) : null;
    if (birth === null) return 'Födelsedatum ska vara ett giltigt datum ÅÅÅÅ-MM-DD.';
    const m = at.rules;
    if (m === null) return null;
    const age = ageOnFirstOfMonth(birth, m.year, m.month);
    if (age < 0) return `Barnet är inte fött i ${monthLabel(m.year, m.month)}.`;
    if (age >= m.childByAge.length) {
      return `Barnet är ${age} år den 1 ${monthLabel(m.year, m.month)}. Barn i hushållet är yngre än ${m.childByAge.length} år; en äldre person räknas som vuxen i ett eget hushåll.`;
    }
    return null;
  }),
  /** Days the child lives at home in the month (default: every day of the month). */
  daysAtHome: optional(
    integer(
      0,
      (at) => at.rules?.daysInMonth ?? 31,
      (max) => `Dagar hemma ska vara ett heltal 0–${max} (dagar i månaden).`,
    ),
  ),
  /** Child aged 0–6 eats lunch at preschool on weekdays → the table's "ej lunch 5 dagar/vecka" amount. */
  lunchAtPreschool: optional(boolean('Ska vara true eller false.')),
  /** The child's income from employment (öre) earlier in the same calendar year, before this month. */
  earningsThisYear: optional(amount()),
} as const;

/** A child with lunch at preschool whose age group's "ej lunch" amount is missing in the table: no guessed amount. */
function lunchAmountMissing(c: Record<string, unknown>, at: Context): void {
  const m = at.rules;
  if (c.lunchAtPreschool !== true || m === null) return;
  const birth = typeof c.birthDate === 'string' ? parseDate(c.birthDate) : null;
  if (birth === null) return;
  const cell = m.childByAge[ageOnFirstOfMonth(birth, m.year, m.month)];
  if (cell?.withoutLunchMissing) {
    at.missing.push({
      path: pathOf(at, 'lunchAtPreschool'),
      message: `Beloppet utan lunch för åldersgruppen ${cell.group.label} saknas i ${m.table.id} (inte verifierat). Beräkningen görs inte med ett gissat belopp; komplettera tabellen.`,
    });
  }
}

const COST = {
  type: oneOf(COST_TYPES, `Okänd kostnadstyp. Tillåtna: ${COST_TYPES.join(', ')}.`),
  /** Applied-for amount, öre per month. */
  amount: amount(),
  /** Optional: the person the cost belongs to (e.g. work travel). */
  person: optional(personRef('Personen finns inte bland de vuxna eller barnen.')),
  /** Optional free text shown in the explanation (no personal data). */
  description: optional(scalar<string>((v) => (typeof v === 'string' && v.length <= MAX_DESCRIPTION ? null : `Beskrivningen ska vara en text med högst ${MAX_DESCRIPTION} tecken.`))),
  /** Rent only: the dwelling is rented second-hand (andrahandskontrakt). */
  secondHand: optional(
    scalar<boolean>((v, _at, cost) => {
      if (typeof v !== 'boolean') return 'Ska vara true (bostaden hyrs i andra hand) eller false.';
      const type = cost.type;
      if (v && typeof type === 'string' && (COST_TYPES as readonly string[]).includes(type) && type !== 'rent') {
        return 'Andrahandsuthyrning gäller bara boendekostnad (type rent).';
      }
      return null;
    }),
  ),
  /**
   * Rent in second-hand only: the sublet is approved (the landlord's consent or the rent tribunal's permission). From
   * 2027 (regime condition approvedSubletForSecondHandRent) second-hand rent counts only when this is true; earlier
   * months ignore both fields.
   */
  subletApproved: optional(
    scalar<boolean>((v, _at, cost) => {
      if (typeof v !== 'boolean') return 'Ska vara true (hyresvärden eller hyresnämnden har godkänt andrahandsuthyrningen) eller false.';
      if (cost.secondHand !== true) return 'Ange subletApproved bara för en hyra i andra hand (secondHand: true).';
      return null;
    }),
  ),
} as const;

const INCOME = {
  type: oneOf(INCOME_TYPES, `Okänd inkomsttyp. Tillåtna: ${INCOME_TYPES.join(', ')}.`),
  /** Id of the adult or child whose income it is. */
  person: personRef('Ange vems inkomsten är: id för en vuxen eller ett barn i beräkningen.'),
  /** Öre per month. */
  amount: amount(),
} as const;

const OPTIONS = {
  /**
   * Whether a child who lives at home only part of the month counts in the household size for the common household
   * costs. Default: the municipal guideline setting, otherwise true.
   */
  partTimeChildrenCountInHouseholdSize: optional(boolean('Ska vara true eller false.')),
} as const;

/** One applicant and at most one co-applicant (make, maka eller sambo). */
function applicantAndCoApplicant(adults: readonly unknown[], at: Context): void {
  let applicant = false;
  let coApplicant = -1;
  for (let i = 0; i < adults.length; i++) {
    const a = adults[i];
    if (!isObject(a)) continue;
    if (a.role === 'applicant') {
      if (applicant) report(at, 'Det kan bara finnas en sökande.', `${i}/role`);
      applicant = true;
    } else if (a.role === 'coApplicant') {
      if (coApplicant >= 0) report(at, 'Det kan bara finnas en medsökande.', `${i}/role`);
      else coApplicant = i;
    }
  }
  if (applicant) return;
  if (coApplicant >= 0) report(at, 'En medsökande förutsätter en sökande: ange en vuxen med role applicant.', `${coApplicant}/role`);
  else report(at, 'En sökande (role applicant) krävs.');
}

const NORM_INPUT = {
  /** YYYY-MM: the month the calculation is for; selects the riksnorm table. */
  month: scalar<string>((v, at) => {
    if (typeof v !== 'string') return 'Månaden saknas (ÅÅÅÅ-MM).';
    if (at.rules === null && parseMonth(v) === null) return 'Månaden ska anges som ÅÅÅÅ-MM, t.ex. 2026-03.';
    return null;
  }),
  /** Municipality code (4 digits); selects the municipal guideline caps. */
  municipality: optional(scalar<string>((v) => (typeof v === 'string' && /^[0-9]{4}$/.test(v) ? null : 'Kommunkoden ska vara fyra siffror, t.ex. 2281.'))),
  adults: list(object(ADULT, 'Ska vara ett objekt med id och role.'), {
    min: 1,
    max: 2,
    notList: 'Minst en vuxen (sökande) krävs.',
    tooMany: 'Högst två vuxna: sökande och medsökande (make, maka eller sambo). Andra vuxna i bostaden anges med householdSize.',
    after: applicantAndCoApplicant,
  }),
  children: rows(object(CHILD, 'Ska vara ett objekt med id och birthDate.', lunchAmountMissing), MAX_CHILDREN, 'Barnen'),
  /**
   * Number of persons sharing the household, when more people live in it than are in the calculation (e.g. an adult
   * living with others without being sambo). The calculation's persons get their share of the common costs.
   */
  householdSize: optional(
    integer(
      1,
      () => MAX_HOUSEHOLD_SIZE,
      (max) => `Hushållets storlek ska vara ett heltal 1–${max}.`,
    ),
  ),
  costs: rows(object(COST, 'Ska vara ett objekt med type och amount.'), MAX_COSTS, 'Kostnaderna'),
  incomes: rows(object(INCOME, 'Ska vara ett objekt med type, person och amount.'), MAX_INCOMES, 'Inkomsterna'),
  /** Ids of adults whose jobbstimulans is active. */
  jobStimulus: rows(
    scalar<string>((v, at, list, i) => {
      const kind = typeof v === 'string' ? at.persons.get(v) : undefined;
      if (kind === undefined) return 'Personen finns inte bland de vuxna.';
      if (kind === 'child') return 'Jobbstimulans gäller vuxna (sökande eller medsökande), inte barn.';
      if (i === 1 && list[0] === v) return 'Personen finns redan i listan.';
      return null;
    }),
    2,
    'Jobbstimulans',
  ),
  options: optional(object(OPTIONS, 'Ska vara ett objekt.')),
  /**
   * The application is for emergency aid (nödbistånd): acute needs only. Under the lawful-residence condition (2027)
   * it is the exception that lets a person who is not lawfully resident get assistance; earlier months ignore it.
   */
  emergencyAid: optional(boolean('Ska vara true (ansökan gäller nödbistånd) eller false.')),
} as const;

const INPUT_SHAPE = shape(NORM_INPUT, 'Uppgifterna ska vara ett JSON-objekt.');

export type NormAdultInput = InputOf<typeof ADULT>;
export type NormChildInput = InputOf<typeof CHILD>;
export type NormCostInput = InputOf<typeof COST>;
export type NormIncomeInput = InputOf<typeof INCOME>;
export type NormOptions = InputOf<typeof OPTIONS>;
export type NormInput = InputOf<typeof NORM_INPUT>;

// ---------------------------------------------------------------------------------------------------------------------
// Validation: one walk over the input, driven by the table
// ---------------------------------------------------------------------------------------------------------------------

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks the field `key` of `parent` (an object, or a list with its index). */
function checkField(field: Field<unknown>, value: unknown, key: string | number, at: Context, parent: Record<string, unknown>): void {
  if (field.object !== undefined || field.list !== undefined) {
    at.trail.push(key);
    if (field.object !== undefined) checkObject(field.object, value, at);
    else checkList(field.list!, value, at);
    at.trail.pop();
    return;
  }
  const message = field.check(value, at, parent, typeof key === 'number' ? key : -1);
  if (message !== null) report(at, message, key);
}

/** The index of `key` among the shape's field names, or −1 (a short list: a scan is quicker than a hash lookup). */
function fieldIndex(names: readonly string[], key: string): number {
  for (let i = 0; i < names.length; i++) if (names[i] === key) return i;
  return -1;
}

function checkObject(shape: Shape, value: unknown, at: Context): void {
  if (!isObject(value)) {
    report(at, shape.notObject);
    return;
  }
  const names = shape.names;
  const fields = shape.fields;
  // One pass over the object's own keys (for…in: JSON has no inherited enumerable keys) collects the values of its
  // fields, by the field's index, and reports its unknown fields. A key read inside for…in is the quick case of a
  // property lookup; a field name read from the table is not.
  const values: unknown[] = new Array<unknown>(names.length);
  for (const key in value) {
    const i = fieldIndex(names, key);
    if (i < 0) report(at, 'Okänt fält.', key);
    else values[i] = value[key];
  }
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    let v = values[i];
    if (v === undefined) {
      // An optional field that is absent (or undefined) is skipped; a required one is read all the same (it may be
      // inherited or not enumerable) and checked.
      if (field.optional) continue;
      v = value[names[i]!];
    }
    checkField(field, v, names[i]!, at, value);
  }
  if (shape.after !== undefined) shape.after(value, at);
}

function checkList(of: ListOf, value: unknown, at: Context): void {
  if (!Array.isArray(value)) {
    report(at, of.notList);
    return;
  }
  if (value.length < of.min) {
    report(at, of.tooFew);
    return;
  }
  if (value.length > of.max) {
    report(at, of.tooMany);
    return;
  }
  const asParent = value as unknown as Record<string, unknown>;
  for (let i = 0; i < value.length; i++) checkField(of.item, value[i], i, at, asParent);
  if (of.after !== undefined) of.after(value, at);
}

/** The valid input with the rules of its month. */
export interface CheckedNormInput {
  input: NormInput;
  rules: MonthRules;
}

/**
 * Check an input against the rule set. Returns the typed input and its month's rules, or throws NormInputError (field
 * errors, with the missing rule data after them) or NormRuleMissingError (only rule data is missing).
 */
export function checkNormInput(ruleSet: RuleSet, raw: unknown): CheckedNormInput {
  if (!isObject(raw)) throw new NormInputError([{ path: '', message: 'Uppgifterna ska vara ett JSON-objekt.' }]);
  const at: Context = { rules: null, persons: new Map(), errors: [], missing: [], trail: [] };
  // The month first: its rules are what the children's ages and days are checked against.
  const month = raw.month;
  if (typeof month === 'string') {
    at.rules = ruleSet.months.get(month) ?? null;
    const ym = at.rules === null ? parseMonth(month) : null;
    if (ym !== null) {
      at.missing.push({
        path: '/month',
        message: `Det finns ingen riksnormstabell för ${monthLabel(ym.year, ym.month)} i Vägens regeldata. Beräkningen görs inte utan tabell.`,
      });
    }
  }
  checkObject(INPUT_SHAPE, raw, at);
  if (at.errors.length > 0) throw new NormInputError([...at.errors, ...at.missing]);
  if (at.missing.length > 0) throw new NormRuleMissingError(at.missing, `Regeldata saknas för beräkningen: ${at.missing.map((m) => m.message).join(' ')}`);
  return { input: raw as NormInput, rules: at.rules! };
}

/**
 * Check an input without calculating. Returns the typed input, or throws NormInputError / NormRuleMissingError with
 * field paths (JSON pointers into the input) and Swedish messages.
 */
export function validateNormInput(ruleSet: RuleSet, raw: unknown): NormInput {
  return checkNormInput(ruleSet, raw).input;
}
