/**
 * One rule for every status change: a status machine is data (statuses, labels, the statuses a new record may start
 * in, and the allowed moves), and `checkTransition` answers whether a move is allowed, with a Swedish message when it
 * is not. The server writes a status only after asking here (packages/server/src/status/change.ts).
 */
export interface StatusMachine<S extends string> {
  /** The record in Swedish, as the subject of a sentence: 'Ärendet', 'Ansökan', 'Kontakten', 'Beslutet'. */
  readonly subject: string;
  readonly labels: Readonly<Record<S, string>>;
  /** Statuses a new record may be created in (the move from "no status"). */
  readonly initial: readonly S[];
  readonly transitions: Readonly<Record<S, readonly S[]>>;
  /**
   * True when the record's history is a log of events, so an event that leaves the status as it is (a saved interview
   * on an interviewed contact, replaced content on an application under assessment) is allowed and logged with
   * from = to, unless the status is final (no moves out of it). False for a pure status log (the case), where "to the same status" is refused like any other wrong move.
   */
  readonly staysAllowed: boolean;
}

export type TransitionCheck = { ok: true } | { ok: false; message: string };

export function isStatusOf<S extends string>(machine: StatusMachine<S>, v: unknown): v is S {
  return typeof v === 'string' && Object.hasOwn(machine.labels, v);
}

/** The statuses a record may move to from `from` (`null`: a new record). */
export function nextStatuses<S extends string>(machine: StatusMachine<S>, from: S | null): readonly S[] {
  return from === null ? machine.initial : machine.transitions[from];
}

/** Whether `from` → `to` is allowed; `from` is the stored value (null for a new record), checked to be a known status. */
export function checkTransition<S extends string>(machine: StatusMachine<S>, from: string | null, to: S): TransitionCheck {
  const label = (s: S) => `”${machine.labels[s]}”`;
  if (!isStatusOf(machine, to)) return { ok: false, message: `${machine.subject} kan inte få den okända statusen ”${String(to)}”.` };
  if (from === null) {
    if (machine.initial.includes(to)) return { ok: true };
    return { ok: false, message: `${machine.subject} kan inte börja i status ${label(to)}. Det börjar i ${machine.initial.map(label).join(' eller ')}.` };
  }
  if (!isStatusOf(machine, from)) return { ok: false, message: `${machine.subject} har en okänd status (${from}) och kan inte ändras.` };
  const next = machine.transitions[from];
  if (from === to) {
    if (!machine.staysAllowed) return { ok: false, message: `${machine.subject} har redan status ${label(to)}.` };
    return next.length ? { ok: true } : { ok: false, message: `${machine.subject} kan inte ändras: status ${label(from)} är slutlig.` };
  }
  if (next.includes(to)) return { ok: true };
  const options = next.filter((s) => s !== from);
  const hint = options.length ? `Tillåtet från ${label(from)}: ${options.map(label).join(', ')}.` : `Status ${label(from)} är slutlig.`;
  return { ok: false, message: `${machine.subject} kan inte gå från status ${label(from)} till ${label(to)}. ${hint}` };
}
