import type { AuditLogItem, AuditLogView } from '@vagen/contract';
import { auditPageViewLabel } from '@vagen/domain';

const OUTCOME_WEIGHT = { success: 0, failed: 1, denied: 2 } as const;

/**
 * The review lines of the log check: the records of one page view (the id the web app sends with every request
 * of a page) by one person make one line, named after what the page was ("Visade ärendesidan"); records without a
 * page view are grouped by their request, and records without either stand alone. Items come newest first; lines
 * keep that order (by their newest record).
 */
export function auditViews(items: readonly AuditLogItem[]): AuditLogView[] {
  const groups = new Map<string, AuditLogItem[]>();
  for (const item of items) {
    const key = item.pageViewId ? `view:${item.actorKind}:${item.actorId ?? ''}:${item.pageViewId}` : item.requestId ? `request:${item.requestId}` : `record:${item.id}`;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups].map(([key, records]) => {
    const first = records[0]!;
    const written = [...records].reverse(); // oldest first: the order the page read them
    return {
      key,
      at: first.at,
      actorKind: first.actorKind,
      actorName: first.actorName,
      label: auditPageViewLabel(written.map((r) => r.action)),
      caseNumbers: [...new Set(written.map((r) => r.caseNumber).filter((n): n is string => !!n))],
      outcome: records.reduce<AuditLogItem['outcome']>((worst, r) => (OUTCOME_WEIGHT[r.outcome] > OUTCOME_WEIGHT[worst] ? r.outcome : worst), 'success'),
      recordIds: records.map((r) => r.id),
    };
  });
}
