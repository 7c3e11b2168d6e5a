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
  'case.assign': 'Fördelade ärendet',
  'case.reopen': 'Öppnade ärendet igen',
  'case.autoClose': 'Avslutade ärendet automatiskt',
  'journal.create': 'Skrev journalanteckning',
  'journal.update': 'Ändrade journalanteckning',
  'journal.sign': 'Signerade journalanteckning',
  'journal.correct': 'Skrev rättelse',
  'intake.list': 'Visade kontakter i mottagningen',
  'intake.read': 'Läste kontakten',
  'intake.register': 'Registrerade en kontakt',
  'intake.interview': 'Sparade telefonintervjun',
  'intake.calculate': 'Gjorde preliminär beräkning',
  'intake.responsibility': 'Sparade ansvarsprövningen',
  'intake.checklist': 'Ändrade checklistan',
  'intake.book': 'Bokade nybesök',
  'intake.letter.read': 'Läste kallelsen',
  'intake.assign': 'Lämnade över ärendet',
  'intake.refer': 'Hänvisade kontakten',
  'intake.workers': 'Visade handläggare att fördela till',
  'application.read': 'Läste ansökan',
  'application.update': 'Ändrade ansökan',
  'assessment.read': 'Läste utredningen',
  'calculation.read': 'Läste beräkningen',
  'calculation.create': 'Gjorde beräkning',
  'calculation.adjust': 'Justerade beräkningen',
  'calculation.approve': 'Godkände beräkningen',
  'calculation.adjustment.delete': 'Tog bort en justering i beräkningen',
  'calculation.adjustment.restore': 'Återställde en justering i beräkningen',
  'decision.read': 'Läste beslutet',
  'decision.draft': 'Skrev beslutsutkast',
  'decision.update': 'Ändrade beslutsutkastet',
  'decision.refresh': 'Uppdaterade beslutsutkastet',
  'decision.submit': 'Lämnade beslut för godkännande',
  'decision.return': 'Skickade tillbaka beslutet',
  'decision.decide': 'Fattade beslut',
  'decision.make': 'Fattade beslut',
  'decision.communication': 'Skickade kommunicering',
  'decision.communication.answer': 'Registrerade svar på kommunicering',
  'decision.service': 'Registrerade delgivning',
  'decision.letter.read': 'Läste beslutsbrevet',
  'document.list': 'Visade handlingar',
  'document.read': 'Läste en handling',
  'document.readMunicipal': 'Läste en kommungemensam fil',
  'payment.list': 'Visade utbetalningar',
  'payment.propose': 'Föreslog utbetalning',
  'payment.approve': 'Attesterade utbetalning',
  'payment.send': 'Skickade utbetalning',
  'payment.paid': 'Registrerade utbetalning som betald',
  'payment.stop': 'Stoppade utbetalning',
  'paymentAccount.list': 'Visade konton för utbetalning',
  'paymentAccount.create': 'Lade till konto för utbetalning',
  'paymentAccount.verify': 'Kontrollerade konto för utbetalning',
  'paymentFile.list': 'Visade betalfiler',
  'paymentFile.read': 'Läste en betalfil',
  'paymentFile.create': 'Skapade betalfil',
  'paymentFile.confirm': 'Bekräftade betalfil',
  'paymentFile.download.xml': 'Hämtade betalfilen',
  'paymentFile.download.csv': 'Hämtade bokföringsunderlaget',
  'recoveryClaim.list': 'Visade återkrav',
  'recoveryClaim.create': 'Registrerade återkrav',
  'recoveryClaim.ledger': 'Bokförde på återkrav',
  'appeal.list': 'Visade överklaganden',
  'appeal.read': 'Läste överklagandet',
  'appeal.register': 'Registrerade överklagande',
  'appeal.reconsider': 'Omprövade beslutet',
  'appeal.forward': 'Skickade överklagandet till förvaltningsrätten',
  'appeal.withdraw': 'Registrerade återkallelse',
  'appeal.lateOutcome': 'Prövade överklagande som kom in för sent',
  'watch.list': 'Visade bevakningar',
  'watch.create': 'Lade till bevakning',
  'watch.done': 'Klarmarkerade bevakning',
  'queue.read': 'Visade Min kö',
  'queue.readUnit': 'Visade enhetens kö',
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

/**
 * One line per page view in the log check: a page that caused several records is named after the first of these
 * actions among them (in this order); otherwise after its first record's action.
 */
export const AUDIT_PAGE_VIEW_LABELS: readonly (readonly [action: string, label: string])[] = [
  ['case.read', 'Visade ärendesidan'],
  ['intake.read', 'Visade kontakten'],
  ['appeal.read', 'Visade överklagandet'],
  ['case.list', 'Visade ärendelistan'],
  ['case.search', 'Sökte ärende'],
  ['intake.list', 'Visade kontakter i mottagningen'],
  ['queue.read', 'Visade Min kö'],
  ['queue.readUnit', 'Visade enhetens kö'],
  ['audit.search', 'Sökte i loggen'],
];

/** The review line's label of a page view with these actions (records in the order they were written). */
export function auditPageViewLabel(actions: readonly string[]): string {
  for (const [action, label] of AUDIT_PAGE_VIEW_LABELS) if (actions.includes(action)) return label;
  return actions.length ? labelOf(AUDIT_ACTION_LABELS, actions[0]!) : '';
}

export const AUDIT_OUTCOME_LABELS = {
  success: 'Tillåten',
  denied: 'Nekad',
  failed: 'Misslyckad',
} as const;
