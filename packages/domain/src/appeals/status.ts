/**
 * Life cycle of an appeal (överklagande), förvaltningslagen (2017:900) 43–46 §§:
 *   registered → reconsidered → forwarded            (omprövning, then överlämnande to förvaltningsrätten, 46 §)
 *   registered → lapsed                              (the decision was changed as the appellant asked: nothing is left to try)
 *   registered → dismissed                           (late and no exception applies: avvisas, 45 §)
 *   registered | reconsidered → withdrawn            (återkallat by the appellant)
 */
export const APPEAL_STATUSES = ['registered', 'reconsidered', 'forwarded', 'lapsed', 'withdrawn', 'dismissed'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

export const APPEAL_STATUS_LABELS: Record<AppealStatus, string> = {
  registered: 'Registrerat',
  reconsidered: 'Omprövat',
  forwarded: 'Överlämnat till förvaltningsrätten',
  lapsed: 'Förfallet (beslutet ändrat som begärt)',
  withdrawn: 'Återkallat',
  dismissed: 'Avvisat (för sent)',
};

const TRANSITIONS: Record<AppealStatus, readonly AppealStatus[]> = {
  registered: ['reconsidered', 'lapsed', 'dismissed', 'withdrawn'],
  reconsidered: ['forwarded', 'withdrawn'],
  forwarded: [],
  lapsed: [],
  withdrawn: [],
  dismissed: [],
};

export function isAppealStatus(v: unknown): v is AppealStatus {
  return typeof v === 'string' && (APPEAL_STATUSES as readonly string[]).includes(v);
}

export function canAppealTransition(from: AppealStatus, to: AppealStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function isAppealOpen(status: AppealStatus): boolean {
  return TRANSITIONS[status].length > 0;
}

/** How the appeal arrived. An appeal is made in writing (43 §); these are the written channels. */
export const APPEAL_CHANNELS = ['post', 'email', 'eService', 'handedIn'] as const;
export type AppealChannel = (typeof APPEAL_CHANNELS)[number];
export const APPEAL_CHANNEL_LABELS: Record<AppealChannel, string> = {
  post: 'Brev',
  email: 'E-post',
  eService: 'E-tjänst',
  handedIn: 'Lämnat i receptionen',
};

export const RECONSIDERATION_RESULTS = ['unchanged', 'changed'] as const;
export type ReconsiderationResult = (typeof RECONSIDERATION_RESULTS)[number];
export const RECONSIDERATION_RESULT_LABELS: Record<ReconsiderationResult, string> = {
  unchanged: 'Beslutet står fast',
  changed: 'Beslutet ändras',
};

export const LATE_APPEAL_OUTCOMES = ['dismissed', 'exception'] as const;
export type LateAppealOutcome = (typeof LATE_APPEAL_OUTCOMES)[number];

export interface AppealState {
  status: AppealStatus;
  /** Arrived within the time limit (44 §). */
  timely: boolean;
  /** For a late appeal: what the worker recorded (45 §). */
  lateOutcome: LateAppealOutcome | null;
}

export type AppealCheck = { ok: true } | { ok: false; message: string };

const ok: AppealCheck = { ok: true };
const no = (message: string): AppealCheck => ({ ok: false, message });

/** Omprövning: the appeal is open and not pending a decision on lateness. */
export function canReconsiderAppeal(a: AppealState): AppealCheck {
  if (a.status !== 'registered') return no(`Överklagandet är ${APPEAL_STATUS_LABELS[a.status].toLowerCase()} och kan inte omprövas.`);
  if (!a.timely && a.lateOutcome !== 'exception') {
    return no('Överklagandet kom in för sent. Registrera först om det ska avvisas eller om ett undantag i 45 § förvaltningslagen gäller.');
  }
  return ok;
}

/** Överlämnande (46 §): only after the decision has been reconsidered; a changed decision is covered by the appeal (39 §). */
export function canForwardAppeal(a: AppealState): AppealCheck {
  if (a.status === 'registered') return no('Gör omprövningen innan överklagandet lämnas över till förvaltningsrätten.');
  if (a.status !== 'reconsidered') return no(`Överklagandet är ${APPEAL_STATUS_LABELS[a.status].toLowerCase()} och kan inte lämnas över.`);
  return ok;
}

/** The lateness outcome is recorded once, for a late appeal that is still registered. */
export function canRecordLateOutcome(a: AppealState): AppealCheck {
  if (a.timely) return no('Överklagandet kom in i rätt tid.');
  if (a.status !== 'registered' || a.lateOutcome) return no('Utfallet för det sena överklagandet är redan registrerat.');
  return ok;
}

export function canWithdrawAppeal(a: AppealState): AppealCheck {
  if (!canAppealTransition(a.status, 'withdrawn')) return no(`Överklagandet är ${APPEAL_STATUS_LABELS[a.status].toLowerCase()} och kan inte återkallas.`);
  return ok;
}
