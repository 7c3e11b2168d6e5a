/** The worker's queue (arbetskö): labels, order and "time since receipt" in plain Swedish. */

/** Lower comes first; the same numbers as the server's PRIORITY (appeals first). */
export const QUEUE_PRIORITIES = { appeal: 1, acute: 2, deadline: 3, ordinary: 4 } as const;
export const QUEUE_PRIORITY_LABELS: Record<number, string> = { 1: 'Överklagande', 2: 'Akut', 3: 'Tidsfrist', 4: 'Ordinarie' };

export const WORK_ITEM_KIND_LABELS: Record<string, string> = {
  intake: 'Ny kontakt (mottagning)',
  firstVisit: 'Nybesök',
  assessment: 'Ansökan att utreda',
  communicationAnswer: 'Svar på kommunicering',
  decisionApproval: 'Beslut att godkänna',
  decision: 'Beslut att fatta',
  paymentApproval: 'Utbetalning att attestera',
  paymentReturned: 'Utbetalning tillbaka från kassan',
  payment: 'Utbetalning',
  appeal: 'Överklagande',
  watch: 'Bevakning',
  handover: 'Överlämning',
};

export function workItemKindLabel(kind: string): string {
  return WORK_ITEM_KIND_LABELS[kind] ?? kind;
}

export interface QueueOrderFacts {
  priority: number;
  dueAt: string | null;
  receivedAt: string;
  id: string;
}

/** Priority, then the earliest due date (items without one last), then the oldest receipt. */
export function compareQueueItems(a: QueueOrderFacts, b: QueueOrderFacts): number {
  if (a.priority !== b.priority) return a.priority - b.priority;
  if (a.dueAt !== b.dueAt) {
    if (a.dueAt === null) return 1;
    if (b.dueAt === null) return -1;
    return a.dueAt < b.dueAt ? -1 : 1;
  }
  if (a.receivedAt !== b.receivedAt) return a.receivedAt < b.receivedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Elapsed milliseconds in plain words: "mindre än en timme", "5 timmar", "3 dagar", "2 månader". */
export function describeElapsed(ms: number): string {
  if (ms < 0) return 'inte ännu';
  const hours = Math.floor(ms / 3_600_000);
  if (hours < 1) return 'mindre än en timme';
  if (hours < 24) return plural(hours, 'timme', 'timmar');
  const days = Math.floor(hours / 24);
  if (days < 60) return plural(days, 'dag', 'dagar');
  return plural(Math.floor(days / 30), 'månad', 'månader');
}

/** Overdue when the due instant has passed. */
export function isOverdue(dueAt: string | null, nowIso: string): boolean {
  return dueAt !== null && dueAt < nowIso;
}
