/** The staff start page (GET /api/v1/start): what the signed-in role does first, one sub-object per kind of work. */
import { Type, type Static } from '@sinclair/typebox';
import { Instant, IsoDate, Nullable, Uuid, literals } from './common.ts';

export const START_PAGE_KINDS = ['worker', 'intake', 'kassa', 'manager', 'admin', 'other'] as const;

/** One waiting thing with a direct link to its case. */
export const StartItem = Type.Object({
  id: Uuid,
  kind: Type.String(),
  kindLabel: Type.String(),
  title: Type.String(),
  caseId: Uuid,
  caseNumber: Type.String(),
  applicantName: Nullable(Type.String()),
  /** The month applied for ('YYYY-MM'), for applications; otherwise the month it came in. */
  month: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}$' }),
  monthLabel: Type.String(),
  receivedAt: Instant,
  waited: Type.String({ description: 'Hur länge det har väntat, i ord.' }),
  dueAt: Nullable(Instant),
  overdue: Type.Boolean(),
});
export type StartItem = Static<typeof StartItem>;

export const StartCaseload = Type.Object({
  activeCases: Type.Integer({ minimum: 0 }),
  heavyCases: Type.Integer({ minimum: 0 }),
  /** The most heavy cases the worker may have (0 for new staff during the introduction); null: no limit. */
  heavyLimit: Nullable(Type.Integer({ minimum: 0 })),
  newStaff: Type.Boolean(),
  /** New staff: the last day of the introduction period. */
  introductionUntil: Nullable(IsoDate),
  heavyRule: Type.String(),
});
export type StartCaseload = Static<typeof StartCaseload>;

export const StartWorker = Type.Object({
  items: Type.Array(StartItem),
  total: Type.Integer({ minimum: 0 }),
  overdue: Type.Integer({ minimum: 0 }),
  caseload: StartCaseload,
});

export const StartIntake = Type.Object({
  items: Type.Array(StartItem),
  total: Type.Integer({ minimum: 0 }),
  acute: Type.Integer({ minimum: 0 }),
  overdue: Type.Integer({ minimum: 0 }),
  visitsToday: Type.Integer({ minimum: 0 }),
  visitsThisWeek: Type.Integer({ minimum: 0 }),
});

export const StartKassa = Type.Object({ awaitingApproval: Type.Integer({ minimum: 0 }), oldestAt: Nullable(Instant) });

export const StartWorkerRow = Type.Object({
  id: Uuid,
  name: Type.String(),
  roleLabel: Type.String(),
  activeCases: Type.Integer({ minimum: 0 }),
  heavyCases: Type.Integer({ minimum: 0 }),
  heavyLimit: Nullable(Type.Integer({ minimum: 0 })),
  newStaff: Type.Boolean(),
  waiting: Type.Integer({ minimum: 0 }),
  oldestWaitingAt: Nullable(Instant),
});
export const StartManager = Type.Object({
  units: Type.Array(Type.Object({ id: Uuid, name: Type.String(), workers: Type.Array(StartWorkerRow), inIntake: Type.Integer({ minimum: 0 }) })),
  heavyRule: Type.String(),
});

export const StartLink = Type.Object({ href: Type.String(), label: Type.String(), description: Type.String() });

export const StartPage = Type.Object({
  kind: literals(START_PAGE_KINDS),
  roleLabel: Type.String(),
  name: Type.String(),
  now: Instant,
  worker: Nullable(StartWorker),
  intake: Nullable(StartIntake),
  kassa: Nullable(StartKassa),
  manager: Nullable(StartManager),
  links: Type.Array(StartLink),
});
export type StartPage = Static<typeof StartPage>;
