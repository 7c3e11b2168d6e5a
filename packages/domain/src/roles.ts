/** Staff roles: who works with ekonomiskt bistånd in a municipality. Codes in English, labels in Swedish for the UI. */
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
  | 'intake.handle'
  | 'journal.write'
  | 'appeal.handle'
  | 'queue.viewUnit'
  | 'document.readMunicipal'
  | 'person.register'
  | 'audit.search'
  | 'assessment.write'
  | 'decision.make'
  | 'payment.propose'
  | 'payment.approve'
  | 'recovery.manage'
  | 'config.manage';

const CASE_ROLES: StaffRole[] = ['intakeWorker', 'caseWorker', 'employmentCoach', 'benefitOfficer', 'cashier', 'fraudInvestigator', 'seniorCaseWorker', 'deputyUnitManager', 'unitManager'];
const MANAGERS: StaffRole[] = ['deputyUnitManager', 'unitManager'];

const CAPABILITIES: Record<Capability, readonly StaffRole[]> = {
  'case.read': CASE_ROLES,
  'case.create': ['intakeWorker', 'caseWorker', 'employmentCoach', 'benefitOfficer', 'seniorCaseWorker', ...MANAGERS],
  'case.changeStatus': ['intakeWorker', 'caseWorker', 'employmentCoach', 'benefitOfficer', 'seniorCaseWorker', ...MANAGERS],
  'case.assign': ['intakeWorker', 'seniorCaseWorker', ...MANAGERS],
  // Intake (mottagning): register first contacts, interview, check responsibility, book the first visit.
  'intake.handle': ['intakeWorker', 'caseWorker', 'seniorCaseWorker', ...MANAGERS],
  'journal.write': ['intakeWorker', 'caseWorker', 'employmentCoach', 'benefitOfficer', 'fraudInvestigator', 'seniorCaseWorker', ...MANAGERS],
  // Appeals (FL 43–46 §§): register, reconsider (omprövning), forward to the court; handled by the social workers.
  'appeal.handle': ['caseWorker', 'benefitOfficer', 'seniorCaseWorker', ...MANAGERS],
  // Every open work item of a unit, with assignee.
  'queue.viewUnit': ['seniorCaseWorker', ...MANAGERS],
  // Municipality-level documents (payment files, accounting exports) outside any case.
  'document.readMunicipal': ['cashier', ...MANAGERS],
  'person.register': ['intakeWorker', 'caseWorker', 'employmentCoach', 'benefitOfficer', 'seniorCaseWorker', ...MANAGERS],
  'audit.search': MANAGERS,
  // The application under assessment, the calculation and its adjustments, decision drafts and kommunicering.
  'assessment.write': ['caseWorker', 'benefitOfficer', 'seniorCaseWorker', ...MANAGERS],
  // Making a decision; the municipality's delegation (delegation-*.json) decides which outcome and amount.
  'decision.make': ['caseWorker', 'benefitOfficer', 'seniorCaseWorker', ...MANAGERS],
  // Payments: the caseworker proposes (payee, account, split) and verifies accounts; the kassa approves (four eyes),
  // creates the payment file and registers the bank's confirmation.
  'payment.propose': ['caseWorker', 'benefitOfficer', 'seniorCaseWorker', ...MANAGERS],
  'payment.approve': ['cashier'],
  // Återkrav register and ledger (repayments are often registered by the kassa/ekonomi).
  'recovery.manage': ['caseWorker', 'benefitOfficer', 'fraudInvestigator', 'cashier', 'seniorCaseWorker', ...MANAGERS],
  'config.manage': ['systemAdministrator'],
};

export function hasCapability(role: StaffRole, capability: Capability): boolean {
  return CAPABILITIES[capability].includes(role);
}

export function isManager(role: StaffRole): boolean {
  return MANAGERS.includes(role);
}

/** What each capability lets a person do, in plain Swedish (shown read-only to the systemförvaltare). */
export const CAPABILITY_LABELS: Record<Capability, string> = {
  'case.read': 'Läsa ärenden i sina enheter',
  'case.create': 'Öppna ärenden',
  'case.changeStatus': 'Ändra ett ärendes status',
  'case.assign': 'Fördela ärenden till handläggare',
  'intake.handle': 'Ta emot nya kontakter (mottagning)',
  'journal.write': 'Skriva i journalen',
  'appeal.handle': 'Handlägga överklaganden',
  'queue.viewUnit': 'Se hela enhetens kö',
  'document.readMunicipal': 'Läsa kommunens betalfiler och bokföringsunderlag',
  'person.register': 'Registrera personer',
  'audit.search': 'Granska loggen över vem som läst vad',
  'assessment.write': 'Utreda ansökningar och räkna norm',
  'decision.make': 'Fatta beslut (inom delegationen)',
  'payment.propose': 'Föreslå utbetalningar',
  'payment.approve': 'Godkänna utbetalningar och skapa betalfiler',
  'recovery.manage': 'Hantera återkrav',
  'config.manage': 'Administrera användare, enheter och inställningar',
};

/** The capabilities of a role, in the order of the capability table. */
export function capabilitiesOf(role: StaffRole): Capability[] {
  return (Object.keys(CAPABILITIES) as Capability[]).filter((c) => CAPABILITIES[c].includes(role));
}
