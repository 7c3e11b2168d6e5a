import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, errorMessage } from '../api/client.ts';
import { Loading } from '../components/page.tsx';
import { focusLater } from '../components/focus.ts';
import { AppealCard, appealHeadingId } from './AppealCard.tsx';
import { RegisterAppealForm } from './RegisterAppealForm.tsx';
import type { Appeal, CaseAppeals } from '@vagen/contract';
import './appeals.css';

/** Överklaganden on the case page: register an appeal of a decided decision, omprövning, forwarding, documents. */
export function AppealsSection({ caseId, refreshKey, onChanged }: { caseId: string; refreshKey: number; onChanged: (message: string) => Promise<void> }) {
  const [data, setData] = useState<CaseAppeals | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        setData(await api.get<CaseAppeals>(`/cases/${encodeURIComponent(caseId)}/appeals`, signal ? { signal } : {}));
        setError(null);
      } catch (err) {
        if (signal?.aborted) return;
        setError(err instanceof ApiError ? err.message : errorMessage(err));
      }
    },
    [caseId],
  );
  useEffect(() => {
    const ctrl = new AbortController();
    void load(ctrl.signal);
    return () => ctrl.abort();
  }, [load, refreshKey]);

  async function done(a: Appeal, message: string) {
    await load();
    await onChanged(message);
    focusLater(appealHeadingId(a.id));
  }

  return (
    <section aria-labelledby="overklaganden" className="section">
      <h2 id="overklaganden">Överklaganden</h2>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {!data ? (
        !error && <Loading text="Hämtar överklaganden …" />
      ) : (
        <>
          <p className="muted">
            Ett överklagande ska ha kommit in inom tre veckor från den dag personen fick beslutet (44 § förvaltningslagen). Det går först i arbetskön. Ompröva beslutet och lämna sedan över
            överklagandet till {data.options.courtName ?? 'förvaltningsrätten'} inom {data.options.forwardWithinDays} dagar.
          </p>
          {data.items.length === 0 ? (
            <p>Det finns inga överklaganden i ärendet.</p>
          ) : (
            <ol className="appeal-list">
              {data.items.map((a) => (
                <li key={a.id}>
                  <AppealCard appeal={a} data={data} onDone={done} />
                </li>
              ))}
            </ol>
          )}
          {data.permissions.canHandle &&
            (data.appealableDecisions.length > 0 ? (
              <RegisterAppealForm
                data={data}
                onCreated={(a) => done(a, `Överklagandet är registrerat. ${a.timely ? 'Det kom in i rätt tid.' : 'Det kom in för sent.'} Det ligger först i arbetskön.`)}
              />
            ) : (
              <p className="muted">Det finns inget fattat beslut i ärendet att överklaga.</p>
            ))}
        </>
      )}
    </section>
  );
}
