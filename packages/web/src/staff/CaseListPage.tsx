import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, errorMessage } from '../api/client.ts';
import type { CaseListPage as CaseList, CaseSummary } from '@vagen/contract';
import { CASE_STATUSES, CASE_STATUS_LABELS } from '@vagen/domain/case-status.ts';
import { formatDateTime } from '../format.ts';
import { ErrorSummary, SelectField, TextField } from '../components/forms.tsx';
import { PageHeading, StatusMessage, useDocumentTitle } from '../components/page.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';

const CASE_STATUS_OPTIONS = CASE_STATUSES.map((value) => ({ value, label: CASE_STATUS_LABELS[value] }));

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

// The last search is kept in memory only (it may be a personnummer: never in the URL or in storage),
// so that "back" from a case page shows the same results.
let lastSearch: { query: string; result: CaseList } | null = null;

export function CaseListPage() {
  useDocumentTitle('Ärenden');
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const mine = params.get('mina') === 'ja';
  const page = Math.max(1, Number.parseInt(params.get('sida') ?? '1', 10) || 1);
  const requestedSize = Number.parseInt(params.get('antal') ?? '', 10);
  const pageSize = (PAGE_SIZES as readonly number[]).includes(requestedSize) ? requestedSize : DEFAULT_PAGE_SIZE;

  const [list, setList] = useState<CaseList | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [statusDraft, setStatusDraft] = useState(status);
  const [sizeDraft, setSizeDraft] = useState(String(pageSize));

  const [query, setQuery] = useState(lastSearch?.query ?? '');
  const [search, setSearch] = useState<{ query: string; result: CaseList } | null>(lastSearch);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);
  const [searchSubmits, setSearchSubmits] = useState(0);

  useEffect(() => setStatusDraft(status), [status]);
  useEffect(() => setSizeDraft(String(pageSize)), [pageSize]);

  // Paging keeps the same route: move focus to the table so the new rows are read from the start.
  const tableRef = useRef<HTMLTableElement>(null);
  const firstPage = useRef(true);
  useEffect(() => {
    if (firstPage.current) {
      firstPage.current = false;
      return;
    }
    tableRef.current?.focus();
  }, [page]);

  useEffect(() => {
    const ctrl = new AbortController();
    const qs = new URLSearchParams({ limit: String(pageSize), offset: String((page - 1) * pageSize) });
    if (status) qs.set('status', status);
    qs.set('mine', mine ? 'true' : 'false');
    setLoading(true);
    setLoadError(null);
    api
      .get<CaseList>(`/cases?${qs.toString()}`, { signal: ctrl.signal })
      .then((r) => {
        setList(r);
        setLoading(false);
      })
      .catch((err: unknown) => {
        if (ctrl.signal.aborted) return;
        setLoadError(errorMessage(err));
        setLoading(false);
      });
    return () => ctrl.abort();
  }, [status, mine, page, pageSize]);

  function update(changes: Record<string, string | null>) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  }

  async function onSearch(e: FormEvent) {
    e.preventDefault();
    setSearchSubmits((n) => n + 1);
    const q = query.trim();
    if (q.length < 2) {
      setSearchError(q ? 'Skriv minst två tecken.' : 'Skriv ett namn, ett ärendenummer eller ett personnummer.');
      return;
    }
    setSearchError(null);
    setSearching(true);
    try {
      const result = await api.post<CaseList>('/cases/search', { query: q });
      const s = { query: q, result };
      lastSearch = s;
      setSearch(s);
    } catch (err) {
      setSearchError(errorMessage(err));
    } finally {
      setSearching(false);
    }
  }

  function clearSearch() {
    lastSearch = null;
    setSearch(null);
    setQuery('');
    setSearchError(null);
  }

  const pages = list ? Math.max(1, Math.ceil(list.total / pageSize)) : 1;
  const from = list?.items.length ? (page - 1) * pageSize + 1 : 0;
  const to = list ? (page - 1) * pageSize + list.items.length : 0;
  const statusName = CASE_STATUS_OPTIONS.find((s) => s.value === status)?.label;

  let announcement = '';
  if (search) announcement = `Sökningen gav ${search.result.items.length} ${search.result.items.length === 1 ? 'träff' : 'träffar'}.`;
  else if (loading) announcement = 'Hämtar ärenden …';
  else if (list) announcement = list.total ? `Visar ${from}–${to} av ${list.total} ärenden.` : 'Inga ärenden matchar urvalet.';

  return (
    <>
      <PageHeading>Ärenden</PageHeading>

      <div className="toolbar">
        <section className="card toolbar-search" aria-labelledby="sok-rubrik">
          <h2 id="sok-rubrik" className="h3">
            Sök ärende
          </h2>
          {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is not yet announced by every screen reader in use; the role is */}
          <form onSubmit={onSearch} noValidate role="search" aria-labelledby="sok-rubrik">
            <ErrorSummary errors={searchError ? [{ fieldId: 'search-query', message: searchError }] : []} title="Sökningen gick inte att göra" focusKey={searchSubmits} level={3} />
            <div className="inline-form">
              <TextField
                id="search-query"
                label="Namn, ärendenummer eller personnummer"
                hint="Till exempel Andersson, EB-2026-000123 eller 19850412-1234. Det du söker på syns inte i adressfältet."
                autoComplete="off"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                error={searchError ?? undefined}
              />
              <div className="form-actions">
                <button type="submit" className="button button-primary" disabled={searching}>
                  {searching ? 'Söker …' : 'Sök'}
                </button>
                {search && (
                  <button type="button" className="button button-secondary" onClick={clearSearch}>
                    Rensa sökningen
                  </button>
                )}
              </div>
            </div>
          </form>
        </section>

        {!search && (
          <section className="card toolbar-filter" aria-labelledby="filter-rubrik">
            <h2 id="filter-rubrik" className="h3">
              Urval
            </h2>
            {/* biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not form fields: a fieldset would be announced as a form section */}
            <div className="toggle-group" role="group" aria-label="Vilka ärenden">
              <button type="button" className="toggle" aria-pressed={!mine} onClick={() => update({ mina: null, sida: null })}>
                Alla ärenden
              </button>
              <button type="button" className="toggle" aria-pressed={mine} onClick={() => update({ mina: 'ja', sida: null })}>
                Mina ärenden
              </button>
            </div>
            <form
              className="inline-form"
              onSubmit={(e) => {
                e.preventDefault();
                update({ status: statusDraft || null, antal: sizeDraft === String(DEFAULT_PAGE_SIZE) ? null : sizeDraft, sida: null });
              }}
            >
              <SelectField id="status-filter" label="Status" value={statusDraft} onChange={(e) => setStatusDraft(e.target.value)}>
                <option value="">Alla statusar</option>
                {CASE_STATUS_OPTIONS.map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.label}
                  </option>
                ))}
              </SelectField>
              <SelectField id="page-size" label="Per sida" value={sizeDraft} onChange={(e) => setSizeDraft(e.target.value)} className="field-narrow">
                {PAGE_SIZES.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </SelectField>
              <div className="form-actions">
                <button type="submit" className="button button-secondary">
                  Visa
                </button>
              </div>
            </form>
          </section>
        )}
      </div>

      <StatusMessage>{announcement}</StatusMessage>

      {search ? (
        <CaseTable
          items={search.result.items}
          caption={`Sökresultat för ”${search.query}” (${search.result.items.length} ${search.result.items.length === 1 ? 'träff' : 'träffar'})`}
          empty="Inga ärenden hittades. Kontrollera stavningen eller sök på något annat."
          busy={searching}
        />
      ) : loadError ? (
        <div className="notice notice-error" role="alert">
          <p>{loadError}</p>
        </div>
      ) : list ? (
        <>
          <CaseTable
            items={list.items}
            caption={`${mine ? 'Mina ärenden' : 'Alla ärenden du har behörighet till'}${statusName ? `, status ${statusName.toLowerCase()}` : ''} (${list.total} st)`}
            empty="Inga ärenden matchar urvalet."
            busy={loading}
            tableRef={tableRef}
          />
          {pages > 1 && <Pagination page={page} pages={pages} params={params} />}
          {page > pages && list.total > 0 && (
            <p>
              Sidan finns inte längre. <Link to={`/arenden?${new URLSearchParams([...params].filter(([k]) => k !== 'sida')).toString()}`}>Gå till första sidan</Link>.
            </p>
          )}
        </>
      ) : (
        <p className="loading">Hämtar ärenden …</p>
      )}
    </>
  );
}

function CaseTable({ items, caption, empty, busy, tableRef }: { items: CaseSummary[]; caption: string; empty: string; busy: boolean; tableRef?: RefObject<HTMLTableElement | null> }) {
  return (
    <ScrollRegion label="Ärendetabell" busy={busy}>
      <table className="data-table case-table" ref={tableRef} tabIndex={-1}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Ärendenummer</th>
            <th scope="col">Sökande</th>
            <th scope="col">Status</th>
            <th scope="col">Enhet</th>
            <th scope="col">Ansvarig handläggare</th>
            <th scope="col">Senast ändrad</th>
          </tr>
        </thead>
        <tbody>
          {items.length === 0 ? (
            <tr>
              <td colSpan={6} className="empty">
                {empty}
              </td>
            </tr>
          ) : (
            items.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <Link to={`/arenden/${encodeURIComponent(c.id)}`}>{c.caseNumber}</Link>
                </th>
                <td>{c.applicantName ?? <span className="muted">Okänd</span>}</td>
                <td>
                  <span className={`badge badge-${c.status}`}>{c.statusLabel}</span>
                </td>
                <td>{c.unitName}</td>
                <td>{c.responsibleWorkerName ?? <span className="muted">Ingen utsedd</span>}</td>
                <td>
                  <time dateTime={c.updatedAt}>{formatDateTime(c.updatedAt)}</time>
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function Pagination({ page, pages, params }: { page: number; pages: number; params: URLSearchParams }) {
  const link = (p: number) => {
    const next = new URLSearchParams(params);
    if (p <= 1) next.delete('sida');
    else next.set('sida', String(p));
    const s = next.toString();
    return `/arenden${s ? `?${s}` : ''}`;
  };
  const numbers: number[] = [];
  for (let p = Math.max(1, page - 3); p <= Math.min(pages, page + 3); p++) numbers.push(p);
  return (
    <nav className="pagination" aria-label="Sidor i ärendelistan">
      <ul>
        <li>
          {page > 1 ? (
            <Link to={link(page - 1)} rel="prev">
              <span aria-hidden="true">‹ </span>Föregående sida
            </Link>
          ) : (
            <span className="disabled">
              <span aria-hidden="true">‹ </span>Föregående sida
            </span>
          )}
        </li>
        {numbers.map((p) => (
          <li key={p}>
            {p === page ? (
              <span aria-current="page" className="current">
                <span className="visually-hidden">Sida </span>
                {p}
              </span>
            ) : (
              <Link to={link(p)}>
                <span className="visually-hidden">Sida </span>
                {p}
              </Link>
            )}
          </li>
        ))}
        <li>
          {page < pages ? (
            <Link to={link(page + 1)} rel="next">
              Nästa sida<span aria-hidden="true"> ›</span>
            </Link>
          ) : (
            <span className="disabled">
              Nästa sida<span aria-hidden="true"> ›</span>
            </span>
          )}
        </li>
      </ul>
      <p className="pagination-info">
        Sida {page} av {pages}
      </p>
    </nav>
  );
}
