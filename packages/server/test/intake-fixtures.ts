/** Shared set-up of the intake tests: an intake worker and a newly hired caseworker in unit Nord, and request bodies. */
import { makePersonnummer } from '@vagen/domain';
import { as, createWorld, login, type World } from './harness.ts';

export interface IntakeWorld extends World {
  extra: { mottagning: string; ny: string };
}

const uid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export async function createIntakeWorld(): Promise<IntakeWorld> {
  const w = await createWorld();
  const db = w.handle.db;
  const { password_hash } = await db.selectFrom('staff_users').select('password_hash').where('username', '=', 'nord').executeTakeFirstOrThrow();
  const add = async (id: string, username: string, role: string, employedSince: string, name: string) => {
    await db.insertInto('staff_users').values({ id, municipality_code: '2281', username, display_name: name, role, password_hash, employed_since: employedSince }).execute();
    await db.insertInto('staff_units').values({ user_id: id, unit_id: w.ids.unitNord }).execute();
  };
  const mottagning = uid(150),
    ny = uid(151);
  await add(mottagning, 'mottagning', 'intakeWorker', '2018-05-01', 'Test mottagning');
  await add(ny, 'ny', 'caseWorker', '2026-01-15', 'Test nyanställd');
  return Object.assign(w, { extra: { mottagning, ny } });
}

let serial = 500;
/** A fresh valid personnummer for an adult born on the date. */
export const newPnr = (birthDate = '1988-07-14') => makePersonnummer(birthDate, serial++);

export function registration(w: World, over: Record<string, unknown> = {}) {
  return {
    unitId: w.ids.unitNord,
    channel: 'phone',
    track: 'ordinary',
    need: 'Pengar till mat och hyra',
    applicant: { personnummer: newPnr(), firstName: 'Alva', lastName: 'Ek', addressLine: 'Bergsgatan 3', postalCode: '85231', city: 'Vägby' },
    ...over,
  };
}

export const singleAdultInterview = {
  need: 'Har blivit utan a-kassa och behöver pengar till mat och hyra.',
  ownEfforts: 'Söker arbete, inskriven på Arbetsförmedlingen.',
  address: { line: 'Bergsgatan 3', postalCode: '852 31', city: 'Vägby' },
  housing: { tenure: 'firstHand', monthlyCost: 400000 },
  household: { coApplicant: false, children: [] },
  family: 'Ensamstående, inga barn.',
  otherPersonsAtAddress: { present: false },
  ownership: { car: false, company: false, tenantOwnedFlat: false },
  earlierAssistance: { received: true, where: 'Sundsvall', when: '2019' },
  incomes: [],
  otherCosts: [],
};

export async function intakeWorker(w: World) {
  return as(w, await login(w, 'mottagning'));
}

/** The required points a person ticks (judgements); the others are read from the intake (derivedFrom). */
export const BEFORE_BOOKING_REQUIRED = ['identity', 'acuteNeed'];
export const BEFORE_HANDOVER_REQUIRED = ['journal'];
export const responsibilityChecked = { municipalityResponsible: 'yes', basis: 'registered', rightInstance: 'yes', otherBenefits: 'Försäkringskassan och a-kassan är undersökta.' };
