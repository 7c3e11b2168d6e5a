import { useState, type FormEvent } from 'react';
import { api, ApiError, fieldErrors } from '../api/client.ts';
import { ErrorSummary, SelectField, TextAreaField, TextField } from '../components/forms.tsx';
import { formatDate, formatMoney, todayInStockholm } from '../format.ts';
import { summaryFrom } from './form-utils.ts';
import type { Appeal, CaseAppeals, DecisionChallenge } from '@vagen/contract';
import { APPEAL_CHANNELS, APPEAL_CHANNEL_LABELS } from '@vagen/domain/appeals/status.ts';
import { changed, useUnsavedChanges } from '../components/unsaved-changes.tsx';

const P = 'appeal-new';
const FIELDS = ['decisionId', 'receivedOn', 'notifiedOn', 'channel', 'appellantName', 'text'] as const;

/** Registering an appeal that arrived in writing (FL 43–44 §§). The server checks the time limit. */
export function RegisterAppealForm({ data, onCreated }: { data: CaseAppeals; onCreated: (a: Appeal) => Promise<void> }) {
  const empty = { decisionId: data.appealableDecisions[0]?.id ?? '', receivedOn: todayInStockholm(), notifiedOn: '', channel: 'post', appellantName: '', text: '' };
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [submits, setSubmits] = useState(0);
  useUnsavedChanges(!busy && changed(values, empty));
  const set = (k: keyof typeof values) => (ev: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: ev.target.value }));
  const chosen = data.appealableDecisions.find((d) => d.id === values.decisionId);

  async function onSubmit(ev: FormEvent) {
    ev.preventDefault();
    setSubmits((n) => n + 1);
    const next: Record<string, string> = {};
    if (!values.decisionId) next.decisionId = 'Välj vilket beslut som överklagas.';
    if (!values.receivedOn) next.receivedOn = 'Skriv när överklagandet kom in.';
    if (!values.text.trim()) next.text = 'Skriv av eller sammanfatta vad klaganden skriver.';
    setErrors(next);
    setFormError(null);
    if (Object.keys(next).length) return;
    const body: Record<string, string> = { receivedOn: values.receivedOn, channel: values.channel, text: values.text.trim() };
    if (values.notifiedOn) body.notifiedOn = values.notifiedOn;
    if (values.appellantName.trim()) body.appellantName = values.appellantName.trim();
    setBusy(true);
    try {
      const created = await api.post<Appeal>(`/decisions/${encodeURIComponent(values.decisionId)}/appeals`, body);
      setValues({ ...empty });
      setBusy(false);
      await onCreated(created);
    } catch (err) {
      setErrors(fieldErrors(err));
      setFormError(err instanceof ApiError ? (err.fields.length ? null : err.message) : 'Överklagandet kunde inte registreras.');
      setBusy(false);
    }
  }

  return (
    <form className="card form" onSubmit={onSubmit} noValidate aria-labelledby={`${P}-heading`}>
      <h3 id={`${P}-heading`}>Registrera överklagande</h3>
      <p className="hint">
        Ett överklagande ska vara skriftligt. Vägen räknar ut sista dag att överklaga (tre veckor från den dag personen fick beslutet, längre om sista dagen är en helgdag) och lägger överklagandet
        först i din arbetskö.
      </p>
      <ErrorSummary errors={summaryFrom(P, errors, formError, FIELDS)} title="Överklagandet kunde inte registreras" focusKey={submits} level={4} />
      <SelectField id={`${P}-decisionId`} label="Beslut som överklagas" value={values.decisionId} onChange={set('decisionId')} error={errors.decisionId} required>
        {data.appealableDecisions.map((d) => (
          <option key={d.id} value={d.id}>
            {`${d.outcomeLabel} ${formatDate(d.periodStart)}–${formatDate(d.periodEnd)}, ${formatMoney(d.amount)} (beslut ${formatDate(d.decidedAt)})`}
          </option>
        ))}
      </SelectField>
      {chosen && <ChallengeNote c={chosen.challenge} />}
      <div className="field-row">
        <TextField
          id={`${P}-receivedOn`}
          label="Kom in"
          hint="Den dag överklagandet kom in till oss."
          type="date"
          value={values.receivedOn}
          onChange={set('receivedOn')}
          error={errors.receivedOn}
          required
          className="field-short"
        />
        <TextField
          id={`${P}-notifiedOn`}
          label="Personen fick beslutet (om känt)"
          hint={
            chosen
              ? `Lämna tomt om du inte vet. Då räknar vi med brevets datum ${formatDate(chosen.letterDate)} plus ${data.options.presumedPostalDays} dagar för posten, alltså ${formatDate(chosen.presumedNotifiedOn)}.`
              : 'Lämna tomt om du inte vet.'
          }
          type="date"
          value={values.notifiedOn}
          onChange={set('notifiedOn')}
          error={errors.notifiedOn}
          className="field-short"
        />
      </div>
      <div className="field-row">
        <SelectField id={`${P}-channel`} label="Hur kom det in?" value={values.channel} onChange={set('channel')} error={errors.channel}>
          {APPEAL_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {APPEAL_CHANNEL_LABELS[c]}
            </option>
          ))}
        </SelectField>
        <TextField id={`${P}-appellantName`} label="Klagande (om någon annan än sökande)" value={values.appellantName} onChange={set('appellantName')} error={errors.appellantName} maxLength={200} />
      </div>
      <TextAreaField
        id={`${P}-text`}
        label="Överklagandets text"
        hint="Skriv av texten eller det klaganden begär och varför. Texten sparas som en handling i ärendet."
        rows={6}
        value={values.text}
        onChange={set('text')}
        error={errors.text}
        required
      />
      <button type="submit" className="button button-primary" disabled={busy || chosen?.challenge.route === 'legalityReview'}>
        {busy ? 'Registrerar …' : 'Registrera överklagande'}
      </button>
    </form>
  );
}

/** What the chosen decision's legal basis means for the appeal, before the worker registers it. */
function ChallengeNote({ c }: { c: DecisionChallenge }) {
  if (c.route === 'legalityReview') {
    return (
      <div className="notice notice-error" role="note">
        <p>{c.message}</p>
      </div>
    );
  }
  return (
    <div className="notice" role="note">
      {c.appealReference && <p>Överklagas till förvaltningsrätten enligt {c.appealReference}.</p>}
      {c.transitionalNote && <p>{c.transitionalNote}</p>}
      {c.route === 'mixed' && (
        <p>
          Överklagandet kan bara gälla: {c.appealableItems.map((i) => i.label).join(', ')}. Kan inte överklagas hit, bara laglighetsprövas ({c.legalityReviewReference}):{' '}
          {c.legalityReviewItems.map((i) => i.label).join(', ')}.
        </p>
      )}
    </div>
  );
}
