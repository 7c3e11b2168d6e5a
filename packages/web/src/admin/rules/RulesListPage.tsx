import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { RuleDocumentList, RuleDocumentSummary } from '@vagen/contract';
import { api, errorMessage } from '../../api/client.ts';
import { Loading, PageHeading, useDocumentTitle } from '../../components/page.tsx';
import { shortSource, statusText, validityText } from './format.ts';
import './rules.css';

/** /admin/regler: the municipality's rule documents grouped by kind, each version with validity, status and source. */
export function RulesListPage() {
  useDocumentTitle('Regelverk');
  const [documents, setDocuments] = useState<RuleDocumentSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.get<RuleDocumentList>('/admin/rules').then(
      (r) => setDocuments(r.documents),
      (err) => setError(errorMessage(err)),
    );
  }, []);

  const groups = new Map<string, RuleDocumentSummary[]>();
  for (const d of documents ?? []) groups.set(d.kindLabel, [...(groups.get(d.kindLabel) ?? []), d]);

  return (
    <>
      <PageHeading>Regelverk</PageHeading>
      <p className="lead">
        Normtabeller, riktlinjer, brevmallar och andra regler som styr handläggningen. En ändring görs som en ny version med ett datum då den börjar gälla. En publicerad version ändras aldrig.
      </p>
      {error && (
        <div className="notice notice-error" role="alert">
          <p>{error}</p>
        </div>
      )}
      {!documents && !error && <Loading />}
      {[...groups.entries()].map(([kindLabel, docs], gi) => (
        <section key={kindLabel} className="card rules-group" aria-labelledby={`regelgrupp-${gi}`}>
          <h2 id={`regelgrupp-${gi}`} className="h3">
            {kindLabel}
          </h2>
          <table className="data-table rules-table">
            <thead>
              <tr>
                <th scope="col">Dokument</th>
                <th scope="col">Giltig</th>
                <th scope="col">Status</th>
                <th scope="col">Källa</th>
              </tr>
            </thead>
            <tbody>
              {docs.flatMap((d) =>
                d.versions.map((v, i) => (
                  <tr key={`${d.documentId}-${v.id}`} className={i === 0 ? 'rules-first' : undefined}>
                    <td>
                      {i === 0 ? <Link to={`/admin/regler/${encodeURIComponent(d.documentId)}`}>{d.title}</Link> : <span className="visually-hidden">{d.title}, </span>}
                      {i > 0 && <span className="rules-sub">{v.origin === 'file' ? 'Levererad med Vägen' : 'Kommunens version'}</span>}
                    </td>
                    <td>{validityText(v)}</td>
                    <td>{statusText(v)}</td>
                    <td className="rules-source">{shortSource(v.source)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
