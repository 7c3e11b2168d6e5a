import { useState, type ReactNode } from 'react';
import { api, ApiError } from '../api/client.ts';
import type { SummaryError } from '../components/forms.tsx';
import type { IntakeDetail } from '@vagen/contract';

export interface SectionProps {
  detail: IntakeDetail;
  /** Replace the page's data after a change and announce what happened. */
  onChanged: (d: IntakeDetail, message: string) => void;
}

export function Checkbox({
  id,
  label,
  checked,
  onChange,
  meta,
  disabled,
  describedBy,
}: {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  meta?: ReactNode;
  disabled?: boolean;
  describedBy?: string;
}) {
  return (
    <div className="checkbox">
      <input type="checkbox" id={id} checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} aria-describedby={meta ? `${id}-meta` : describedBy} />
      <label htmlFor={id}>
        {label}
        {meta && (
          <span className="meta" id={`${id}-meta`}>
            {meta}
          </span>
        )}
      </label>
    </div>
  );
}

/**
 * State of one form that posts to the intake API: field errors by input id (mapped from API paths), a form-level
 * message, busy flag and a submit counter for the error summary's focus.
 */
export function useIntakeForm(toFieldId: (path: string) => string) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [submits, setSubmits] = useState(0);
  const [errorCode, setErrorCode] = useState<string | null>(null);

  async function run<T>(local: Record<string, string>, call: () => Promise<T>): Promise<T | null> {
    setSubmits((n) => n + 1);
    setErrors(local);
    setFormError(null);
    setErrorCode(null);
    if (Object.keys(local).length) return null;
    setBusy(true);
    try {
      return await call();
    } catch (err) {
      const next: Record<string, string> = {};
      if (err instanceof ApiError) for (const f of err.fields) next[toFieldId(f.path)] ??= f.message;
      setErrors(next);
      setFormError(err instanceof ApiError ? err.message : 'Något gick fel. Försök igen.');
      setErrorCode(err instanceof ApiError ? err.code : 'UNKNOWN');
      return null;
    } finally {
      setBusy(false);
    }
  }

  const summary: SummaryError[] = [
    // A message about the whole form only when no field explains it.
    ...(formError && !Object.keys(errors).length ? [{ message: formError }] : []),
    ...Object.entries(errors).map(([fieldId, message]) => ({ fieldId, message })),
  ];
  return { errors, formError, errorCode, busy, submits, run, summary };
}

export const postDetail = (path: string, body: unknown) => api.post<IntakeDetail>(path, body);
