import type { RuleVersionSummary } from '@vagen/contract';
import { formatDate } from '../../format.ts';

export function validityText(v: Pick<RuleVersionSummary, 'validFrom' | 'validTo'>): string {
  return v.validTo ? `${formatDate(v.validFrom)} – ${formatDate(v.validTo)}` : `från ${formatDate(v.validFrom)}`;
}

/** What the version is now: a draft, withdrawn, or published and when it applies (later versions taken into account). */
export function statusText(v: RuleVersionSummary): string {
  if (v.status === 'draft') return 'Utkast';
  if (v.status === 'withdrawn') return 'Tillbakadragen';
  const origin = v.origin === 'file' ? 'Levererad' : 'Publicerad';
  if (!v.applies) return `${origin}, ersatt av en senare version`;
  return v.appliesTo && v.appliesTo !== v.validTo ? `${origin}, gäller till ${formatDate(v.appliesTo)}` : origin;
}

export function shortSource(source: string, max = 140): string {
  return source.length > max ? `${source.slice(0, max - 1).trimEnd()}…` : source;
}
