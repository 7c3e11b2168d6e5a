import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, errorMessage } from '../api/client.ts';
import { Loading } from '../components/page.tsx';
import { formatDate, formatMoney } from '../format.ts';
import { AccountsPanel } from './AccountsPanel.tsx';
import { PaymentCards } from './PaymentCards.tsx';
import { ProposalForm } from './ProposalForm.tsx';
import { RecoveryPanel } from './RecoveryPanel.tsx';
import type { CasePayments, CaseRecovery } from '@vagen/contract';
import './payments.css';

/**
 * The payments area on the case page (placed under the "Utbetalningar" heading): the payments with status and
 * history, accounts (register, verify), the payment proposal from a decided decision, and återkrav with its ledger.
 */
export function PaymentsSection({ caseId, reload, announce }: { caseId: string; reload: () => Promise<unknown>; announce: (m: string) => void }) {
  const [data, setData] = useState<CasePayments | null>(null);
  const [recovery, setRecovery] = useState<CaseRecovery | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const opts = signal ? { signal } : {};
        const [p, r] = await Promise.all([
          api.get<CasePayments>(`/cases/${encodeURIComponent(caseId)}/payments`, opts),
          api.get<CaseRecovery>(`/cases/${encodeURIComponent(caseId)}/recovery-claims`, opts),
        ]);
        setData(p);
        setRecovery(r);
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
  }, [load]);

  async function changed(message: string) {
    await load();
    await reload();
    announce(message);
  }

  if (error)
    return (
      <p className="notice notice-error" role="alert">
        {error}
      </p>
    );
  if (!data || !recovery) return <Loading text="Hämtar utbetalningar …" />;
  return (
    <div className="payments-area">
      <h3 id="utbetalningar-kassa">Utbetalningar med kassakontroll</h3>
      <PaymentCards payments={data.payments} canStop={data.permissions.canStop} onChanged={changed} />

      <h3 id="utbetalningar-konton">Konton för utbetalning</h3>
      <AccountsPanel caseId={caseId} data={data} onChanged={changed} />

      {data.permissions.canPropose && (
        <>
          <h3 id="utbetalningar-forslag">Nytt utbetalningsförslag</h3>
          <ProposalForm
            key={data.decisions.map((d) => `${d.id}:${d.remaining}`).join(',') + data.accounts.length}
            data={data}
            onProposed={async (payments, date) =>
              changed(
                `Utbetalningen är föreslagen: ${payments.length === 1 ? formatMoney(payments[0]!.amount) : `${payments.length} delar`} den ${formatDate(date)}. Den väntar nu på kassans kontroll.`,
              )
            }
          />
        </>
      )}

      <h3 id="aterkrav">Återkrav</h3>
      <RecoveryPanel caseId={caseId} recovery={recovery} onChanged={changed} />
    </div>
  );
}
