/** Synthetic Swedish names and addresses for the demo municipality "Vägby". Nothing here refers to real people. */
import { faker as fakerSv } from '@faker-js/faker/locale/sv';
import type { Rng } from './prng.ts';

const definitions = fakerSv.definitions;
const firstNames = definitions.person?.first_name as { female?: string[]; male?: string[] } | undefined;
const lastNamesDef = definitions.person?.last_name as { generic?: string[] } | undefined;
const streetParts = (definitions.location?.street_name_part as string[] | undefined) ?? [];
const streetSuffixes = (definitions.location?.street_suffix as string[] | undefined) ?? [];

// Names common among people in Sweden born abroad, so that the demo population looks like a real caseload.
const EXTRA_FEMALE = ['Fatima', 'Amina', 'Leyla', 'Hodan', 'Zahra', 'Mariam', 'Nour', 'Aisha', 'Sara', 'Yasmin', 'Hiba', 'Dunya', 'Ewa', 'Agnieszka', 'Selin', 'Rahel'];
const EXTRA_MALE = ['Mohammed', 'Ahmed', 'Ali', 'Omar', 'Yusuf', 'Abdi', 'Hassan', 'Mustafa', 'Ibrahim', 'Karim', 'Bilal', 'Tomasz', 'Dawit', 'Emre', 'Samir', 'Reza'];
const EXTRA_LAST = ['Mohamed', 'Abdullahi', 'Yilmaz', 'Haddad', 'Nowak', 'Kowalski', 'Hussein', 'Osman', 'Rahimi', 'Tesfaye', 'Karimi', 'Demir', 'Jusufović', 'Said', 'Nguyen', 'Farah'];

// Names given to children in Sweden in the 2000s and 2010s, so that children and young adults get names of their time.
const MODERN_FEMALE = [
  'Alice',
  'Maja',
  'Elsa',
  'Astrid',
  'Wilma',
  'Freja',
  'Olivia',
  'Selma',
  'Ella',
  'Alma',
  'Saga',
  'Ebba',
  'Vera',
  'Agnes',
  'Clara',
  'Nora',
  'Stella',
  'Iris',
  'Amira',
  'Hiba',
  'Yasmin',
  'Nour',
  'Mariam',
  'Leah',
  'Tyra',
  'Ines',
];
const MODERN_MALE = [
  'William',
  'Liam',
  'Noah',
  'Hugo',
  'Lucas',
  'Oliver',
  'Elias',
  'Adam',
  'Alexander',
  'Leo',
  'Viktor',
  'Oscar',
  'Vincent',
  'Theo',
  'Isak',
  'Melvin',
  'Ibrahim',
  'Yusuf',
  'Loke',
  'Ludvig',
  'Charlie',
  'Nils',
  'Omar',
  'Malik',
  'Elton',
  'Sixten',
];

const FEMALE = [...(firstNames?.female ?? ['Anna', 'Eva', 'Maria']), ...EXTRA_FEMALE];
const MALE = [...(firstNames?.male ?? ['Erik', 'Lars', 'Karl']), ...EXTRA_MALE];
const LAST = [...(lastNamesDef?.generic ?? ['Andersson', 'Johansson', 'Karlsson']), ...EXTRA_LAST];
const STREET_PARTS = streetParts.length ? streetParts : ['Björk', 'Skol', 'Stor', 'Kyrk', 'Park'];
const STREET_SUFFIXES = streetSuffixes.length ? streetSuffixes : ['vägen', 'gatan'];

/** A first name that fits the person's sex and birth year (children and young adults get names of their time). */
export function firstName(rng: Rng, sex: 'K' | 'M', birthYear: number): string {
  const modern = birthYear >= 2003 || (birthYear >= 1990 && rng.chance(0.5));
  if (modern) return rng.pick(sex === 'K' ? MODERN_FEMALE : MODERN_MALE);
  return rng.pick(sex === 'K' ? FEMALE : MALE);
}

export function lastName(rng: Rng): string {
  return rng.pick(LAST);
}

export const DEMO_CITY = 'Vägby';

export interface Address {
  line: string;
  postalCode: string;
  city: string;
}

export function address(rng: Rng): Address {
  const street = rng.pick(STREET_PARTS) + rng.pick(STREET_SUFFIXES);
  const number = rng.int(1, 120);
  const flat = rng.chance(0.6) ? ` lgh ${rng.int(10, 15)}0${rng.int(1, 6)}` : '';
  return { line: `${street} ${number}${flat}`, postalCode: `456 ${rng.int(30, 49)}`, city: DEMO_CITY };
}

/** 070-174 06 05 … 070-174 06 99 is the range PTS sets aside for fiction, so no real subscriber is reached. */
export function fictionalPhone(rng: Rng): string {
  return `070-174 06 ${String(rng.int(5, 99)).padStart(2, '0')}`;
}

const FOLD: Record<string, string> = { å: 'a', ä: 'a', ö: 'o', é: 'e', ć: 'c', ğ: 'g', ş: 's' };

/** An address at example.com (reserved for documentation, RFC 2606). */
export function fictionalEmail(first: string, last: string, n: number): string {
  const fold = (s: string) => s.toLowerCase().replace(/[^a-z]/g, (c) => FOLD[c] ?? '');
  return `${fold(first)}.${fold(last)}${n}@example.com`;
}
