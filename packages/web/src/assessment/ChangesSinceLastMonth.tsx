import { formatMoney, formatMonth } from '../format.ts';
import type { ContentChangeView } from '@vagen/contract';

const CHANGE_LABELS: Record<ContentChangeView['change'], string> = { added: 'Ny', removed: 'Borttagen', changed: 'Ändrad' };

/** Last month's value beside a field: "Förra månaden: 7 000 kr", and whether the saved value differs from it. */
export function lastMonthHint(previous: number, saved: number | undefined): string {
  const text = `Förra månaden: ${formatMoney(previous)}`;
  return saved !== undefined && saved !== previous ? `${text} (ändrat)` : text;
}

/**
 * "Ändrat sedan förra månaden": each difference between last decided month's application and this one (computed by
 * the domain on the saved content), with last month's value beside the new one.
 */
export function ChangesSinceLastMonth({ previousMonth, changes }: { previousMonth: string; changes: ContentChangeView[] }) {
  return (
    <section className="notice" aria-labelledby="andrat-rubrik">
      <h4 id="andrat-rubrik">Ändrat sedan förra månaden ({formatMonth(previousMonth)})</h4>
      {changes.length === 0 ? (
        <p>Inget har ändrats sedan förra månaden. Kontrollera ändå uppgifterna med den sökande.</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">Ändringar jämfört med {formatMonth(previousMonth)}</caption>
          <thead>
            <tr>
              <th scope="col">Uppgift</th>
              <th scope="col">Ändring</th>
              <th scope="col">Förra månaden</th>
              <th scope="col">Nu</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.key}>
                <th scope="row">{c.label}</th>
                <td>{CHANGE_LABELS[c.change]}</td>
                <td>{c.before || '–'}</td>
                <td>{c.after || '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
