import { useEffect, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { api, errorMessage } from '../api/client.ts';
import { formatDateTime } from '../format.ts';
import { SelectField } from '../components/forms.tsx';
import { PageHeading, StatusMessage, useDocumentTitle } from '../components/page.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { useSession } from '../session.tsx';
import type { IntakeQueue, IntakeQueueItem } from '@vagen/contract';
import { formatDuration } from './format.ts';
import './intake.css';

const STATUS_OPTIONS = [
  { value: 'open', label: 'Pågående' },
  { value: 'registered', label: 'Registrerade' },
  { value: 'interviewed', label: 'Intervjuade' },
  { value: 'booked', label: 'Nybesök bokat' },
  { value: 'handedOver', label: 'Överlämnade' },
  { value: 'referred', label: 'Hänvisade' },
  { value: 'all', label: 'Alla' },
];

/** /mottagning: the intake queue, acute first, with time since receipt and deadlines. */
export function IntakeQueuePage() {
  useDocumentTitle('Mottagning');
  const { session } = useSession();
  const units = session?.kind === 'staff' ? session.user.units : [];
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? 'open';
  const track = params.get('spar') ?? '';
  const unitId = params.get('enhet') ?? '';
  const [draft, setDraft] = useState({ status, track, unitId });
  const [items, setItems] = useState<IntakeQueueItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const location = useLocation();
  const flash = (location.state as { message?: string } | null)?.message;

  useEffect(() => setDraft({ status, track, unitId }), [status, track, unitId]);
  useEffect(() => {
    const ctrl = new AbortController();
    const qs = new URLSearchParams({ status });
    if (track) qs.set('track', track);
    if (unitId) qs.set('unitId', unitId);
    setError(null);
    api
      .get<IntakeQueue>(`/intake?${qs.toString()}`, { signal: ctrl.signal })
      .then((r) => setItems(r.items))
      .catch((err: unknown) => {
        if (!ctrl.signal.aborted) setError(errorMessage(err));
      });
    return () => ctrl.abort();
  }, [status, track, unitId]);

  const overdue = items?.filter((i) => i.overdue).length ?? 0;
  const statusName = STATUS_OPTIONS.find((s) => s.value === status)?.label.toLowerCase() ?? status;

  return (
    <>
      <PageHeading>Mottagning</PageHeading>
      {flash && (
        <div className="notice notice-success">
          <p>{flash}</p>
        </div>
      )}
      <p className="lead">Alla första kontakter i dina enheter. Akuta ärenden står först, sedan efter frist.</p>
      <p>
        <Link to="/mottagning/ny" className="button button-primary">
          Registrera ny kontakt
        </Link>
      </p>

      <section className="card" aria-labelledby="urval-rubrik">
        <h2 id="urval-rubrik" className="h3">
          Urval
        </h2>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            const next = new URLSearchParams();
            if (draft.status !== 'open') next.set('status', draft.status);
            if (draft.track) next.set('spar', draft.track);
            if (draft.unitId) next.set('enhet', draft.unitId);
            setParams(next);
          }}
        >
          <SelectField id="queue-status" label="Status" value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value })}>
            {STATUS_OPTIONS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </SelectField>
          <SelectField id="queue-track" label="Spår" value={draft.track} onChange={(e) => setDraft({ ...draft, track: e.target.value })}>
            <option value="">Akuta och ordinarie</option>
            <option value="acute">Bara akuta</option>
            <option value="ordinary">Bara ordinarie</option>
          </SelectField>
          {units.length > 1 && (
            <SelectField id="queue-unit" label="Enhet" value={draft.unitId} onChange={(e) => setDraft({ ...draft, unitId: e.target.value })}>
              <option value="">Alla mina enheter</option>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </SelectField>
          )}
          <div className="form-actions">
            <button type="submit" className="button button-secondary">
              Visa
            </button>
          </div>
        </form>
      </section>

      <StatusMessage>{items ? `${items.length} kontakter${overdue ? `, varav ${overdue} med passerad frist` : ''}.` : ''}</StatusMessage>
      {error ? (
        <div className="notice notice-error" role="alert">
          <p>{error}</p>
        </div>
      ) : !items ? (
        <p className="loading">Hämtar kontakter …</p>
      ) : (
        <ScrollRegion label="Mottagningens kö">
          <table className="data-table intake-queue">
            <caption>{`Kontakter i mottagningen, ${statusName} (${items.length} st)`}</caption>
            <thead>
              <tr>
                <th scope="col">Ärende</th>
                <th scope="col">Sökande</th>
                <th scope="col">Spår</th>
                <th scope="col">Kanal</th>
                <th scope="col">Inkom</th>
                <th scope="col">Tid sedan kontakt</th>
                <th scope="col">Frist</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {items.length === 0 ? (
                <tr>
                  <td colSpan={8} className="empty">
                    Inga kontakter matchar urvalet.
                  </td>
                </tr>
              ) : (
                items.map((i) => (
                  <tr key={i.id ?? `case-${i.caseId}`} className={i.overdue ? 'row-overdue' : undefined}>
                    <th scope="row" className="nowrap">
                      <Link to={i.id ? `/mottagning/${encodeURIComponent(i.id)}` : `/arenden/${encodeURIComponent(i.caseId)}`}>{i.caseNumber}</Link>
                    </th>
                    <td>
                      {i.applicantName}
                      {i.protectedIdentity && (
                        <>
                          {' '}
                          <span className="badge badge-protected">Skyddad</span>
                        </>
                      )}
                    </td>
                    <td>
                      <span className={`badge badge-track-${i.track}`}>{i.trackLabel}</span>
                    </td>
                    <td>{i.channelLabel}</td>
                    <td className="nowrap">
                      <time dateTime={i.receivedAt}>{formatDateTime(i.receivedAt)}</time>
                    </td>
                    <td className="nowrap">{formatDuration(i.minutesSinceReceipt)}</td>
                    <td className="nowrap">
                      <time dateTime={i.deadlineAt}>{formatDateTime(i.deadlineAt)}</time>
                      {i.overdue && (
                        <>
                          {' '}
                          <span className="badge badge-overdue">Försenad</span>
                        </>
                      )}
                    </td>
                    <td>
                      {i.statusLabel}
                      {i.reopened && <span className="muted"> (återaktualiserat)</span>}
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
