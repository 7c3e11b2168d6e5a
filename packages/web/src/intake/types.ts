/** Shapes of the intake API (/api/v1/intake…). Money in öre, times ISO 8601 UTC. */

export interface IntakeQueueItem {
  id: string;
  caseId: string;
  caseNumber: string;
  applicantName: string;
  protectedIdentity: boolean;
  status: string;
  statusLabel: string;
  track: 'acute' | 'ordinary';
  trackLabel: string;
  channel: string;
  channelLabel: string;
  unit: { id: string; name: string };
  receivedAt: string;
  deadlineAt: string;
  minutesSinceReceipt: number;
  overdue: boolean;
  reopened: boolean;
  visitAt: string | null;
  visitWorkerName: string | null;
  assignedWorkerName: string | null;
}

export interface RegisterResult {
  id: string;
  caseId: string;
  caseNumber: string;
  applicationId: string;
  status: string;
  reopened: boolean;
  deadlineAt: string;
  message: string;
}

export interface InterviewIncome { type: string; person: 'applicant' | 'coApplicant'; amount: number }
export interface InterviewCost { type: string; amount: number }
export interface InterviewChild { birthDate: string; daysAtHome?: number; lunchAtPreschool?: boolean }

export interface Interview {
  need: string;
  ownEfforts: string;
  address: { line: string; postalCode: string; city: string };
  housing: { tenure: string; monthlyCost: number; note: string };
  household: { coApplicant: boolean; children: InterviewChild[] };
  family: string;
  otherPersonsAtAddress: { present: boolean; note: string };
  ownership: { car: boolean; company: boolean; tenantOwnedFlat: boolean; note: string };
  earlierAssistance: { received: boolean; where: string; when: string };
  incomes: InterviewIncome[];
  otherCosts: InterviewCost[];
}

export interface NormLine {
  kind: 'personal' | 'common' | 'cost' | 'income' | 'jobStimulus';
  person?: string;
  applied?: number;
  amount: number;
  rule: string;
  explanation: string;
}

export interface NormResultView {
  month: string;
  lines: NormLine[];
  totals: { personal: number; common: number; norm: number; costsApplied: number; costs: number; need: number; income: number; assistance: number };
  proposal: { outcome: string; amount: number; explanation: string };
  warnings: { type: string; message: string; path?: string }[];
  normTable: { title: string; provisional: boolean };
}

export interface Preliminary {
  preliminary: true;
  label: string;
  calculatedAt: string;
  calculatedByName?: string | null;
  result: NormResultView;
}

export interface ChecklistView {
  stage: 'beforeBooking' | 'beforeHandover';
  label: string;
  complete: boolean;
  items: { key: string; label: string; required: boolean; checked: boolean; checkedAt: string | null; checkedByName: string | null }[];
}

export interface IntakeDetail {
  id: string;
  status: string;
  statusLabel: string;
  track: 'acute' | 'ordinary';
  trackLabel: string;
  channel: string;
  channelLabel: string;
  reopened: boolean;
  receivedAt: string;
  deadlineAt: string;
  overdue: boolean;
  minutesSinceReceipt: number;
  needSummary: string;
  case: {
    id: string; caseNumber: string; status: string; statusLabel: string; unit: { id: string; name: string };
    responsibleWorker: { id: string; name: string } | null; secondWorker: { id: string; name: string } | null;
  };
  application: { id: string; periodMonth: string; status: string };
  people: {
    personId: string; role: string; roleLabel: string; firstName: string; lastName: string; personnummer: string; birthDate: string;
    protectedIdentity: boolean; address: { line: string; postalCode: string | null; city: string | null } | null; phone: string | null;
  }[];
  interview: Interview | null;
  interviewedAt: string | null;
  interviewedByName: string | null;
  preliminary: Preliminary | null;
  responsibility: {
    municipalityResponsible: string; basis: string | null; rightInstance: string; otherBenefits: string; note: string;
    municipalityResponsibleLabel: string; rightInstanceLabel: string; basisLabel: string | null; checkedAt: string; checkedByName: string | null;
  } | null;
  checklists: ChecklistView[];
  booking: {
    visitAt: string; place: string; worker: { id: string; name: string | null } | null; documents: { key: string; label: string }[];
    bookedAt: string; bookedByName: string | null; letterDocumentId: string | null; letterUrl: string | null;
  } | null;
  handover: { at: string; byName: string | null; worker: { id: string; name: string | null } | null } | null;
  referral: { at: string; byName: string | null; reason: string } | null;
  timestamps: Record<'receivedAt' | 'registeredAt' | 'interviewedAt' | 'calculatedAt' | 'bookedAt' | 'handedOverAt' | 'referredAt', string | null>;
  leadTimesMinutes: { toInterview: number | null; toBooking: number | null; toHandover: number | null };
  heavyCase: { heavy: boolean; reasons: { code: string; label: string }[] };
  history: { kind: string; label: string; toStatusLabel: string | null; at: string; actorName: string | null; note: string | null }[];
  options: {
    documentOptions: { key: string; label: string }[];
    tenureTypes: { value: string; label: string }[];
    incomeTypes: { value: string; label: string }[];
    costTypes: { value: string; label: string }[];
    visitHours: { timeZone: string; weekdays: number[]; from: string; to: string };
  };
  permissions: { canHandle: boolean; canAssign: boolean };
}

export interface UnitWorkers {
  unitId: string;
  heavyCaseRule: string;
  newStaffMonths: number;
  workers: {
    id: string; name: string; role: string; roleLabel: string; activeCases: number; responsibleCases: number; heavyCases: number;
    employedSince: string; yearsOfExperience: number; newStaff: boolean;
  }[];
}
