import { useEffect, useState } from 'react';
import { api, errorMessage } from '../api/client.ts';
import { Loading } from '../components/page.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { formatDateTime } from '../format.ts';
import { fileSize, fileType } from '../appeals/form-utils.ts';
import type { CaseDocument, CaseDocuments } from '@vagen/contract';

/** Dokument on the case page: letters, decisions, appeals and files, with download links (each download is logged). */
export function DocumentsSection({ caseId, refreshKey }: { caseId: string; refreshKey: number }) {
  const [items, setItems] = useState<CaseDocument[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    api
      .get<CaseDocuments>(`/cases/${encodeURIComponent(caseId)}/documents`, { signal: ctrl.signal })
      .then((r) => {
        setItems(r.items);
        setError(null);
      })
      .catch((err) => {
        if (!ctrl.signal.aborted) setError(errorMessage(err));
      });
    return () => ctrl.abort();
  }, [caseId, refreshKey]);

  return (
    <section aria-labelledby="dokument" className="section">
      <h2 id="dokument">Dokument</h2>
      <p className="muted">Brev och filer som har skickats är låsta och ändras aldrig. Varje gång ett dokument öppnas loggas det.</p>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {!items ? (
        !error && <Loading text="Hämtar dokument …" />
      ) : (
        <ScrollRegion label="Dokument">
          <table className="data-table">
            <caption>Dokument i ärendet ({items.length} st)</caption>
            <thead>
              <tr>
                <th scope="col">Dokument</th>
                <th scope="col">Typ</th>
                <th scope="col">Skapat</th>
                <th scope="col">Av</th>
                <th scope="col">Låst</th>
                <th scope="col">Synligt för sökande</th>
              </tr>
            </thead>
            <tbody>
              {items.length === 0 ? (
                <tr>
                  <td colSpan={6} className="empty">
                    Inga dokument.
                  </td>
                </tr>
              ) : (
                items.map((d) => (
                  <tr key={d.id}>
                    <th scope="row">
                      <a href={d.url} target="_blank" rel="noopener">
                        {d.title}
                      </a>
                      <span className="muted">
                        {' '}
                        ({fileType(d.mimeType)}, {fileSize(d.sizeBytes)})
                      </span>
                      <span className="visually-hidden">, öppnas i ny flik</span>
                    </th>
                    <td>{d.kindLabel}</td>
                    <td className="nowrap">
                      <time dateTime={d.createdAt}>{formatDateTime(d.createdAt)}</time>
                    </td>
                    <td>{d.createdByName ?? 'Vägen'}</td>
                    <td>{d.locked ? 'Ja' : 'Nej'}</td>
                    <td>{d.visibleToClient ? 'Ja' : 'Nej'}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
