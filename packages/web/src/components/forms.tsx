import { forwardRef, useEffect, useRef, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

export interface SummaryError {
  /** id of the field the error belongs to; omit for errors about the whole form. */
  fieldId?: string;
  message: string;
}

/**
 * Error summary for a form: a role="alert" region that is always present (so that new content is announced),
 * with links that move focus to the fields. Focus moves to it when new errors arrive.
 */
export function ErrorSummary({ errors, title = 'Det finns fel att rätta', focusKey, level = 2 }: { errors: SummaryError[]; title?: string; focusKey?: number; level?: 2 | 3 | 4 | 5 }) {
  const Heading = `h${level}` as 'h2';
  const ref = useRef<HTMLDivElement>(null);
  // Focus moves on a submit (focusKey changes on every one, so repeated submits with the same errors still move
  // focus), not whenever the list of errors changes while the user types.
  // biome-ignore lint/correctness/useExhaustiveDependencies: focusKey is the trigger; errors are read, not watched.
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [focusKey]);
  return (
    <div role="alert" className={errors.length ? 'error-summary' : 'error-summary empty'} tabIndex={-1} ref={ref}>
      {errors.length > 0 && (
        <>
          <Heading className="error-summary-title">{title}</Heading>
          <ul>
            {errors.map((e, i) => (
              <li key={i}>
                {e.fieldId ? (
                  <a
                    href={`#${e.fieldId}`}
                    onClick={(ev) => {
                      ev.preventDefault();
                      document.getElementById(e.fieldId!)?.focus();
                    }}
                  >
                    {e.message}
                  </a>
                ) : (
                  e.message
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

interface FieldFrameProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  children: ReactNode;
  className?: string;
}

export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldFrame({ id, label, hint, error, children, className }: FieldFrameProps) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">Fel: </span>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & { id: string; label: ReactNode; hint?: ReactNode; error?: string | undefined };

export const TextField = forwardRef<HTMLInputElement, InputProps>(function TextField({ id, label, hint, error, className, ...rest }, ref) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      <input ref={ref} id={id} name={id} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined} {...rest} />
    </FieldFrame>
  );
});

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & { id: string; label: ReactNode; hint?: ReactNode; error?: string | undefined };

export function TextAreaField({ id, label, hint, error, className, ...rest }: TextAreaProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      <textarea id={id} name={id} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined} {...rest} />
    </FieldFrame>
  );
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & { id: string; label: ReactNode; hint?: ReactNode; error?: string | undefined; children: ReactNode };

export function SelectField({ id, label, hint, error, className, children, ...rest }: SelectProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      <select id={id} name={id} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined} {...rest}>
        {children}
      </select>
    </FieldFrame>
  );
}
