/**
 * The content of an application under assessment (applications.content): household, housing, incomes, costs applied
 * for, assets and the period. Validated in full before anything is saved; every problem has a JSON pointer relative to
 * the content (the API prefixes "/body") and a Swedish message. Pure: ids for new rows come from the caller.
 */
import { COST_TYPES, INCOME_TYPES, type CostType, type IncomeType } from '../norm/types.ts';
import { MAX_AMOUNT_ORE } from '../norm/money.ts';

export const TENURE_FORMS = ['firstHand', 'secondHand', 'lodger', 'tenantOwned', 'ownHouse', 'withParents', 'none'] as const;
export type TenureForm = (typeof TENURE_FORMS)[number];
export const TENURE_LABELS: Record<TenureForm, string> = {
  firstHand: 'Förstahandskontrakt',
  secondHand: 'Andrahandskontrakt',
  lodger: 'Inneboende',
  tenantOwned: 'Bostadsrätt',
  ownHouse: 'Eget hus',
  withParents: 'Bor hos föräldrar',
  none: 'Saknar bostad',
};

export const ASSET_KINDS = ['savings', 'vehicle', 'property', 'company'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];
export const ASSET_LABELS: Record<AssetKind, string> = {
  savings: 'Sparande och bankmedel',
  vehicle: 'Fordon',
  property: 'Fastighet eller bostadsrätt',
  company: 'Företag',
};

export type AdultRef = 'applicant' | 'coApplicant';
export const ADULT_REF_LABELS: Record<AdultRef, string> = { applicant: 'Sökande', coApplicant: 'Medsökande' };

export interface ApplicationAdult {
  /** The person in the case's household, when registered. */
  personId: string | null;
  /** Display name (filled from the household when personId is given). */
  name: string;
}
export interface ApplicationChild {
  id: string;
  personId: string | null;
  name: string;
  /** YYYY-MM-DD */
  birthDate: string;
  /** Days at home per month; null = every day. */
  daysAtHome: number | null;
  /** Aged 0–6 and eats lunch at preschool on weekdays. */
  lunchAtPreschool: boolean;
}
export interface ApplicationHousing {
  tenure: TenureForm;
  /** Housing cost applied for per month, öre (the rent line of the calculation). */
  rent: number;
  /** Everyone living in the dwelling, the household included. */
  personsInDwelling: number;
  /** The household shares its common costs with the others in the dwelling (e.g. lives with parents, not as lodger). */
  sharesHousehold: boolean;
  note: string;
}
export interface ApplicationIncome {
  id: string;
  type: IncomeType /** 'applicant' | 'coApplicant' | a child's id */;
  person: string;
  amount: number;
  note: string;
}
export interface ApplicationCost {
  id: string;
  type: CostType;
  amount: number;
  note: string;
}
export interface ApplicationAsset {
  id: string;
  kind: AssetKind;
  value: number;
  note: string;
}

export interface ApplicationContent {
  version: 1;
  applicant: ApplicationAdult;
  coApplicant: ApplicationAdult | null;
  children: ApplicationChild[];
  housing: ApplicationHousing;
  incomes: ApplicationIncome[];
  costs: ApplicationCost[];
  assets: ApplicationAsset[];
  /** The period applied for: one or more calendar months (start and end inside them). */
  period: { start: string; end: string };
  /** Adults whose jobbstimulans is active. */
  jobStimulus: AdultRef[];
}

export interface ContentFieldError {
  path: string;
  message: string;
}
export type ContentValidation = { ok: true; value: ApplicationContent } | { ok: false; errors: ContentFieldError[] };

/** The cost line the rent becomes in the calculation (rent is entered under housing, not among the costs). */
export const HOUSING_COST_ID = 'housing';
export const MAX_CONTENT_ROWS = 50;
export const MAX_PERIOD_MONTHS = 12;
const MAX_NOTE = 1000;
const ID_RE = /^[A-Za-z0-9_.-]{1,40}$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const RESERVED_IDS = new Set(['applicant', 'coApplicant', HOUSING_COST_ID, 'adults', 'common']);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A real calendar date YYYY-MM-DD. */
export function isDate(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const m = DATE_RE.exec(v);
  if (!m) return false;
  const y = Number(m[1]),
    mo = Number(m[2]),
    d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const dim = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= dim;
}

/** Calendar months (YYYY-MM) from start to end inclusive. */
export function monthsOfPeriod(start: string, end: string): string[] {
  const out: string[] = [];
  let y = Number(start.slice(0, 4)),
    m = Number(start.slice(5, 7));
  const endKey = end.slice(0, 7);
  for (let i = 0; i < 240; i++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= endKey) break;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

class Errs {
  list: ContentFieldError[] = [];
  add(path: string, message: string) {
    this.list.push({ path, message });
  }
}

function keys(o: Obj, allowed: readonly string[], path: string, e: Errs) {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) e.add(`${path}/${k}`, 'Okänt fält.');
}

function amount(v: unknown, path: string, e: Errs): number {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_AMOUNT_ORE) return v;
  if (typeof v === 'string') e.add(path, 'Beloppet ska vara ett tal i hela ören, inte text (t.ex. 850000 för 8 500 kr).');
  else if (typeof v !== 'number' || !Number.isFinite(v)) e.add(path, 'Beloppet saknas eller är inte ett tal i hela ören.');
  else if (!Number.isInteger(v)) e.add(path, 'Beloppet ska anges i hela ören (ett heltal).');
  else if (v < 0) e.add(path, 'Beloppet får inte vara negativt.');
  else e.add(path, 'Beloppet är för stort.');
  return 0;
}

function text(v: unknown, path: string, e: Errs, opts: { required?: boolean; max?: number } = {}): string {
  if (v === undefined || v === null) {
    if (opts.required) e.add(path, 'Uppgiften saknas.');
    return '';
  }
  if (typeof v !== 'string') {
    e.add(path, 'Ska vara text.');
    return '';
  }
  const t = v.trim();
  if (opts.required && t === '') e.add(path, 'Fältet får inte vara tomt.');
  if (t.length > (opts.max ?? MAX_NOTE)) e.add(path, `Högst ${opts.max ?? MAX_NOTE} tecken.`);
  return t;
}

function bool(v: unknown, path: string, e: Errs, dflt = false): boolean {
  if (v === undefined) return dflt;
  if (typeof v !== 'boolean') {
    e.add(path, 'Ska vara ja/nej (true/false).');
    return dflt;
  }
  return v;
}

function oneOf<T extends string>(v: unknown, values: readonly T[], path: string, e: Errs): T {
  if (typeof v === 'string' && (values as readonly string[]).includes(v)) return v as T;
  e.add(path, v === undefined ? 'Uppgiften saknas.' : 'Värdet är inte ett av de tillåtna.');
  return values[0]!;
}

function list(v: unknown, path: string, e: Errs): unknown[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    e.add(path, 'Ska vara en lista.');
    return [];
  }
  if (v.length > MAX_CONTENT_ROWS) {
    e.add(path, `Högst ${MAX_CONTENT_ROWS} rader.`);
    return [];
  }
  return v;
}

function personIdOf(v: unknown, path: string, e: Errs): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string' || !/^[0-9a-f-]{36}$/i.test(v)) {
    e.add(path, 'Ogiltigt id.');
    return null;
  }
  return v;
}

function adult(v: unknown, path: string, e: Errs): ApplicationAdult {
  if (!isObj(v)) {
    e.add(path, 'Ska vara ett objekt med personId och name.');
    return { personId: null, name: '' };
  }
  keys(v, ['personId', 'name'], path, e);
  return { personId: personIdOf(v.personId, `${path}/personId`, e), name: text(v.name, `${path}/name`, e, { max: 200 }) };
}

/**
 * Validates and normalises content. `newRowId` gives ids to rows that have none (the caller passes a uuid function).
 * `today` (YYYY-MM-DD) bounds birth dates.
 */
export function validateApplicationContent(raw: unknown, opts: { newRowId: () => string; today: string }): ContentValidation {
  const e = new Errs();
  if (!isObj(raw)) return { ok: false, errors: [{ path: '', message: 'Ansökan ska vara ett objekt.' }] };
  keys(raw, ['version', 'applicant', 'coApplicant', 'children', 'housing', 'incomes', 'costs', 'assets', 'period', 'jobStimulus'], '', e);
  if (raw.version !== undefined && raw.version !== 1) e.add('/version', 'Okänd version av ansökan (ska vara 1).');
  const applicant = adult(raw.applicant, '/applicant', e);
  const coApplicant = raw.coApplicant === undefined || raw.coApplicant === null ? null : adult(raw.coApplicant, '/coApplicant', e);

  const ids = new Map<string, string>();
  const rowId = (v: unknown, path: string): string => {
    if (v === undefined || v === null || v === '') return opts.newRowId();
    if (typeof v !== 'string' || !ID_RE.test(v) || RESERVED_IDS.has(v)) {
      e.add(path, 'Radens id ska vara 1–40 tecken (bokstäver, siffror, punkt, bindestreck, understreck).');
      return opts.newRowId();
    }
    if (ids.has(v)) e.add(path, 'Samma id används på flera rader.');
    ids.set(v, path);
    return v;
  };

  const children: ApplicationChild[] = list(raw.children, '/children', e)
    .map((c, i) => {
      const p = `/children/${i}`;
      if (!isObj(c)) {
        e.add(p, 'Ska vara ett objekt.');
        return null;
      }
      keys(c, ['id', 'personId', 'name', 'birthDate', 'daysAtHome', 'lunchAtPreschool'], p, e);
      const birthDate = c.birthDate;
      if (!isDate(birthDate)) e.add(`${p}/birthDate`, 'Ange födelsedatum som ÅÅÅÅ-MM-DD.');
      else if (birthDate > opts.today) e.add(`${p}/birthDate`, 'Födelsedatum kan inte ligga i framtiden.');
      let daysAtHome: number | null = null;
      if (c.daysAtHome !== undefined && c.daysAtHome !== null) {
        if (typeof c.daysAtHome !== 'number' || !Number.isInteger(c.daysAtHome) || c.daysAtHome < 0 || c.daysAtHome > 31) e.add(`${p}/daysAtHome`, 'Ange antal dagar hemma per månad (0–31).');
        else daysAtHome = c.daysAtHome;
      }
      return {
        id: rowId(c.id, `${p}/id`),
        personId: personIdOf(c.personId, `${p}/personId`, e),
        name: text(c.name, `${p}/name`, e, { required: true, max: 200 }),
        birthDate: isDate(birthDate) ? birthDate : '',
        daysAtHome,
        lunchAtPreschool: bool(c.lunchAtPreschool, `${p}/lunchAtPreschool`, e),
      };
    })
    .filter((c): c is ApplicationChild => c !== null);

  let housing: ApplicationHousing = { tenure: 'none', rent: 0, personsInDwelling: 1, sharesHousehold: false, note: '' };
  if (!isObj(raw.housing)) e.add('/housing', 'Uppgifter om boendet saknas.');
  else {
    const h = raw.housing;
    keys(h, ['tenure', 'rent', 'personsInDwelling', 'sharesHousehold', 'note'], '/housing', e);
    const persons = h.personsInDwelling;
    const minPersons = 1 + (coApplicant ? 1 : 0) + children.length;
    let personsInDwelling = minPersons;
    if (typeof persons !== 'number' || !Number.isInteger(persons) || persons < 1 || persons > 30) e.add('/housing/personsInDwelling', 'Ange antal personer i bostaden (1–30).');
    else if (persons < minPersons) e.add('/housing/personsInDwelling', `Minst ${minPersons} personer bor i bostaden (hushållet).`);
    else personsInDwelling = persons;
    housing = {
      tenure: oneOf(h.tenure, TENURE_FORMS, '/housing/tenure', e),
      rent: h.rent === undefined ? 0 : amount(h.rent, '/housing/rent', e),
      personsInDwelling,
      sharesHousehold: bool(h.sharesHousehold, '/housing/sharesHousehold', e),
      note: text(h.note, '/housing/note', e),
    };
  }

  const personRefs = new Set(['applicant', ...(coApplicant ? ['coApplicant'] : []), ...children.map((c) => c.id)]);
  const incomes: ApplicationIncome[] = list(raw.incomes, '/incomes', e)
    .map((x, i) => {
      const p = `/incomes/${i}`;
      if (!isObj(x)) {
        e.add(p, 'Ska vara ett objekt.');
        return null;
      }
      keys(x, ['id', 'type', 'person', 'amount', 'note'], p, e);
      const person = typeof x.person === 'string' ? x.person : 'applicant';
      if (x.person !== undefined && !personRefs.has(person)) e.add(`${p}/person`, 'Personen finns inte i hushållet (sökande, medsökande eller ett barn).');
      return { id: rowId(x.id, `${p}/id`), type: oneOf(x.type, INCOME_TYPES, `${p}/type`, e), person, amount: amount(x.amount, `${p}/amount`, e), note: text(x.note, `${p}/note`, e) };
    })
    .filter((x): x is ApplicationIncome => x !== null);

  const costs: ApplicationCost[] = list(raw.costs, '/costs', e)
    .map((x, i) => {
      const p = `/costs/${i}`;
      if (!isObj(x)) {
        e.add(p, 'Ska vara ett objekt.');
        return null;
      }
      keys(x, ['id', 'type', 'amount', 'note'], p, e);
      const type = oneOf(x.type, COST_TYPES, `${p}/type`, e);
      if (type === 'rent' && x.type === 'rent') e.add(`${p}/type`, 'Hyran anges under boendet (housing.rent), inte som en egen kostnad.');
      return { id: rowId(x.id, `${p}/id`), type, amount: amount(x.amount, `${p}/amount`, e), note: text(x.note, `${p}/note`, e) };
    })
    .filter((x): x is ApplicationCost => x !== null);

  const assets: ApplicationAsset[] = list(raw.assets, '/assets', e)
    .map((x, i) => {
      const p = `/assets/${i}`;
      if (!isObj(x)) {
        e.add(p, 'Ska vara ett objekt.');
        return null;
      }
      keys(x, ['id', 'kind', 'value', 'note'], p, e);
      return { id: rowId(x.id, `${p}/id`), kind: oneOf(x.kind, ASSET_KINDS, `${p}/kind`, e), value: amount(x.value, `${p}/value`, e), note: text(x.note, `${p}/note`, e) };
    })
    .filter((x): x is ApplicationAsset => x !== null);

  let period = { start: '', end: '' };
  if (!isObj(raw.period)) e.add('/period', 'Ange perioden ansökan gäller (start och slut).');
  else {
    keys(raw.period, ['start', 'end'], '/period', e);
    const { start, end } = raw.period;
    if (!isDate(start)) e.add('/period/start', 'Ange ett datum som ÅÅÅÅ-MM-DD.');
    if (!isDate(end)) e.add('/period/end', 'Ange ett datum som ÅÅÅÅ-MM-DD.');
    if (isDate(start) && isDate(end)) {
      if (end < start) e.add('/period/end', 'Periodens slut kan inte ligga före dess start.');
      else if (monthsOfPeriod(start, end).length > MAX_PERIOD_MONTHS) e.add('/period/end', `Perioden får omfatta högst ${MAX_PERIOD_MONTHS} kalendermånader.`);
      period = { start, end };
    }
  }

  const jobStimulus: AdultRef[] = [];
  list(raw.jobStimulus, '/jobStimulus', e).forEach((v, i) => {
    if (v !== 'applicant' && v !== 'coApplicant') e.add(`/jobStimulus/${i}`, 'Ange sökande eller medsökande.');
    else if (v === 'coApplicant' && !coApplicant) e.add(`/jobStimulus/${i}`, 'Det finns ingen medsökande.');
    else if (!jobStimulus.includes(v)) jobStimulus.push(v);
  });

  if (e.list.length) return { ok: false, errors: e.list };
  return { ok: true, value: { version: 1, applicant, coApplicant, children, housing, incomes, costs, assets, period, jobStimulus } };
}

/** True when the stored content has been filled in (seeded and newly registered applications start empty: {}). */
export function isContentFilled(v: unknown): v is ApplicationContent {
  return isObj(v) && v.version === 1 && isObj(v.applicant) && isObj(v.period);
}

/** Adults of the content, in order. */
export function adultsOf(content: ApplicationContent): { ref: AdultRef; adult: ApplicationAdult }[] {
  return [{ ref: 'applicant' as const, adult: content.applicant }, ...(content.coApplicant ? [{ ref: 'coApplicant' as const, adult: content.coApplicant }] : [])];
}

/** Age in whole years on a date (YYYY-MM-DD). */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
