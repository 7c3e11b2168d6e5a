import { useState } from 'react';
import { AppealsSection } from '../appeals/AppealsSection.tsx';
import { WatchesSection } from '../watches/WatchesSection.tsx';
import { DocumentsSection } from '../documents/DocumentsSection.tsx';

/**
 * The case page's sections Överklaganden, Bevakningar and Dokument (from the appeals, queue and documents folders).
 * An action in one of them reloads the case (a reconsideration may add a decision) and the document list (new letters).
 */
export function AppealsWatchesDocuments({ caseId, reload, announce }: { caseId: string; reload: () => Promise<unknown>; announce: (m: string) => void }) {
  const [refreshKey, setRefreshKey] = useState(0);
  async function changed(message: string) {
    setRefreshKey((k) => k + 1);
    await reload();
    announce(message);
  }
  return (
    <>
      <AppealsSection caseId={caseId} refreshKey={refreshKey} onChanged={changed} />
      <WatchesSection caseId={caseId} onChanged={changed} />
      <DocumentsSection caseId={caseId} refreshKey={refreshKey} />
    </>
  );
}
