import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, errorMessage } from '../api/client.ts';
import { Loading, StatusMessage } from '../components/page.tsx';
import { SelectField } from '../components/forms.tsx';
import { formatMonth } from '../format.ts';
import { useSession } from '../session.tsx';
import { ApplicationForm } from './ApplicationForm.tsx';
import { CalculationSection } from './CalculationView.tsx';
import { DecisionSection } from './DecisionPanel.tsx';
import { FollowUpPanel } from './FollowUpPanel.tsx';
import type { AssessmentOverview } from '@vagen/contract';

/**
 * "Bedömning" on the case page: the application under assessment (Ansökan), the calculation with adjustments
 * (Beräkning) and the decision (Beslut). One request loads it all: GET /cases/:id/assessment.
 */
export function AssessmentSection({ caseId, onDecided }: { caseId: string; onDecided?: () => void }) {
  const [data, setData] = useState<AssessmentOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [version, setVersion] = useState(0);
  const { session } = useSession();
  const userId = session?.kind === 'staff' ? session.user.id : null;

  const load = useCallback(async () => {
    try {
      const d = await api.get<AssessmentOverview>(`/cases/${encodeURIComponent(caseId)}/assessment?limit=6`);
      setData(d);
      setError(null);
      setVersion((v) => v + 1);
      return d;
    } catch (err) {
      setError(err instanceof ApiError ? err.message : errorMessage(err));
      return null;
    }
  }, [caseId]);

  useEffect(() => {
    void load();
  }, [load]);

  const current = data?.applications.find((a) => a.application.id === selected) ?? data?.applications.find((a) => a.application.status !== 'decided') ?? data?.applications[0];

  async function changed(text: string, calculate = false) {
    if (calculate && current) {
      try {
        await api.post(`/applications/${current.application.id}/calculations`);
      } catch (err) {
        setMessage(`${text} Beräkningen kunde inte göras: ${errorMessage(err)}`);
        await load();
        return;
      }
    }
    setMessage(text);
    const d = await load();
    // The case page's own tables (applications, decisions, status) follow every change, not only decisions.
    if (d) onDecided?.();
  }

  return (
    <section aria-labelledby="bedomning" className="section">
      <h2 id="bedomning">Bedömning av ansökan</h2>
      <StatusMessage>{message}</StatusMessage>
      {error && (
        <div className="notice notice-error" role="alert">
          <p>{error}</p>
        </div>
      )}
      {data && (
        <FollowUpPanel
          overview={data}
          onStarted={async (created) => {
            setSelected(created.id);
            setMessage(`${created.kindLabel} för ${formatMonth(created.periodMonth)} är startad och ifylld från förra månaden. Gå igenom uppgifterna nedan.`);
            await load();
            onDecided?.();
          }}
        />
      )}
      {!data ? (
        !error && <Loading text="Hämtar ansökan …" />
      ) : !current ? (
        <p className="muted">Ärendet har ingen ansökan att bedöma.</p>
      ) : (
        <>
          {data.applications.length > 1 && (
            <SelectField id="bedomning-ansokan" label="Ansökan" value={current.application.id} onChange={(e) => setSelected(e.target.value)}>
              {data.applications.map((a) => (
                <option key={a.application.id} value={a.application.id}>
                  {a.application.kindLabel} {formatMonth(a.application.periodMonth)} – {a.application.statusLabel}
                </option>
              ))}
            </SelectField>
          )}
          <ApplicationForm key={`${current.application.id}-${version}`} application={current.application} overview={data} canEdit={data.permissions.canEdit} onSaved={(m, calc) => changed(m, calc)} />
          <CalculationSection
            application={current.application}
            calculation={current.calculation}
            canEdit={data.permissions.canEdit}
            userIsCreator={!!current.calculation && current.calculation.createdBy === userId}
            onChanged={(m) => changed(m)}
          />
          <DecisionSection application={current.application} calculation={current.calculation} decisions={current.decisions} overview={data} onChanged={(m) => changed(m)} />
        </>
      )}
    </section>
  );
}
