/** Staff roles (MISSION.md "Who uses it"). Codes in English, labels in Swedish for the UI. */
export const STAFF_ROLES = [
  'intakeWorker',
  'caseWorker',
  'employmentCoach',
  'benefitOfficer',
  'cashier',
  'fraudInvestigator',
  'seniorCaseWorker',
  'deputyUnitManager',
  'unitManager',
  'systemAdministrator',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const ROLE_LABELS: Record<StaffRole, string> = {
  intakeWorker: 'Mottagningssekreterare',
  caseWorker: 'Socialsekreterare',
  employmentCoach: 'Arbetsmarknadssekreterare',
  benefitOfficer: 'Ekonomihandläggare',
  cashier: 'Kassa/administratör',
  fraudInvestigator: 'FUT-handläggare',
  seniorCaseWorker: 'Förste socialsekreterare',
  deputyUnitManager: 'Biträdande enhetschef',
  unitManager: 'Enhetschef',
  systemAdministrator: 'Systemförvaltare',
};

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

/** What a role may do, independent of which case. Case scope is decided by `canAccessCase`. */
export type Capability =
  | 'case.read'
  | 'case.create'
  | 'case.changeStatus'
  | 'case.assign'
  | 'journal.write'
  | 'person.register'
  | 'audit.search'
  | 'config.manage';

const CASE_ROLES: StaffRole[] = [
  'intakeWorker', 'caseWorker', 'employmentCoach', 'benefitOfficer', 'cashier', 'fraudInvestigator',
  'seniorCaseWorker', 'deputyUnitManager', 'unitManager',
];
const MANAGERS: StaffRole[] = ['deputyUnitManager', 'unitManager'];

const CAPABILITIES: Record<Capability, readonly StaffRole[]> = {
  'case.read': CASE_ROLES,
  'case.create': ['intakeWorker', 'caseWorker', 'employmentCoach', 'benefitOfficer', 'seniorCaseWorker', ...MANAGERS],
  'case.changeStatus': ['intakeWorker', 'caseWorker', 'employmentCoach', 'benefitOfficer', 'seniorCaseWorker', ...MANAGERS],
  'case.assign': ['intakeWorker', 'seniorCaseWorker', ...MANAGERS],
  'journal.write': ['intakeWorker', 'caseWorker', 'employmentCoach', 'benefitOfficer', 'fraudInvestigator', 'seniorCaseWorker', ...MANAGERS],
  'person.register': ['intakeWorker', 'caseWorker', 'employmentCoach', 'benefitOfficer', 'seniorCaseWorker', ...MANAGERS],
  'audit.search': MANAGERS,
  'config.manage': ['systemAdministrator'],
};

export function hasCapability(role: StaffRole, capability: Capability): boolean {
  return CAPABILITIES[capability].includes(role);
}

export function isManager(role: StaffRole): boolean {
  return MANAGERS.includes(role);
}
