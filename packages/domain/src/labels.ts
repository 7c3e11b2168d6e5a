/** Swedish labels for codes shown to staff and clients. */
export const HOUSEHOLD_ROLE_LABELS = {
  applicant: 'Sökande',
  coApplicant: 'Medsökande',
  child: 'Barn',
  otherAdult: 'Annan vuxen i hushållet',
} as const;

export const APPLICATION_KIND_LABELS = {
  new: 'Nyansökan',
  renewal: 'Återansökan',
  supplementary: 'Tilläggsansökan',
} as const;

export const DECISION_OUTCOME_LABELS = {
  granted: 'Bifall',
  partlyRefused: 'Delavslag',
  refused: 'Avslag',
  dismissed: 'Avvisning',
} as const;

export const PAYMENT_STATUS_LABELS = {
  planned: 'Planerad',
  sent: 'Skickad',
  paid: 'Utbetald',
  stopped: 'Stoppad',
  returned: 'Skickad tillbaka till handläggaren',
} as const;

/** Whose account, as the caseworker chooses it when registering a payee account. */
export const PAYEE_CHOICE_LABELS = {
  client: 'Sökande eller medsökande',
  landlord: 'Hyresvärd',
  other: 'Annan mottagare',
} as const;

export const CHANNEL_LABELS = {
  web: 'E-tjänst',
  paper: 'Pappersansökan',
  phone: 'Telefon',
  walkIn: 'Besök',
} as const;

export function labelOf<T extends Record<string, string>>(labels: T, code: string): string {
  return (labels as Record<string, string>)[code] ?? code;
}

/** Legal sex as the personnummer gives it. */
export const SEX_LABELS = {
  K: 'Kvinna',
  M: 'Man',
} as const;

/** Logged actions in plain Swedish (the managers' log check); an action without a label is shown as its code. */
export const AUDIT_ACTION_LABELS = {
  'case.read': 'Läste ärendet',
  'case.list': 'Visade ärendelista',
  'case.search': 'Sökte ärende',
  'case.create': 'Öppnade ärende',
  'case.changeStatus': 'Ändrade status',
  'journal.create': 'Skrev journalanteckning',
  'journal.update': 'Ändrade journalanteckning',
  'journal.sign': 'Signerade journalanteckning',
  'journal.correct': 'Skrev rättelse',
  'auth.login': 'Inloggning',
  'audit.search': 'Sökte i loggen',
  'rules.list': 'Visade regelverket',
  'rules.read': 'Läste ett regeldokument',
  'rules.draft.create': 'Gjorde ett utkast till regelversion',
  'rules.draft.update': 'Ändrade ett utkast till regelversion',
  'rules.preview': 'Förhandsgranskade ett utkast till regelversion',
  'rules.publish': 'Publicerade en regelversion',
  'rules.withdraw': 'Drog tillbaka ett utkast till regelversion',
} as const;

export const AUDIT_OUTCOME_LABELS = {
  success: 'Tillåten',
  denied: 'Nekad',
  failed: 'Misslyckad',
} as const;
