/** Swedish labels for the kinds of documents stored on a case (or on the municipality, e.g. payment files). */
export const DOCUMENT_KIND_LABELS: Record<string, string> = {
  firstVisitLetter: 'Kallelse till nybesök',
  decisionLetter: 'Beslutsbrev',
  communicationLetter: 'Kommuniceringsbrev',
  paymentFile: 'Betalfil',
  accountingExport: 'Bokföringsunderlag',
  appeal: 'Överklagande',
  appealForwarding: 'Överlämnande till förvaltningsrätten',
  appealDismissalLetter: 'Beslut om avvisning av överklagande',
  reconsiderationLetter: 'Beslut efter omprövning',
  upload: 'Inlämnad handling',
};

export function documentKindLabel(kind: string): string {
  return DOCUMENT_KIND_LABELS[kind] ?? kind;
}
