/** Swedish labels for codes, used where the API gives a code without a label. Falls back to the code. */

export const CASE_STATUS_OPTIONS: readonly { value: string; label: string }[] = [
  { value: 'intake', label: 'Mottagning' },
  { value: 'investigation', label: 'Utredning' },
  { value: 'active', label: 'Aktuellt' },
  { value: 'monitoring', label: 'Bevakning' },
  { value: 'closed', label: 'Avslutat' },
];

export const CLOSURE_REASONS: readonly { value: string; label: string }[] = [
  { value: 'work', label: 'Arbete' },
  { value: 'studies', label: 'Studier' },
  { value: 'otherBenefit', label: 'Annan ersättning' },
  { value: 'moved', label: 'Flyttat' },
  { value: 'noApplication', label: 'Ingen ny ansökan' },
  { value: 'deceased', label: 'Avliden' },
  { value: 'unknown', label: 'Okänt' },
];

const CHANNELS: Record<string, string> = {
  web: 'E-tjänst',
  digital: 'E-tjänst',
  eService: 'E-tjänst',
  paper: 'Papper',
  phone: 'Telefon',
  visit: 'Besök',
  walkIn: 'Besök',
  assisted: 'Med hjälp av handläggare',
  mail: 'Brev',
};

// Same words as the server's APPLICATION_STATUS_TEXT (packages/server/src/assessment/applications.ts).
const APPLICATION_STATUSES: Record<string, string> = {
  draft: 'Utkast',
  registered: 'Registrerad',
  submitted: 'Inkommen',
  received: 'Mottagen',
  inProgress: 'Under handläggning',
  inAssessment: 'Under utredning',
  processing: 'Under handläggning',
  decided: 'Beslutad',
  referred: 'Hänvisad',
  withdrawn: 'Återkallad',
};

const SEX: Record<string, string> = { K: 'Kvinna', M: 'Man' };

export const statusLabel = (code: string | null | undefined): string =>
  code ? (CASE_STATUS_OPTIONS.find((s) => s.value === code)?.label ?? code) : '–';
export const closureReasonLabel = (code: string | null | undefined): string =>
  code ? (CLOSURE_REASONS.find((s) => s.value === code)?.label ?? code) : '–';
export const channelLabel = (code: string): string => CHANNELS[code] ?? code;
export const applicationStatusLabel = (code: string): string => APPLICATION_STATUSES[code] ?? code;
export const sexLabel = (code: string): string => SEX[code] ?? code;
