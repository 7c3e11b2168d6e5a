import { ErrorSummary } from '../components/forms.tsx';
import type { IntakeDetail, PreliminaryCalculation } from '@vagen/contract';
import { formatKronor } from '@vagen/domain/money.ts';
import { formatDateTime, formatMonth } from '../format.ts';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { api } from '../api/client.ts';
import { useIntakeForm, type SectionProps } from './shared.tsx';

/** The engine's person ids are ASCII ("sokande", "medsokande", "barn1"); shown with Swedish letters. */
const readable = (text: string) =>
  text
    .replace(/\bmedsokande\b/g, 'medsökande')
    .replace(/\bsokande\b/g, 'sökande')
    .replace(/\bbarn(\d+)\b/g, 'barn $1');

const KIND_LABELS: Record<string, string> = { personal: 'Personliga kostnader', common: 'Gemensamma hushållskostnader', cost: 'Kostnad', income: 'Inkomst', jobStimulus: 'Jobbstimulans' };

/** The preliminary norm calculation from the interview, with the engine's lines and warnings; never a decision. */
export function PreliminarySection({ detail, onChanged }: SectionProps) {
  const f = useIntakeForm(() => 'calc-button');
  const p = detail.preliminary;

  async function calculate() {
    const r = await f.run({}, async () => {
      await api.post<PreliminaryCalculation>(`/intake/${encodeURIComponent(detail.id)}/preliminary-calculation`, {});
      return api.get<IntakeDetail>(`/intake/${encodeURIComponent(detail.id)}`);
    });
    if (r?.preliminary) onChanged(r, `Preliminär beräkning klar: ${formatKronor(r.preliminary.result.totals.assistance)} i bistånd per månad.`);
  }

  return (
    <section className="section" aria-labelledby="berakning">
      <h2 id="berakning">Preliminär beräkning</h2>
      <p>
        Beräkningen görs med normberäkningen från uppgifterna i intervjun. Den är <strong>preliminär</strong> och är inte ett beslut.
      </p>
      <ErrorSummary errors={f.summary} title="Beräkningen kunde inte göras" focusKey={f.submits} level={3} />
      {detail.permissions.canHandle && (
        <p>
          <button
            type="button"
            id="calc-button"
            className="button button-primary"
            onClick={calculate}
            disabled={f.busy || !detail.interview}
            aria-describedby={!detail.interview ? 'calc-hint' : undefined}
          >
            {f.busy ? 'Beräknar …' : 'Gör preliminär beräkning'}
          </button>
          {!detail.interview && (
            <span id="calc-hint" className="hint">
              {' '}
              Spara intervjun först.
            </span>
          )}
        </p>
      )}
      {p && <PreliminaryTable p={p} />}
    </section>
  );
}

function PreliminaryTable({ p }: { p: PreliminaryCalculation }) {
  const r = p.result;
  return (
    <div className="card">
      <p className="preliminary-banner">
        <span className="badge badge-preliminary">Preliminär</span> {p.label}. Beräknad {formatDateTime(p.calculatedAt)}
        {p.calculatedByName ? ` av ${p.calculatedByName}` : ''} för {formatMonth(r.month)} ({r.normTable.title}
        {r.normTable.provisional ? ', preliminär normtabell' : ''}).
      </p>
      {r.warnings.length > 0 && (
        <div className="notice" role="note" aria-labelledby="calc-warnings">
          <h3 id="calc-warnings" className="h4">
            Varningar från beräkningen
          </h3>
          <ul className="warning-list">
            {r.warnings.map((w, i) => (
              <li key={i}>{readable(w.message)}</li>
            ))}
          </ul>
        </div>
      )}
      <ScrollRegion label="Preliminär beräkning">
        <table className="data-table">
          <caption>Preliminär beräkning per månad</caption>
          <thead>
            <tr>
              <th scope="col">Del</th>
              <th scope="col">Förklaring</th>
              <th scope="col" className="num">
                Sökt eller angivet
              </th>
              <th scope="col" className="num">
                Belopp
              </th>
            </tr>
          </thead>
          <tbody>
            {r.lines.map((l, i) => (
              <tr key={i}>
                <th scope="row">{KIND_LABELS[l.kind] ?? l.kind}</th>
                <td>{readable(l.explanation)}</td>
                <td className="num">{l.applied !== undefined ? formatKronor(l.applied) : ''}</td>
                <td className="num">{formatKronor(l.kind === 'income' || l.kind === 'jobStimulus' ? -l.amount : l.amount)}</td>
              </tr>
            ))}
          </tbody>
          <tbody>
            <tr>
              <th scope="row" colSpan={3}>
                Riksnorm
              </th>
              <td className="num">{formatKronor(r.totals.norm)}</td>
            </tr>
            <tr>
              <th scope="row" colSpan={3}>
                Godkända kostnader
              </th>
              <td className="num">{formatKronor(r.totals.costs)}</td>
            </tr>
            <tr>
              <th scope="row" colSpan={3}>
                Inkomster
              </th>
              <td className="num">{formatKronor(-r.totals.income)}</td>
            </tr>
            <tr className="total-row">
              <th scope="row" colSpan={3}>
                Preliminärt bistånd per månad
              </th>
              <td className="num">{formatKronor(r.totals.assistance)}</td>
            </tr>
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
