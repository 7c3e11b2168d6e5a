import type { StaffRole } from '@vagen/domain/roles.ts';

export const DEMO_MUNICIPALITY = { code: '2281', name: 'Vägby kommun (demo)' } as const;
export const UNIT_NORD = 'Försörjningsstöd Nord';
export const UNIT_SYD = 'Försörjningsstöd Syd';
export type UnitKey = 'nord' | 'syd';
export const UNIT_NAMES: Record<UnitKey, string> = { nord: UNIT_NORD, syd: UNIT_SYD };
/**
 * The units' contact details, printed on their letters and kept by the systemförvaltare. Fictional: the numbers are
 * from the series PTS sets aside for fiction, the web address is under example.
 */
export const UNIT_CONTACTS: Record<UnitKey, { contact_phone: string; postal_address: string; e_service_url: string; visiting_address: string }> = {
  nord: {
    contact_phone: '031-390 06 10',
    postal_address: 'Box 101\n123 01 Vägby',
    e_service_url: 'https://vagby.example/ekonomiskt-bistand',
    visiting_address: 'Norra Torget 2, Vägby',
  },
  syd: {
    contact_phone: '031-390 06 20',
    postal_address: 'Box 202\n123 02 Vägby',
    e_service_url: 'https://vagby.example/ekonomiskt-bistand',
    visiting_address: 'Södra vägen 14, Vägby',
  },
};

/** The shared password of every demo account. Only the caller's argon2id hash of it is stored. */
export const DEMO_PASSWORD = 'Demo-vagen-2026';

export interface StaffSeed {
  username: string;
  role: StaffRole;
  displayName: string;
  units: UnitKey[];
  /** true: employed a few weeks before `today`; otherwise 1–15 years. */
  newlyEmployed?: boolean;
}

export const DEMO_STAFF: readonly StaffSeed[] = [
  { username: 'mottagning', role: 'intakeWorker', displayName: 'Linnea Holmberg', units: ['nord'] },
  { username: 'handlaggare.nord', role: 'caseWorker', displayName: 'Johan Ekström', units: ['nord'] },
  { username: 'handlaggare.syd', role: 'caseWorker', displayName: 'Sara Nyström', units: ['syd'] },
  { username: 'arbetsmarknad', role: 'employmentCoach', displayName: 'Ahmed Karimi', units: ['nord'] },
  { username: 'ekonomi', role: 'benefitOfficer', displayName: 'Eva Sandberg', units: ['syd'] },
  { username: 'kassa', role: 'cashier', displayName: 'Peter Lund', units: ['nord', 'syd'] },
  { username: 'fut', role: 'fraudInvestigator', displayName: 'Mats Öberg', units: ['nord', 'syd'] },
  { username: 'forste', role: 'seniorCaseWorker', displayName: 'Karin Wallin', units: ['nord'] },
  { username: 'bitradande', role: 'deputyUnitManager', displayName: 'Nadia Haddad', units: ['syd'] },
  { username: 'enhetschef', role: 'unitManager', displayName: 'Anders Berglöf', units: ['nord', 'syd'] },
  { username: 'systemforvaltare', role: 'systemAdministrator', displayName: 'Maja Lindgren', units: [] },
  { username: 'nyanstalld', role: 'caseWorker', displayName: 'Oskar Falk', units: ['syd'], newlyEmployed: true },
];
