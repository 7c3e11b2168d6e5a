import { useCallback, useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { api, ApiError, errorMessage } from '../api/client.ts';
import { formatDateTime, formatMonth } from '../format.ts';
import { Loading, PageHeading, StatusMessage, useDocumentTitle } from '../components/page.tsx';
import { InPageLink } from '../components/InPageLink.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { AssignSection } from './AssignSection.tsx';
import { BookingSection } from './BookingSection.tsx';
import { ChecklistSection } from './ChecklistSection.tsx';
import { InterviewSection } from './InterviewSection.tsx';
import { PreliminarySection } from './PreliminarySection.tsx';
import { ResponsibilitySection } from './ResponsibilitySection.tsx';
import { formatDuration } from './format.ts';
import type { IntakeDetail, UnitWorkers } from '@vagen/contract';
import './intake.css';

/** /mottagning/:id: one first contact from interview to hand-over. */
export function IntakePage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const [detail, setDetail] = useState<IntakeDetail | null>(null);
  const [workers, setWorkers] = useState<UnitWorkers | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [announcement, setAnnouncement] = useState((location.state as { message?: string } | null)?.message ?? '');
  const applicant = detail?.people.find((p) => p.role === 'applicant');
  const title = detail ? `Kontakt ${detail.case.caseNumber}` : error ? 'Kontakten kunde inte visas' : 'Kontakt';
  useDocumentTitle(`${title} – Mottagning`);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const d = await api.get<IntakeDetail>(`/intake/${encodeURIComponent(id)}`, signal ? { signal } : {});
        setDetail(d);
        setError(null);
        if (d.permissions.canHandle || d.permissions.canAssign) {
          api
            .get<UnitWorkers>(`/intake/workers?unitId=${encodeURIComponent(d.case.unit.id)}`)
            .then(setWorkers)
            .catch(() => setWorkers(null));
        }
      } catch (err) {
        if (signal?.aborted) return;
        setError(err instanceof ApiError ? err : new ApiError(0, 'UNKNOWN', errorMessage(err)));
      }
    },
    [id],
  );

  useEffect(() => {
    const ctrl = new AbortController();
    setDetail(null);
    void load(ctrl.signal);
    return () => ctrl.abort();
  }, [load]);

  const onChanged = useCallback((d: IntakeDetail, message: string) => {
    setDetail(d);
    setAnnouncement(message);
    if (d.status === 'handedOver') {
      api
        .get<UnitWorkers>(`/intake/workers?unitId=${encodeURIComponent(d.case.unit.id)}`)
        .then(setWorkers)
        .catch(() => undefined);
    }
  }, []);

  return (
    <>
      <p className="breadcrumb">
        <Link to="/mottagning">
          <span aria-hidden="true">‹ </span>Tillbaka till mottagningen
        </Link>
      </p>
      <PageHeading>
        {title}
        {applicant && (
          <>
            <span className="visually-hidden">, </span>
            <span className="h1-sub">{`${applicant.firstName} ${applicant.lastName}`}</span>
          </>
        )}
      </PageHeading>
      <StatusMessage className="status-message notice notice-success">{announcement}</StatusMessage>
      {detail ? (
        <>
          <dl className="summary-list card">
            <div>
              <dt>Status</dt>
              <dd>
                {detail.statusLabel}
                {detail.reopened ? ' (återaktualiserat)' : ''}
              </dd>
            </div>
            <div>
              <dt>Spår</dt>
              <dd>
                <span className={`badge badge-track-${detail.track}`}>{detail.trackLabel}</span>
              </dd>
            </div>
            <div>
              <dt>Kanal</dt>
              <dd>{detail.channelLabel}</dd>
            </div>
            <div>
              <dt>Kom in</dt>
              <dd>
                <time dateTime={detail.receivedAt}>{formatDateTime(detail.receivedAt)}</time>
              </dd>
            </div>
            <div>
              <dt>Tid sedan kontakt</dt>
              <dd>{formatDuration(detail.minutesSinceReceipt)}</dd>
            </div>
            <div>
              <dt>Frist</dt>
              <dd>
                <time dateTime={detail.deadlineAt}>{formatDateTime(detail.deadlineAt)}</time>
                {detail.overdue && (
                  <>
                    {' '}
                    <span className="badge badge-overdue">Försenad</span>
                  </>
                )}
              </dd>
            </div>
            <div>
              <dt>Ansökan gäller</dt>
              <dd>{formatMonth(detail.application.periodMonth)}</dd>
            </div>
            <div>
              <dt>Ärende</dt>
              <dd>
                <Link to={`/arenden/${encodeURIComponent(detail.case.id)}`}>{detail.case.caseNumber}</Link> ({detail.case.statusLabel.toLowerCase()}, {detail.case.unit.name})
              </dd>
            </div>
          </dl>
          {detail.needSummary && (
            <p>
              <strong>Vad kontakten gäller:</strong> {detail.needSummary}
            </p>
          )}
          <People detail={detail} />
          <nav className="page-toc" aria-labelledby="toc-title">
            <h2 id="toc-title">På sidan</h2>
            <ul>
              {[
                ['intervju', 'Telefonintervju'],
                ['berakning', 'Preliminär beräkning'],
                ['ansvar', 'Ansvarsprövning'],
                ['checklistor', 'Checklistor'],
                ['nybesok', 'Nybesök'],
                ['fordelning', 'Fördelning'],
                ['historik', 'Historik'],
              ].map(([t, l]) => (
                <li key={t}>
                  <InPageLink target={t!}>{l}</InPageLink>
                </li>
              ))}
            </ul>
          </nav>
          <InterviewSection key={`iv-${detail.interviewedAt ?? 'new'}`} detail={detail} onChanged={onChanged} />
          <PreliminarySection detail={detail} onChanged={onChanged} />
          <ResponsibilitySection key={`resp-${detail.responsibility?.checkedAt ?? 'new'}`} detail={detail} onChanged={onChanged} />
          <ChecklistSection detail={detail} onChanged={onChanged} />
          <BookingSection key={`book-${detail.booking?.bookedAt ?? 'new'}-${detail.booking?.visitAt ?? ''}`} detail={detail} onChanged={onChanged} workers={workers} />
          <AssignSection detail={detail} onChanged={onChanged} workers={workers} />
          <History detail={detail} />
        </>
      ) : error ? (
        <>
          <div className="notice notice-error" role="alert">
            <p>{error.message}</p>
          </div>
          <p>
            <Link to="/mottagning">Tillbaka till mottagningen</Link>
          </p>
        </>
      ) : (
        <Loading text="Hämtar kontakten …" />
      )}
    </>
  );
}

function People({ detail }: { detail: IntakeDetail }) {
  return (
    <ScrollRegion label="Personer i hushållet">
      <table className="data-table">
        <caption>Personer i hushållet</caption>
        <thead>
          <tr>
            <th scope="col">Namn</th>
            <th scope="col">Roll</th>
            <th scope="col">Personnummer</th>
            <th scope="col">Adress</th>
            <th scope="col">Telefon</th>
          </tr>
        </thead>
        <tbody>
          {detail.people.map((p) => (
            <tr key={p.personId}>
              <th scope="row">
                {p.firstName} {p.lastName}
                {p.protectedIdentity && (
                  <>
                    {' '}
                    <span className="badge badge-protected">Skyddade personuppgifter</span>
                  </>
                )}
              </th>
              <td>{p.roleLabel}</td>
              <td className="nowrap">{p.personnummer}</td>
              <td>{p.address ? `${p.address.line}, ${p.address.postalCode ?? ''} ${p.address.city ?? ''}` : <span className="muted">–</span>}</td>
              <td>{p.phone ?? <span className="muted">–</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function History({ detail }: { detail: IntakeDetail }) {
  const t = detail.leadTimesMinutes;
  return (
    <section className="section" aria-labelledby="historik">
      <h2 id="historik">Historik och ledtider</h2>
      <dl className="summary-list card">
        <div>
          <dt>Till intervju</dt>
          <dd>{formatDuration(t.toInterview)}</dd>
        </div>
        <div>
          <dt>Till bokat nybesök</dt>
          <dd>{formatDuration(t.toBooking)}</dd>
        </div>
        <div>
          <dt>Till överlämning</dt>
          <dd>{formatDuration(t.toHandover)}</dd>
        </div>
      </dl>
      <ScrollRegion label="Historik">
        <table className="data-table">
          <caption>Vad som hänt med kontakten</caption>
          <thead>
            <tr>
              <th scope="col">Tid</th>
              <th scope="col">Händelse</th>
              <th scope="col">Ny status</th>
              <th scope="col">Av</th>
              <th scope="col">Kommentar</th>
            </tr>
          </thead>
          <tbody>
            {detail.history.map((h, i) => (
              <tr key={i}>
                <th scope="row" className="nowrap">
                  <time dateTime={h.at}>{formatDateTime(h.at)}</time>
                </th>
                <td>{h.label}</td>
                <td>{h.toStatusLabel ?? '–'}</td>
                <td>{h.actorName ?? '–'}</td>
                <td className="prewrap">{h.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
