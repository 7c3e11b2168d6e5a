/** Shapes of GET /queue, GET /queue/unit and the watches API. */
export interface QueueItem {
  id: string;
  kind: string;
  kindLabel: string;
  title: string;
  priority: number;
  priorityLabel: string;
  caseId: string | null;
  caseNumber: string | null;
  ref: { type: string; id: string } | null;
  receivedAt: string;
  sinceReceived: string;
  dueAt: string | null;
  overdue: boolean;
  assignedTo: { id: string; name: string | null } | null;
  assignedRole: string | null;
}

export interface Queue {
  items: QueueItem[];
  total: number;
  overdue: number;
  now: string;
}

export interface UnitQueue extends Queue {
  unit: { id: string; name: string };
  unassigned: number;
}

export interface Watch {
  id: string;
  dueOn: string;
  text: string;
  ownerId: string;
  ownerName: string;
  createdByName: string;
  createdAt: string;
  doneAt: string | null;
  doneByName: string | null;
  doneNote: string | null;
  overdue: boolean;
}

export interface CaseWatches {
  items: Watch[];
  owners: { id: string; name: string }[];
  permissions: { canWrite: boolean };
}
