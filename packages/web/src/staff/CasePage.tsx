import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, errorMessage } from '../api/client.ts';
import type { CaseDetail } from '@vagen/contract';
import { formatKronor } from '@vagen/domain/money.ts';
import { formatDate, formatDateTime, formatMonth } from '../format.ts';
import { Loading, PageHeading, StatusMessage, useDocumentTitle } from '../components/page.tsx';
import { InPageLink } from '../components/InPageLink.tsx';
import { StatusSection } from './StatusSection.tsx';
import { JournalSection } from './JournalSection.tsx';
import { IntakeCaseSection } from '../intake/IntakeCaseSection.tsx';
import { AssessmentSection } from '../assessment/AssessmentSection.tsx';
import { AppealsWatchesDocuments } from './CaseSections.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { PaymentsSection } from '../payments/PaymentsSection.tsx';

export function CasePage() {
  const { id = '' } = useParams();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [announcement, setAnnouncement] = useState('');
  useDocumentTitle(detail ? `Ärende ${detail.caseNumber}` : error ? 'Ärendet kunde inte visas' : 'Ärende');

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const d = await api.get<CaseDetail>(`/cases/${encodeURIComponent(id)}`, signal ? { signal } : {});
        setDetail(d);
        setError(null);
        return d;
      } catch (err) {
        if (signal?.aborted) return null;
        setError(err instanceof ApiError ? err : new ApiError(0, 'UNKNOWN', errorMessage(err)));
        return null;
      }
    },
    [id],
  );

  useEffect(() => {
    const ctrl = new AbortController();
    setDetail(null);
    setError(null);
    void load(ctrl.signal);
    return () => ctrl.abort();
  }, [load]);

  const applicant = detail ? (detail.household.members.find((m) => m.role === 'applicant') ?? detail.household.members[0]) : undefined;

  // The breadcrumb and the h1 keep their place in every state, so that the h1 that received focus on the
  // route change stays the same element when the case has loaded.
  return (
    <>
      <p className="breadcrumb">
        <Link to="/arenden">
          <span aria-hidden="true">‹ </span>Ärenden
        </Link>
      </p>
      <PageHeading>
        {detail ? `Ärende ${detail.caseNumber}` : error ? 'Ärendet kunde inte visas' : 'Ärende'}
        {applicant && (
          <>
            <span className="visually-hidden">, </span>
            <span className="h1-sub">{`${applicant.firstName} ${applicant.lastName}`}</span>
          </>
        )}
      </PageHeading>
      <StatusMessage>{announcement}</StatusMessage>
      {detail ? (
        <CaseContent detail={detail} load={load} announce={setAnnouncement} setDetail={setDetail} />
      ) : error ? (
        <>
          <div className="notice notice-error" role="alert">
            <p>{error.message}</p>
          </div>
          <p>
            <Link to="/arenden">Tillbaka till ärendelistan</Link>
          </p>
        </>
      ) : (
        <Loading text="Hämtar ärendet …" />
      )}
    </>
  );
}

const LIMIT = 12;

/** Long tables show the newest rows first; a button shows the rest. */
function ShowAll({ total, all, onToggle, noun }: { total: number; all: boolean; onToggle: () => void; noun: string }) {
  if (total <= LIMIT) return null;
  return (
    <p>
      <button type="button" className="button button-secondary" onClick={onToggle}>
        {all ? `Visa bara de ${LIMIT} senaste` : `Visa alla ${total} ${noun}`}
      </button>
    </p>
  );
}

const shown = (total: number, all: boolean) => (total > LIMIT && !all ? `, visar de ${LIMIT} senaste` : '');

function CaseContent({ detail, load, announce, setDetail }: { detail: CaseDetail; load: () => Promise<CaseDetail | null>; announce: (m: string) => void; setDetail: (d: CaseDetail) => void }) {
  const setAnnouncement = announce;
  const [all, setAll] = useState({ applications: false, decisions: false });
  const toggle = (k: keyof typeof all) => () => setAll((a) => ({ ...a, [k]: !a[k] }));
  const applications = all.applications ? detail.applications : detail.applications.slice(0, LIMIT);
  const decisions = all.decisions ? detail.decisions : detail.decisions.slice(0, LIMIT);
  return (
    <>
      <dl className="summary-list card">
        <div>
          <dt>Status</dt>
          <dd>
            <span className={`badge badge-${detail.status}`}>{detail.statusLabel}</span>
          </dd>
        </div>
        <div>
          <dt>Enhet</dt>
          <dd>{detail.unit.name}</dd>
        </div>
        <div>
          <dt>Ansvarig handläggare</dt>
          <dd>{detail.responsibleWorker?.name ?? <span className="muted">Ingen utsedd</span>}</dd>
        </div>
        {detail.secondWorker && (
          <div>
            <dt>Andra ansvariga handläggare</dt>
            <dd>{detail.secondWorker.name}</dd>
          </div>
        )}
        <div>
          <dt>Öppnat</dt>
          <dd>
            <time dateTime={detail.openedAt}>{formatDate(detail.openedAt)}</time>
          </dd>
        </div>
        {detail.closedAt && (
          <div>
            <dt>Avslutat</dt>
            <dd>
              <time dateTime={detail.closedAt}>{formatDate(detail.closedAt)}</time>
              {detail.closureReason && <> – {detail.closureReasonLabel}</>}
            </dd>
          </div>
        )}
      </dl>

      <nav className="page-toc" aria-label="På den här sidan">
        <h2 className="h4">På den här sidan</h2>
        <ul>
          <li>
            <InPageLink target="hushall">Hushåll</InPageLink>
          </li>
          <li>
            <InPageLink target="status">Status</InPageLink>
          </li>
          <li>
            <InPageLink target="journal">Journal</InPageLink>
          </li>
          <li>
            <InPageLink target="ansokningar">Ansökningar</InPageLink>
          </li>
          <li>
            <InPageLink target="beslut">Beslut</InPageLink>
          </li>
          <li>
            <InPageLink target="utbetalningar">Utbetalningar</InPageLink>
          </li>
          <li>
            <InPageLink target="overklaganden">Överklaganden</InPageLink>
          </li>
          <li>
            <InPageLink target="bevakningar">Bevakningar</InPageLink>
          </li>
          <li>
            <InPageLink target="dokument">Dokument</InPageLink>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="hushall" className="section">
        <h2 id="hushall">Hushåll</h2>
        <ScrollRegion label="Personer i hushållet">
          <table className="data-table">
            <caption>Personer i hushållet ({detail.household.members.length})</caption>
            <thead>
              <tr>
                <th scope="col">Namn</th>
                <th scope="col">Roll</th>
                <th scope="col">Personnummer</th>
                <th scope="col">Kön</th>
                <th scope="col">Adress</th>
              </tr>
            </thead>
            <tbody>
              {detail.household.members.map((m) => (
                <tr key={m.personId}>
                  <th scope="row">
                    {m.firstName} {m.lastName}
                  </th>
                  <td>{m.roleLabel}</td>
                  <td className="nowrap">{m.personnummer}</td>
                  <td>{m.sexLabel}</td>
                  <td>
                    {/* Only skyddade personuppgifter hide an address; a missing one (often a child added at intake) is just missing. */}
                    {m.protectedIdentity ? (
                      <span className="badge badge-protected">Skyddad adress</span>
                    ) : m.address ? (
                      <>
                        {m.address.line}
                        <br />
                        {[m.address.postalCode, m.address.city].filter(Boolean).join(' ')}
                      </>
                    ) : (
                      <span className="muted">Adress saknas</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>

      <StatusSection
        detail={detail}
        onChanged={(d, message) => {
          setDetail(d);
          setAnnouncement(message);
        }}
      />

      <IntakeCaseSection caseId={detail.id} />

      <JournalSection caseId={detail.id} detail={detail} reload={() => load()} announce={setAnnouncement} />

      <AssessmentSection caseId={detail.id} onDecided={() => void load()} />

      <section aria-labelledby="ansokningar" className="section">
        <h2 id="ansokningar">Ansökningar</h2>
        <ScrollRegion label="Ansökningar">
          <table className="data-table">
            <caption>
              Ansökningar i ärendet ({detail.applications.length} st{shown(detail.applications.length, all.applications)})
            </caption>
            <thead>
              <tr>
                <th scope="col">Typ</th>
                <th scope="col">Avser månad</th>
                <th scope="col">Kanal</th>
                <th scope="col">Inkom</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {detail.applications.length === 0 ? (
                <tr>
                  <td colSpan={5} className="empty">
                    Inga ansökningar.
                  </td>
                </tr>
              ) : (
                applications.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">{a.kindLabel}</th>
                    <td>{formatMonth(a.periodMonth)}</td>
                    <td>{a.channelLabel}</td>
                    <td>{a.submittedAt ? <time dateTime={a.submittedAt}>{formatDateTime(a.submittedAt)}</time> : <span className="muted">Inte inskickad</span>}</td>
                    <td>{a.statusLabel}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </ScrollRegion>
        <ShowAll total={detail.applications.length} all={all.applications} onToggle={toggle('applications')} noun="ansökningar" />
      </section>

      <section aria-labelledby="beslut" className="section">
        <h2 id="beslut">Beslut</h2>
        <ScrollRegion label="Beslut">
          <table className="data-table">
            <caption>
              Beslut i ärendet ({detail.decisions.length} st{shown(detail.decisions.length, all.decisions)})
            </caption>
            <thead>
              <tr>
                <th scope="col">Beslut</th>
                <th scope="col">Period</th>
                <th scope="col" className="num">
                  Belopp
                </th>
                <th scope="col">Beslutat</th>
                <th scope="col">Beslutat av</th>
              </tr>
            </thead>
            <tbody>
              {detail.decisions.length === 0 ? (
                <tr>
                  <td colSpan={5} className="empty">
                    Inga beslut.
                  </td>
                </tr>
              ) : (
                decisions.map((d) => (
                  <tr key={d.id}>
                    <th scope="row">{d.outcomeLabel}</th>
                    <td className="nowrap">
                      {formatDate(d.periodStart)} – {formatDate(d.periodEnd)}
                    </td>
                    <td className="num">{formatKronor(d.amount)}</td>
                    <td>
                      <time dateTime={d.decidedAt}>{formatDateTime(d.decidedAt)}</time>
                    </td>
                    <td>{d.decidedByName ?? '–'}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </ScrollRegion>
        <ShowAll total={detail.decisions.length} all={all.decisions} onToggle={toggle('decisions')} noun="beslut" />
      </section>

      <section aria-labelledby="utbetalningar" className="section">
        <h2 id="utbetalningar">Utbetalningar</h2>
        {/* A decision made on this page is offered for payment at once: the section reloads when the decisions change. */}
        <PaymentsSection key={`betalningar-${detail.decisions.length}`} caseId={detail.id} reload={() => load()} announce={setAnnouncement} />
      </section>

      <AppealsWatchesDocuments caseId={detail.id} reload={() => load()} announce={setAnnouncement} />
      <p>
        <Link to="/arenden">Tillbaka till ärendelistan</Link>
      </p>
    </>
  );
}
