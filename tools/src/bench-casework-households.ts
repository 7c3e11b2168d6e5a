/**
 * Synthetic households for `npm run bench:casework`: valid personnummer that the seeded demo does not use, varied
 * household shapes (single, couple, single parent, family), rents around the example caps of municipality 2281,
 * incomes and costs, and the planned outcome (mostly bifall; some delavslag through the rent cap or an adjusted
 * dental-care cost). Deterministic for a given seed. Nothing here refers to real people.
 */
import { makePersonnummer } from '@vagen/domain/personnummer.ts';
import { validatePaymentAccount } from '@vagen/domain/payments/accounts.ts';
import { address, firstName, lastName, type Address } from './seed/names.ts';
import { Rng } from './seed/prng.ts';

export type HouseholdKind = 'single' | 'couple' | 'singleParent' | 'family';
/** granted: everything within the guidelines; rentCap: rent above the cap; dental: dental care adjusted down. */
export type OutcomePlan = 'granted' | 'rentCap' | 'dental';
export type IncomeKind = 'none' | 'unemploymentBenefit' | 'salary' | 'sicknessBenefit' | 'parentalBenefit';

export interface SyntheticPerson {
  personnummer: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  sex: 'K' | 'M';
}

export interface SyntheticHousehold {
  index: number;
  kind: HouseholdKind;
  applicant: SyntheticPerson;
  coApplicant: SyntheticPerson | null;
  children: SyntheticPerson[];
  address: Address;
  track: 'ordinary' | 'acute';
  channel: 'phone' | 'paper' | 'walkIn';
  tenure: 'firstHand' | 'secondHand';
  /** Monthly rent, öre. */
  rent: number;
  incomes: { type: IncomeKind; person: 'applicant' | 'coApplicant'; amount: number }[];
  /** Barnbidrag (childAllowance) for the household, öre per month. */
  childAllowance: number;
  costs: { id: string; type: 'electricity' | 'homeInsurance' | 'dentalCare' | 'medicine'; amount: number; note: string }[];
  plan: OutcomePlan;
  /** Kommunicering before a delavslag: recorded as unnecessary (with reason) or sent by phone and answered. */
  communication: 'unnecessary' | 'sentAndAnswered';
  /** Part of the payment goes to the landlord's bankgiro. */
  payLandlord: boolean;
  clientAccount: { kind: 'bankAccount'; clearing: string; number: string };
  landlord: { holderName: string; kind: 'bankgiro'; number: string };
  /** Index into the list of caseworkers the intake hands over to. */
  workerSlot: number;
}

/** Example rent caps of municipality 2281 (guidelines-2281-2025/2026), kr per month, by children (1–2 adults). */
const RENT_CAP_KR = { singleNoChildren: 4474, coupleNoChildren: 5581, children: [0, 6192, 7416, 8046, 8650, 9255] as const };
/** Example home-insurance caps, kr per month, by persons. */
const INSURANCE_CAP_KR = (persons: number) => (persons <= 1 ? 150 : persons === 2 ? 180 : persons <= 4 ? 220 : 270);

const LANDLORDS = ['Vägbyhem AB', 'Bostads AB Vägby', 'Fastighets AB Norrgården', 'Hyresbolaget Älvdalen AB', 'Riksbyggen Vägby'];
const BANKS: { clearing: string; digits: number }[] = [
  { clearing: '3000', digits: 7 }, // Nordea
  { clearing: '6789', digits: 9 }, // Handelsbanken
  { clearing: '8327-9', digits: 10 }, // Swedbank
  { clearing: '5000', digits: 7 }, // SEB
];

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export class HouseholdFactory {
  private readonly rng: Rng;
  private readonly taken: Set<string>;
  private readonly landlordAccounts: { holderName: string; kind: 'bankgiro'; number: string }[];

  /** `taken`: personnummer already in the database (the seeded demo); new ones are added as they are handed out. */
  constructor(
    seed: number,
    private readonly today: string,
    taken: Iterable<string>,
    private readonly workerSlots: number,
  ) {
    this.rng = new Rng(seed ^ 0x5eed_ca5e);
    this.taken = new Set(taken);
    this.landlordAccounts = LANDLORDS.map((holderName) => ({ holderName, kind: 'bankgiro' as const, number: this.validNumber('bankgiro', null, 8) }));
  }

  /** A random valid account number of the kind (check digits computed by the domain's own validation). */
  private validNumber(kind: 'bankgiro' | 'bankAccount', clearing: string | null, digits: number): string {
    for (let attempt = 0; attempt < 500; attempt++) {
      let n = String(this.rng.int(1, 9));
      while (n.length < digits) n += String(this.rng.int(0, 9));
      if (validatePaymentAccount({ kind, clearing, number: n }).ok) return n;
    }
    throw new Error(`Hittade inget giltigt ${kind}-nummer (${clearing ?? ''})`);
  }

  private birthDateForAge(age: number): string {
    const t = new Date(`${this.today}T12:00:00Z`);
    const latest = new Date(Date.UTC(t.getUTCFullYear() - age, t.getUTCMonth(), t.getUTCDate()));
    latest.setUTCDate(latest.getUTCDate() - this.rng.int(1, 360));
    return isoDay(latest);
  }

  private person(age: number, sex: 'K' | 'M', last: string): SyntheticPerson {
    for (let attempt = 0; attempt < 5000; attempt++) {
      const birthDate = this.birthDateForAge(age);
      // The last digit of the serial is the personnummer's second-to-last digit: odd = man, even = woman.
      const serial = this.rng.int(0, 99) * 10 + this.rng.int(0, 4) * 2 + (sex === 'M' ? 1 : 0);
      const personnummer = makePersonnummer(birthDate, serial);
      if (this.taken.has(personnummer)) continue;
      this.taken.add(personnummer);
      return { personnummer, firstName: firstName(this.rng, sex, Number(birthDate.slice(0, 4))), lastName: last, birthDate, sex };
    }
    throw new Error(`Inga lediga personnummer för ålder ${age}`);
  }

  next(index: number): SyntheticHousehold {
    const rng = this.rng;
    const kind = rng.weighted<HouseholdKind>([
      ['single', 45],
      ['couple', 15],
      ['singleParent', 25],
      ['family', 15],
    ]);
    const last = lastName(rng);
    const applicantSex: 'K' | 'M' = kind === 'singleParent' ? (rng.chance(0.8) ? 'K' : 'M') : rng.chance(0.5) ? 'K' : 'M';
    const applicantAge = rng.int(kind === 'single' ? 19 : 22, kind === 'single' ? 64 : 52);
    const applicant = this.person(applicantAge, applicantSex, last);
    const coApplicant =
      kind === 'couple' || kind === 'family' ? this.person(Math.max(19, Math.min(64, applicantAge + rng.int(-5, 5))), applicantSex === 'K' ? 'M' : 'K', rng.chance(0.7) ? last : lastName(rng)) : null;
    const childCount =
      kind === 'singleParent'
        ? rng.weighted([
            [1, 45],
            [2, 35],
            [3, 20],
          ])
        : kind === 'family'
          ? rng.weighted([
              [1, 25],
              [2, 40],
              [3, 25],
              [4, 10],
            ])
          : 0;
    const children = Array.from({ length: childCount }, () => this.person(rng.int(0, Math.min(17, applicantAge - 18)), rng.chance(0.5) ? 'K' : 'M', last));
    const adults = coApplicant ? 2 : 1;
    const persons = adults + childCount;

    const plan = rng.weighted<OutcomePlan>([
      ['granted', 85],
      ['rentCap', 8],
      ['dental', 7],
    ]);
    const capKr = childCount > 0 ? RENT_CAP_KR.children[Math.min(childCount, 5)]! : adults === 1 ? RENT_CAP_KR.singleNoChildren : RENT_CAP_KR.coupleNoChildren;
    const rentKr = plan === 'rentCap' ? Math.round(capKr * (1.05 + rng.next() * 0.25)) : Math.round(capKr * (0.6 + rng.next() * 0.38));

    const incomes: SyntheticHousehold['incomes'] = [];
    const incomeOf = (person: 'applicant' | 'coApplicant') => {
      const type = rng.weighted<IncomeKind>([
        ['none', 40],
        ['unemploymentBenefit', 20],
        ['salary', 20],
        ['sicknessBenefit', 12],
        ['parentalBenefit', childCount > 0 ? 8 : 0],
      ]);
      if (type === 'none') return;
      // Small enough that the household still needs assistance after the norm and the rent.
      incomes.push({ type, person, amount: rng.int(8, 45) * 10000 });
    };
    incomeOf('applicant');
    if (coApplicant) incomeOf('coApplicant');
    const childAllowance = childCount * 125000 + (childCount >= 2 ? [0, 0, 15000, 73000, 161400][Math.min(childCount, 4)]! : 0);

    const costs: SyntheticHousehold['costs'] = [];
    if (rng.chance(0.55)) costs.push({ id: 'el', type: 'electricity', amount: rng.int(20, 80) * 1000, note: 'Hushållsel' });
    if (rng.chance(0.6)) costs.push({ id: 'hf', type: 'homeInsurance', amount: Math.round(INSURANCE_CAP_KR(persons) * (0.6 + rng.next() * 0.35)) * 100, note: 'Hemförsäkring' });
    if (rng.chance(0.1)) costs.push({ id: 'med', type: 'medicine', amount: rng.int(5, 12) * 10000, note: 'Receptbelagd medicin' });
    if (plan === 'dental') costs.push({ id: 'tand', type: 'dentalCare', amount: rng.int(20, 60) * 10000, note: 'Tandvård enligt kostnadsförslag' });

    const bank = rng.pick(BANKS);
    return {
      index,
      kind,
      applicant,
      coApplicant,
      children,
      address: address(rng),
      track: rng.chance(0.1) ? 'acute' : 'ordinary',
      channel: rng.weighted([
        ['phone', 70],
        ['walkIn', 20],
        ['paper', 10],
      ]),
      tenure: rng.chance(0.85) ? 'firstHand' : 'secondHand',
      rent: rentKr * 100,
      incomes,
      childAllowance,
      costs,
      plan,
      communication: rng.chance(0.5) ? 'unnecessary' : 'sentAndAnswered',
      payLandlord: rng.chance(0.3),
      clientAccount: { kind: 'bankAccount', clearing: bank.clearing, number: this.validNumber('bankAccount', bank.clearing, bank.digits) },
      landlord: rng.pick(this.landlordAccounts),
      workerSlot: index % this.workerSlots,
    };
  }
}

/** The next weekday after `today` (YYYY-MM-DD) `daysAhead` calendar days on, moved past a weekend. */
export function visitDay(today: string, daysAhead: number): string {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + Math.max(1, daysAhead));
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
