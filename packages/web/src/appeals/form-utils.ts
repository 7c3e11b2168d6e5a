import type { SummaryError } from '../components/forms.tsx';

/** Field errors (by field name) → error summary entries that link to `${prefix}-${name}`. */
export function summaryFrom(prefix: string, errors: Record<string, string>, formError: string | null, fields: readonly string[]): SummaryError[] {
  const list: SummaryError[] = formError ? [{ message: formError }] : [];
  for (const [name, message] of Object.entries(errors)) list.push(fields.includes(name) ? { fieldId: `${prefix}-${name}`, message } : { message });
  return list;
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

export function fileType(mime: string): string {
  if (mime === 'application/pdf') return 'PDF';
  if (mime.includes('xml')) return 'XML';
  if (mime === 'text/csv') return 'CSV';
  if (mime.startsWith('text/')) return 'Text';
  if (mime.startsWith('image/')) return 'Bild';
  return 'Fil';
}
