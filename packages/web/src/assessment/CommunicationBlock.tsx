import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client.ts';
import { ErrorSummary, SelectField, TextAreaField, TextField } from '../components/forms.tsx';
import { formatDateTime, stockholmLocalToIso, todayInStockholm } from '../format.ts';
import { fieldIdFromPath } from './money.ts';
import type { AssessmentChoice as Choice, DecisionView } from '@vagen/contract';

/** Kommunicering (förvaltningslagen 25 §) before a decision that goes against the person. */
export function CommunicationBlock({ decision, channels, editable, onChanged }: { decision: DecisionView; channels: Choice[]; editable: boolean; onChanged: (message: string) => Promise<void> }) {
  const c = decision.communication;
  const [open, setOpen] = useState(false);
  return (
    <fieldset className="fieldset" aria-describedby="komm-status">
      <legend>Kommunicering (förvaltningslagen 25 §)</legend>
      <p id="komm-status">
        <strong>{decision.communicationStatusLabel}</strong>
      </p>
      {c?.kind === 'sent' && (
        <dl className="summary-list">
          <div>
            <dt>Skickat</dt>
            <dd>
              {formatDateTime(c.sentAt)} ({channels.find((x) => x.value === c.channel)?.label ?? c.channel})
            </dd>
          </div>
          <div>
            <dt>Svar senast</dt>
            <dd>{formatDateTime(c.answerDeadline)}</dd>
          </div>
          <div>
            <dt>Underlag</dt>
            <dd className="prewrap">{c.text}</dd>
          </div>
          {c.answeredAt && (
            <div>
              <dt>Svar</dt>
              <dd className="prewrap">
                {formatDateTime(c.answeredAt)}: {c.answerText}
              </dd>
            </div>
          )}
          {c.letterUrl && (
            <div>
              <dt>Brev</dt>
              <dd>
                <a href={`/api/v1${c.letterUrl.replace(/^\/api\/v1/, '')}`} target="_blank" rel="noreferrer">
                  Kommuniceringsbrev (PDF)
                </a>
              </dd>
            </div>
          )}
        </dl>
      )}
      {c?.kind === 'unnecessary' && (
        <p className="prewrap">
          Obehövlig: {decision.communicationExceptions.find((e) => e.id === c.exceptionId)?.text} {c.unnecessaryReason}
        </p>
      )}
      {editable && c?.kind === 'sent' && !c.answeredAt && <AnswerForm communicationId={c.id} onChanged={onChanged} />}
      {editable &&
        decision.communicationStatus !== 'notNeeded' &&
        (open ? (
          <RecordForm
            decision={decision}
            channels={channels}
            onDone={async (m) => {
              setOpen(false);
              await onChanged(m);
            }}
            onCancel={() => setOpen(false)}
          />
        ) : (
          <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
            {c ? 'Registrera ny kommunicering' : 'Registrera kommunicering'}
          </button>
        ))}
    </fieldset>
  );
}

function RecordForm({ decision, channels, onDone, onCancel }: { decision: DecisionView; channels: Choice[]; onDone: (m: string) => Promise<void>; onCancel: () => void }) {
  const [kind, setKind] = useState<'sent' | 'unnecessary'>('sent');
  const [text, setText] = useState(decision.reasons);
  const [sentAt, setSentAt] = useState(`${todayInStockholm()}T09:00`);
  const [channel, setChannel] = useState(channels[0]?.value ?? 'letter');
  const [deadline, setDeadline] = useState('');
  const [createLetter, setCreateLetter] = useState(true);
  const [exceptionId, setExceptionId] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submits, setSubmits] = useState(0);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setSubmits((n) => n + 1);
    setFormError(null);
    const body =
      kind === 'sent'
        ? { kind, text, sentAt: stockholmLocalToIso(sentAt) ?? sentAt, channel, answerDeadline: deadline ? (stockholmLocalToIso(`${deadline}T23:59`) ?? deadline) : undefined, createLetter }
        : { kind, exceptionId: exceptionId || undefined, reason };
    setBusy(true);
    try {
      await api.post(`/decisions/${decision.id}/communication`, body);
      await onDone(kind === 'sent' ? 'Kommuniceringen är registrerad.' : 'Att kommunicering är obehövlig är antecknat.');
    } catch (err) {
      const next: Record<string, string> = {};
      if (err instanceof ApiError) for (const f of err.fields) next[fieldIdFromPath('komm', f.path)] ??= f.message;
      setErrors(next);
      setFormError(err instanceof ApiError ? err.message : 'Kommuniceringen kunde inte sparas.');
      setBusy(false);
    }
  }
  return (
    <div className="form">
      <ErrorSummary
        errors={[...(formError ? [{ message: formError }] : []), ...Object.entries(errors).map(([fieldId, message]) => ({ fieldId, message }))]}
        title="Kommuniceringen kunde inte sparas"
        focusKey={submits}
        level={4}
      />
      <fieldset className="fieldset">
        <legend>Vad vill du registrera?</legend>
        <div className="radios">
          <div className="radio">
            <input type="radio" id="komm-kind-sent" name="komm-kind" checked={kind === 'sent'} onChange={() => setKind('sent')} /> <label htmlFor="komm-kind-sent">Underlaget har kommunicerats</label>
          </div>
          <div className="radio">
            <input type="radio" id="komm-kind-unnecessary" name="komm-kind" checked={kind === 'unnecessary'} onChange={() => setKind('unnecessary')} />{' '}
            <label htmlFor="komm-kind-unnecessary">Kommunicering är obehövlig</label>
          </div>
        </div>
      </fieldset>
      {kind === 'sent' ? (
        <>
          <TextAreaField id="komm-text" label="Vad som kommunicerades" rows={4} value={text} onChange={(e) => setText(e.target.value)} error={errors['komm-text']} />
          <div className="field-row">
            <TextField id="komm-sentAt" type="datetime-local" label="Skickat (datum och tid)" value={sentAt} onChange={(e) => setSentAt(e.target.value)} error={errors['komm-sentAt']} />
            <SelectField id="komm-channel" label="Hur" value={channel} onChange={(e) => setChannel(e.target.value)} error={errors['komm-channel']}>
              {channels.map((x) => (
                <option key={x.value} value={x.value}>
                  {x.label}
                </option>
              ))}
            </SelectField>
            <TextField id="komm-answerDeadline" type="date" label="Svar senast" value={deadline} onChange={(e) => setDeadline(e.target.value)} error={errors['komm-answerDeadline']} />
          </div>
          <div className="radio">
            <input type="checkbox" id="komm-createLetter" checked={createLetter} onChange={(e) => setCreateLetter(e.target.checked)} />{' '}
            <label htmlFor="komm-createLetter">Skapa kommuniceringsbrev (PDF)</label>
          </div>
        </>
      ) : (
        <>
          <SelectField id="komm-exceptionId" label="Undantag i förvaltningslagen 25 §" value={exceptionId} onChange={(e) => setExceptionId(e.target.value)} error={errors['komm-exceptionId']}>
            <option value="">Välj undantag</option>
            {decision.communicationExceptions.map((x) => (
              <option key={x.id} value={x.id}>
                {x.text}
              </option>
            ))}
          </SelectField>
          <TextAreaField id="komm-reason" label="Skäl i det här ärendet" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} error={errors['komm-reason']} />
        </>
      )}
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={busy} onClick={(e) => void submit(e)}>
          Spara kommunicering
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Avbryt
        </button>
      </div>
    </div>
  );
}

function AnswerForm({ communicationId, onChanged }: { communicationId: string; onChanged: (m: string) => Promise<void> }) {
  const [text, setText] = useState('');
  const [at, setAt] = useState(`${todayInStockholm()}T12:00`);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post(`/communications/${communicationId}/answer`, { text, answeredAt: stockholmLocalToIso(at) ?? at });
      await onChanged('Svaret är registrerat.');
    } catch (err) {
      setError(err instanceof ApiError ? (err.fields[0]?.message ?? err.message) : 'Svaret kunde inte sparas.');
      setBusy(false);
    }
  }
  return (
    <div className="form">
      {error && (
        <div className="notice notice-error" role="alert">
          <p>{error}</p>
        </div>
      )}
      <TextAreaField id="komm-answer-text" label="Den enskildes svar" rows={2} value={text} onChange={(e) => setText(e.target.value)} />
      <TextField id="komm-answer-at" type="datetime-local" label="Svaret kom (datum och tid)" value={at} onChange={(e) => setAt(e.target.value)} />
      <button type="button" className="button button-secondary" disabled={busy} onClick={(e) => void submit(e)}>
        Registrera svar
      </button>
    </div>
  );
}
