/** Shared set-up for the assessment and decision tests: extra staff, an application on a case, content helpers. */
import type { StaffRole } from '@vagen/domain';
import { hashPassword } from '../src/auth/passwords.ts';
import { as, login, PASSWORD, type Session, type World } from './harness.ts';

let n = 900;
export const fixtureId = (k: number) => `00000000-0000-4000-8000-${String(k).padStart(12, '0')}`;

/** Adds a staff user in unit Nord; returns the user id. */
export async function addStaff(world: World, username: string, role: StaffRole): Promise<string> {
  const id = fixtureId(n++);
  await world.handle.db
    .insertInto('staff_users')
    .values({ id, municipality_code: '2281', username, display_name: `Test ${username}`, role, password_hash: await hashPassword(PASSWORD), employed_since: '2020-01-01' })
    .execute();
  await world.handle.db.insertInto('staff_units').values({ user_id: id, unit_id: world.ids.unitNord }).execute();
  return id;
}

/** A registered (empty) application on the Nord case, as intake or the seed leaves it. */
export async function addApplication(world: World, opts: { month?: string; caseId?: string; status?: string } = {}): Promise<string> {
  const id = fixtureId(n++);
  const month = opts.month ?? '2025-09';
  const end = `${month}-${new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate()}`;
  await world.handle.db
    .insertInto('applications')
    .values({
      id,
      case_id: opts.caseId ?? world.ids.caseNord,
      kind: 'new',
      period_month: `${month}-01`,
      channel: 'phone',
      submitted_at: '2025-08-25T08:00:00.000Z',
      status: opts.status ?? 'registered',
      period_start: `${month}-01`,
      period_end: end,
    })
    .execute();
  return id;
}

/** A couple with two children, September 2025: rent above the example cap, electricity, barnbidrag and a salary. */
export function coupleContent(overrides: Record<string, unknown> = {}) {
  return {
    applicant: { personId: null, name: 'Nora Nordin' },
    coApplicant: { personId: null, name: 'Nils Nordin' },
    children: [
      { id: 'barn1', name: 'Kim', birthDate: '2017-03-01' },
      { id: 'barn2', name: 'Alva', birthDate: '2020-05-01', lunchAtPreschool: true },
    ],
    housing: { tenure: 'firstHand', rent: 800000, personsInDwelling: 4 },
    incomes: [
      { id: 'bb', type: 'childAllowance', person: 'applicant', amount: 265000 },
      { id: 'lon', type: 'salary', person: 'coApplicant', amount: 800000 },
    ],
    costs: [{ id: 'el', type: 'electricity', amount: 40000 }],
    assets: [{ id: 'spar', kind: 'savings', value: 50000, note: 'Sparkonto' }],
    period: { start: '2025-09-01', end: '2025-09-30' },
    ...overrides,
  };
}

export function put(world: World, s: Session, url: string, payload: unknown) {
  return world.app.inject({ method: 'PUT', url, payload: payload as never, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
}

export async function sessions(world: World) {
  return { nord: await login(world, 'nord'), chef: await login(world, 'chef'), syd: await login(world, 'syd') };
}

export { as, login };
