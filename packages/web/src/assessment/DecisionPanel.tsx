import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client.ts';
import { describedBy, ErrorSummary, SelectField, TextAreaField, TextField, type SummaryError } from '../components/forms.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { formatDate, formatDateTime, formatMoney, formatMonth } from '../format.ts';
import { CommunicationBlock } from './CommunicationBlock.tsx';
import { kronorInputText, parseKronor } from '@vagen/domain/money.ts';
import { fieldIdFromPath } from './money.ts';
import type { ApplicationView, AssessmentOverview, CalculationView, CarryForwardResponse, DecisionView } from '@vagen/contract';
import { insertPhrase } from '@vagen/domain/decisions/phrase-insert.ts';
import { DECISION_OUTCOMES } from '@vagen/domain/decisions/types.ts';
import { DECISION_OUTCOME_LABELS } from '@vagen/domain/labels.ts';
import { changed, useUnsavedChanges } from '../components/unsaved-changes.tsx';

const OUTCOMES = DECISION_OUTCOMES.map((value) => ({ value, label: DECISION_OUTCOME_LABELS[value] }));

/** "Beslut": the draft (outcome, items, period, legal basis, reasons, försörjningshinder, children, återkrav, kommunicering). */
export function DecisionSection({
  application,
  calculation,
  decisions,
  overview,
  onChanged,
}: {
  application: ApplicationView;
  calculation: CalculationView | null;
  decisions: DecisionView[];
  overview: AssessmentOverview;
  onChanged: (message: string) => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = decisions.find((d) => d.status !== 'decided');
  const decided = decisions.filter((d) => d.status === 'decided');
  const canEdit = overview.permissions.canEdit && application.status !== 'decided';

  async function create(outcome?: string) {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/applications/${application.id}/decisions`, outcome ? { outcome } : {});
      await onChanged('Ett beslutsutkast är skapat.');
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Utkastet kunde inte skapas.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="beslut-rubrik">
      <h3 id="beslut-rubrik">Beslut om ansökan</h3>
      {error && (
        <div className="notice notice-error" role="alert">
          <p>{error}</p>
        </div>
      )}
      {decided.map((d) => (
        <DecidedSummary key={d.id} d={d} />
      ))}
      {open ? (
        <DraftForm
          key={`${open.id}-${open.calculationId}-${open.status}`}
          d={open}
          calculation={calculation}
          overview={overview}
          canEdit={canEdit}
          previousMonth={application.previous?.periodMonth ?? null}
          onChanged={onChanged}
        />
      ) : canEdit && decided.length === 0 ? (
        <div className="button-row">
          <button type="button" className="button button-primary" disabled={busy || !calculation} onClick={() => void create()}>
            Skapa beslutsutkast
          </button>
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => void create('dismissed')}>
            Avvisa ansökan
          </button>
          {!calculation && <p className="muted">Beräkna ansökan innan du skapar ett beslutsutkast.</p>}
        </div>
      ) : decided.length === 0 ? (
        <p className="muted">Inget beslut ännu.</p>
      ) : null}
    </section>
  );
}

function DecidedSummary({ d }: { d: DecisionView }) {
  return (
    <div className="notice notice-success">
      <p>
        <strong>{d.outcomeLabel}</strong> {formatMoney(d.amount)} för {formatDate(d.periodStart)} – {formatDate(d.periodEnd)}, beslutat {formatDateTime(d.decidedAt)} av {d.decidedBy?.name ?? '–'}
        {d.presentingOfficer && d.presentingOfficer.id !== d.decidedBy?.id ? ` (föredragande ${d.presentingOfficer.name})` : ''}.
      </p>
      {d.letterUrl && (
        <p>
          <a href={`/api/v1${d.letterUrl.replace(/^\/api\/v1/, '')}`} target="_blank" rel="noreferrer">
            Beslutsbrev (PDF)
          </a>
        </p>
      )}
    </div>
  );
}

interface DraftState {
  outcome: string;
  periodStart: string;
  periodEnd: string;
  amount: string;
  amountReason: string;
  itemReasons: Record<string, string>;
  itemBasis: Record<string, string>;
  legalBasisIds: string[];
  reasons: string;
  obstacles: Record<string, string>;
  consideration: string;
  childSpokenTo: boolean;
  spokenToNote: string;
  recovery: boolean;
  recoveryRef: string;
  recoveryText: string;
}

function initial(d: DecisionView): DraftState {
  return {
    outcome: d.outcome,
    periodStart: d.periodStart,
    periodEnd: d.periodEnd,
    amount: kronorInputText(d.amount),
    amountReason: d.amountReason,
    itemReasons: Object.fromEntries(d.items.map((i) => [i.key, i.reason])),
    itemBasis: Object.fromEntries(d.items.map((i) => [i.key, i.legalBasisId ?? ''])),
    // A reference no longer offered (e.g. a corrected paragraph) cannot be ticked off in the form, so it is not carried over.
    legalBasisIds: d.legalBasis.map((l) => l.id).filter((id) => d.legalReferenceChoices.some((r) => r.id === id)),
    reasons: d.reasons,
    obstacles: Object.fromEntries(d.supportObstacles.map((s) => [s.adult, s.code])),
    consideration: d.childPerspective?.consideration ?? '',
    childSpokenTo: d.childPerspective?.childSpokenTo ?? false,
    spokenToNote: d.childPerspective?.spokenToNote ?? '',
    recovery: d.recoveryBasis !== null,
    recoveryRef: d.recoveryBasis?.legalReferenceId ?? '',
    recoveryText: d.recoveryBasis?.text ?? '',
  };
}

function DraftForm({
  d,
  calculation,
  overview,
  canEdit,
  previousMonth,
  onChanged,
}: {
  d: DecisionView;
  calculation: CalculationView | null;
  overview: AssessmentOverview;
  canEdit: boolean;
  /** The decided month this application follows (återansökan, tilläggsansökan), whose reasons can be carried forward. */
  previousMonth: string | null;
  onChanged: (message: string) => Promise<void>;
}) {
  const [s, setS] = useState<DraftState>(() => initial(d));
  const [carried, setCarried] = useState<CarryForwardResponse['carryForward'] | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submits, setSubmits] = useState(0);
  const [busy, setBusy] = useState(false);
  useUnsavedChanges(!busy && changed(s, initial(d)));
  const [returnNote, setReturnNote] = useState('');
  const set = <K extends keyof DraftState>(k: K, v: DraftState[K]) => setS((x) => ({ ...x, [k]: v }));
  const adults: ('applicant' | 'coApplicant')[] = [
    'applicant',
    ...(d.supportObstacles.some((o) => o.adult === 'coApplicant') || overview.applications.find((a) => a.application.id === d.applicationId)?.application.content.coApplicant
      ? ['coApplicant' as const]
      : []),
  ];
  const stale = calculation && d.calculationId !== calculation.id;

  function body(): { body: Record<string, unknown> | null; local: Record<string, string> } {
    const local: Record<string, string> = {};
    const amount = parseKronor(s.amount, { empty: 'zero' });
    if (amount === null) local['dec-amount'] = 'Ange beloppet i kronor med siffror.';
    const b: Record<string, unknown> = {
      outcome: s.outcome,
      periodStart: s.periodStart,
      periodEnd: s.periodEnd,
      amount: amount ?? 0,
      amountReason: s.amountReason,
      itemReasons: d.items.filter((i) => i.kind === 'cost').map((i) => ({ key: i.key, reason: s.itemReasons[i.key] ?? '' })),
      legalBasisIds: s.legalBasisIds,
      reasons: s.reasons,
      // Sent for every item, in the items' order, so an error on itemLegalBasis/i points at item i.
      itemLegalBasis: d.items.map((i) => ({ key: i.key, legalBasisId: i.kind === 'income' ? null : s.itemBasis[i.key] || null })),
      supportObstacles: adults.filter((a) => s.obstacles[a]).map((a) => ({ adult: a, code: s.obstacles[a] })),
      recoveryBasis: s.recovery ? { legalReferenceId: s.recoveryRef, text: s.recoveryText } : null,
    };
    if (d.childPerspective) b.childPerspective = { consideration: s.consideration, childSpokenTo: s.childSpokenTo, spokenToNote: s.spokenToNote };
    return { body: Object.keys(local).length ? null : b, local };
  }

  /** "Hämta förra månadens motivering": the server copies reasons of unchanged items; the form takes them in. */
  async function carryForward() {
    setFormError(null);
    setBusy(true);
    try {
      const r = await api.post<CarryForwardResponse>(`/decisions/${d.id}/carry-forward`);
      const reasons = Object.fromEntries(r.decision.items.filter((i) => r.carryForward.carried.some((c) => c.key === i.key)).map((i) => [i.key, i.reason]));
      setS((x) => ({ ...x, itemReasons: { ...x.itemReasons, ...reasons } }));
      setCarried(r.carryForward);
    } catch (err) {
      setFormError(err instanceof ApiError ? err.message : 'Motiveringen kunde inte hämtas.');
    } finally {
      setBusy(false);
    }
  }

  async function run(action: 'save' | 'decide' | 'submit' | 'return' | 'refresh', e?: FormEvent) {
    e?.preventDefault();
    setSubmits((n) => n + 1);
    setFormError(null);
    setErrors({});
    setBusy(true);
    try {
      if (action === 'refresh') {
        await api.post(`/decisions/${d.id}/refresh`);
        await onChanged('Utkastet har hämtat den senaste beräkningen.');
        return;
      }
      if (action === 'return') {
        await api.post(`/decisions/${d.id}/return`, { note: returnNote });
        await onChanged('Utkastet är skickat tillbaka till föredraganden.');
        return;
      }
      const { body: b, local } = body();
      if (!b) {
        setErrors(local);
        setBusy(false);
        return;
      }
      await api.patch(`/decisions/${d.id}`, b);
      if (action === 'decide') await api.post(`/decisions/${d.id}/decide`);
      if (action === 'submit') await api.post(`/decisions/${d.id}/submit`);
      await onChanged(action === 'decide' ? 'Beslutet är fattat. Beslutsbrevet är skapat.' : action === 'submit' ? 'Beslutet är skickat till beslutsfattare.' : 'Utkastet är sparat.');
    } catch (err) {
      const next: Record<string, string> = {};
      if (err instanceof ApiError) for (const f of err.fields) next[fieldIdFromPath('dec', f.path.replace('/itemLegalBasis/', '/items/'))] ??= f.message;
      setErrors(next);
      setFormError(err instanceof ApiError ? err.message : 'Det gick inte.');
      setBusy(false);
    }
  }

  const err = (id: string) => errors[id];
  const summary: SummaryError[] = [
    ...(formError ? [{ message: formError }] : []),
    ...Object.entries(errors).map(([fieldId, message]) => ({ fieldId: document.getElementById(fieldId) ? fieldId : undefined, message }) as SummaryError),
  ];
  const refusedItems = d.items.map((item, index) => ({ item, index })).filter(({ item }) => item.kind === 'cost');
  const disabled = !canEdit || busy;

  return (
    <form className="form" onSubmit={(e) => void run('decide', e)} noValidate aria-labelledby="utkast-rubrik">
      <h4 id="utkast-rubrik">
        Beslutsutkast <span className="badge badge-draft">{d.statusLabel}</span>
      </h4>
      <p className="muted">
        Föredragande: {d.presentingOfficer?.name ?? '–'}.{' '}
        {d.delegation.youMayDecide ? 'Du har delegation för beslutet.' : `Beslutet kan fattas av: ${d.delegation.mayDecideRoles.map((r) => r.label.toLowerCase()).join(', ') || 'ingen roll'}.`}
        {d.fourEyes.decision ? ' Kommunen kräver fyra ögon: en annan person än föredraganden fattar beslutet.' : ''}
      </p>
      <ErrorSummary errors={summary} title="Beslutet kunde inte sparas eller fattas" focusKey={submits} level={5} />
      {stale && (
        <div className="notice" role="note">
          <p>Beräkningen har ändrats efter att utkastet gjordes.</p>
          <button type="button" className="button button-secondary" disabled={disabled} onClick={() => void run('refresh')}>
            Hämta senaste beräkningen
          </button>
        </div>
      )}
      <fieldset className={`fieldset${err('dec-outcome') ? ' field-invalid' : ''}`} disabled={disabled} aria-describedby={describedBy('dec-outcome', false, err('dec-outcome'))}>
        <legend>Utfall</legend>
        {err('dec-outcome') && (
          <p className="field-error" id="dec-outcome-error">
            <span className="visually-hidden">Fel: </span>
            {err('dec-outcome')}
          </p>
        )}
        <div className="radios">
          {OUTCOMES.map((o, i) => (
            <div className="radio" key={o.value}>
              <input
                type="radio"
                id={i === 0 ? 'dec-outcome' : `dec-outcome-${o.value}`}
                name="dec-outcome"
                value={o.value}
                checked={s.outcome === o.value}
                onChange={() => setS((x) => ({ ...x, outcome: o.value, amount: o.value === 'refused' || o.value === 'dismissed' ? '0' : kronorInputText(d.systemAmount) }))}
              />{' '}
              <label htmlFor={i === 0 ? 'dec-outcome' : `dec-outcome-${o.value}`}>{o.label}</label>
            </div>
          ))}
        </div>
      </fieldset>

      <fieldset className="fieldset" disabled={disabled}>
        <legend>Period och belopp</legend>
        <div className="field-row">
          <TextField id="dec-periodStart" type="date" label="Beslutet gäller från" value={s.periodStart} onChange={(e) => set('periodStart', e.target.value)} error={err('dec-periodStart')} />
          <TextField id="dec-periodEnd" type="date" label="Beslutet gäller till" value={s.periodEnd} onChange={(e) => set('periodEnd', e.target.value)} error={err('dec-periodEnd')} />
          <TextField
            id="dec-amount"
            inputMode="decimal"
            label="Beviljat belopp (kr)"
            hint={`Beräkningen: ${formatMoney(d.systemAmount)}`}
            value={s.amount}
            onChange={(e) => set('amount', e.target.value)}
            error={err('dec-amount')}
          />
        </div>
        {parseKronor(s.amount, { empty: 'zero' }) !== d.systemAmount && (
          <TextAreaField
            id="dec-amountReason"
            label="Varför beloppet skiljer sig från beräkningen"
            rows={2}
            value={s.amountReason}
            onChange={(e) => set('amountReason', e.target.value)}
            error={err('dec-amountReason')}
          />
        )}
      </fieldset>

      {d.items.length > 0 && (
        <ScrollRegion label="Beslut per post">
          <table className="data-table">
            <caption>Beslut per post för perioden</caption>
            <thead>
              <tr>
                <th scope="col">Post</th>
                <th scope="col" className="num">
                  Ansökt
                </th>
                <th scope="col" className="num">
                  Beviljat
                </th>
                <th scope="col" className="num">
                  Avslås
                </th>
                <th scope="col">Lagrum för posten</th>
                <th scope="col">Skäl</th>
              </tr>
            </thead>
            <tbody>
              {d.items.map((item, index) => (
                <tr key={item.key}>
                  <th scope="row">
                    {item.kind === 'income' ? `Minus ${item.label.toLowerCase()}` : item.label}
                    {item.provisionalSources?.length ? <span className="hint"> (preliminärt belopp: {item.provisionalSources.map((p) => p.text).join(', ')})</span> : null}
                  </th>
                  <td className="num">{item.kind === 'income' ? '–' : formatMoney(item.applied)}</td>
                  <td className="num">{formatMoney(item.approved)}</td>
                  <td className="num">{item.refused > 0 ? formatMoney(item.refused) : '–'}</td>
                  <td>
                    {item.kind !== 'income' && (
                      <SelectField
                        id={`dec-items-${index}-legalBasisId`}
                        label={`Lagrum för ${item.label}`}
                        value={s.itemBasis[item.key] ?? ''}
                        disabled={disabled}
                        onChange={(e) => setS((x) => ({ ...x, itemBasis: { ...x.itemBasis, [item.key]: e.target.value } }))}
                        error={err(`dec-items-${index}-legalBasisId`)}
                      >
                        <option value="">Beslutets huvudlagrum</option>
                        {d.legalReferenceChoices
                          .filter((r) => r.appealBasis !== 'none' && s.legalBasisIds.includes(r.id))
                          .map((r) => (
                            <option key={r.id} value={r.id}>
                              {r.text}
                            </option>
                          ))}
                      </SelectField>
                    )}
                  </td>
                  <td>
                    {item.refused > 0 && (
                      <ItemReason
                        id={`dec-items-${index}-reason`}
                        label={`Skäl för ${item.label}`}
                        value={s.itemReasons[item.key] ?? ''}
                        disabled={disabled}
                        phrases={d.itemPhrases.find((p) => p.key === item.key)?.phrases ?? []}
                        error={err(`dec-items-${index}-reason`)}
                        onChange={(v) => setS((x) => ({ ...x, itemReasons: { ...x.itemReasons, [item.key]: v } }))}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {refusedItems.length > 0 && <p className="hint">Ändra beviljade belopp i beräkningen (Justera), så följer de med hit.</p>}
      {previousMonth && (
        <div className="button-row">
          <button type="button" className="button button-secondary" disabled={disabled} onClick={() => void carryForward()}>
            Hämta förra månadens motivering
          </button>
        </div>
      )}
      <div role="status">
        {carried && (
          <div className="notice">
            <p>
              {carried.carried.length > 0
                ? `Motiveringen från ${formatMonth(carried.fromMonth)} är hämtad för: ${carried.carried.map((c) => c.label).join(', ')}.`
                : `Ingen motivering från ${formatMonth(carried.fromMonth)} kunde hämtas för poster som inte ändrats.`}
            </p>
            {carried.changed.length > 0 && <p>Ändrat sedan förra månaden, skriv ny motivering för: {carried.changed.map((c) => c.label).join(', ')}.</p>}
          </div>
        )}
      </div>

      <fieldset className={`fieldset${err('dec-legalBasisIds') ? ' field-invalid' : ''}`} disabled={disabled}>
        <legend>Lagrum</legend>
        {err('dec-legalBasisIds') && (
          <p className="field-error" id="dec-legalBasisIds-error">
            {err('dec-legalBasisIds')}
          </p>
        )}
        <p className="hint">
          Lagrummet avgör hur beslutet kan överklagas: enligt 12 kap. 1 § och 5 § till förvaltningsrätten, enligt 12 kap. 2 § bara genom laglighetsprövning. Har beslutet båda, ange lagrum för varje
          post i tabellen ovan.
        </p>
        {d.legalReferenceChoices.map((r, i) => (
          <div className="radio" key={r.id}>
            <input
              type="checkbox"
              id={i === 0 ? 'dec-legalBasisIds' : `dec-legal-${r.id}`}
              checked={s.legalBasisIds.includes(r.id)}
              onChange={(e) => set('legalBasisIds', e.target.checked ? [...s.legalBasisIds, r.id] : s.legalBasisIds.filter((x) => x !== r.id))}
            />{' '}
            <label htmlFor={i === 0 ? 'dec-legalBasisIds' : `dec-legal-${r.id}`}>
              {r.text} – {r.title}
              {r.verified ? '' : ' (ej verifierat lagrum)'}
            </label>
          </div>
        ))}
      </fieldset>

      <AppealRouteNote route={d.appealRoute} />

      <Reasons value={s.reasons} onChange={(v) => set('reasons', v)} phrases={d.phrases} disabled={disabled} error={err('dec-reasons')} />

      <fieldset className="fieldset" disabled={disabled}>
        <legend>Försörjningshinder (internt, skrivs inte i brevet)</legend>
        {adults.map((a, i) => (
          <SelectField
            key={a}
            id={`dec-supportObstacles-${i}`}
            label={`Försörjningshinder, ${a === 'applicant' ? 'sökande' : 'medsökande'}`}
            value={s.obstacles[a] ?? ''}
            onChange={(e) => setS((x) => ({ ...x, obstacles: { ...x.obstacles, [a]: e.target.value } }))}
            error={err(`dec-supportObstacles-${i}`)}
          >
            <option value="">Välj försörjningshinder</option>
            {groupBy(d.obstacleChoices).map(([group, codes]) => (
              <optgroup key={group} label={group}>
                {codes.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
        ))}
      </fieldset>

      {d.childPerspective && (
        <fieldset className="fieldset" disabled={disabled}>
          <legend>Barnperspektiv</legend>
          <p>Barn i hushållet: {d.childPerspective.children.map((c) => `${c.name} (född ${c.birthDate})`).join(', ')}.</p>
          <TextAreaField
            id="dec-childPerspective-consideration"
            label="Hur barnens situation har beaktats i beslutet"
            rows={3}
            value={s.consideration}
            onChange={(e) => set('consideration', e.target.value)}
            error={err('dec-childPerspective-consideration')}
          />
          <div className="radio">
            <input type="checkbox" id="dec-childSpokenTo" checked={s.childSpokenTo} onChange={(e) => set('childSpokenTo', e.target.checked)} />{' '}
            <label htmlFor="dec-childSpokenTo">Barnet eller barnen har fått komma till tals</label>
          </div>
          {s.childSpokenTo && <TextField id="dec-spokenToNote" label="När och hur barnet kom till tals" value={s.spokenToNote} onChange={(e) => set('spokenToNote', e.target.value)} />}
        </fieldset>
      )}

      <fieldset className="fieldset" disabled={disabled}>
        <legend>Återkrav</legend>
        <div className="radio">
          <input type="checkbox" id="dec-recovery" checked={s.recovery} onChange={(e) => set('recovery', e.target.checked)} />{' '}
          <label htmlFor="dec-recovery">Biståndet ges med skyldighet att betala tillbaka</label>
        </div>
        {s.recovery && (
          <>
            <SelectField
              id="dec-recoveryBasis-legalReferenceId"
              label="Grund för återbetalning"
              hint="Förskott, arbetskonflikt, inkomster eller tillgångar som inte gått att använda, eller villkorat bistånd kan bara krävas tillbaka om beslutet anger grunden och delges den enskilde."
              value={s.recoveryRef}
              onChange={(e) => set('recoveryRef', e.target.value)}
              error={err('dec-recoveryBasis-legalReferenceId')}
            >
              <option value="">Välj grund</option>
              {d.recoveryReferenceChoices.map((r) => (
                <option key={r.id} value={r.id}>{`${r.title} (${r.text})`}</option>
              ))}
            </SelectField>
            <TextAreaField
              id="dec-recoveryBasis-text"
              label="Vad som grundar återbetalningen"
              hint="Skrivs i beslutsbrevet, till exempel vilken förmån biståndet är förskott på."
              rows={2}
              value={s.recoveryText}
              onChange={(e) => set('recoveryText', e.target.value)}
              error={err('dec-recoveryBasis-text')}
            />
          </>
        )}
      </fieldset>

      <CommunicationBlock decision={d} channels={overview.choices.communicationChannels} editable={canEdit} onChanged={onChanged} />

      {canEdit && (
        <div className="form-actions button-row">
          {overview.permissions.canDecide && (
            <button type="submit" className="button button-primary" disabled={busy}>
              Fatta beslut
            </button>
          )}
          {d.status === 'draft' && (
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => void run('submit')}>
              Skicka till beslutsfattare
            </button>
          )}
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => void run('save')}>
            Spara utkast
          </button>
        </div>
      )}
      {canEdit && d.status === 'awaitingApproval' && overview.permissions.canDecide && (
        <div className="field-row">
          <TextField id="dec-return-note" label="Kommentar till föredraganden" value={returnNote} onChange={(e) => setReturnNote(e.target.value)} />
          <button type="button" className="button button-secondary" disabled={busy || !returnNote.trim()} onClick={() => void run('return')}>
            Skicka tillbaka
          </button>
        </div>
      )}
    </form>
  );
}

/** How the saved draft will be appealed, as the letter will say it (per item when it has both routes). */
function AppealRouteNote({ route }: { route: DecisionView['appealRoute'] }) {
  const labels = (r: 'appeal' | 'legalityReview') =>
    route.items
      .filter((i) => i.route === r)
      .map((i) => i.label)
      .join(', ');
  let text: string;
  if (route.route === 'appeal') text = `Överklagas till förvaltningsrätten (förvaltningsbesvär), enligt ${route.appealReferences.join(' och ')}.`;
  else if (route.route === 'legalityReview') text = `Kan inte överklagas till förvaltningsrätten, bara laglighetsprövas (beslutat enligt ${route.legalityReviewReferences.join(' och ')}).`;
  else if (route.route === 'mixed') text = `Överklagas till förvaltningsrätten: ${labels('appeal')}. Kan bara laglighetsprövas: ${labels('legalityReview')}.`;
  else text = 'Välj ett lagrum som avgör hur beslutet kan överklagas (12 kap. 1 §, 2 § eller 5 §).';
  return (
    <div className="notice" role="note">
      <p>
        <strong>Så kan beslutet överklagas (sparat utkast):</strong> {text}
      </p>
      {route.transitionalNote && <p>{route.transitionalNote}</p>}
    </div>
  );
}

function groupBy(codes: DecisionView['obstacleChoices']): [string, DecisionView['obstacleChoices']][] {
  const out = new Map<string, DecisionView['obstacleChoices']>();
  for (const c of codes) out.set(c.groupLabel, [...(out.get(c.groupLabel) ?? []), c]);
  return [...out.entries()];
}

function Reasons({ value, onChange, phrases, disabled, error }: { value: string; onChange: (v: string) => void; phrases: DecisionView['phrases']; disabled: boolean; error: string | undefined }) {
  const [pick, setPick] = useState('');
  const [warning, setWarning] = useState('');
  return (
    <fieldset className="fieldset" disabled={disabled}>
      <legend>Motivering</legend>
      <div className="field-row">
        <SelectField
          id="dec-phrase"
          label="Fras ur frasbiblioteket"
          value={pick}
          onChange={(e) => {
            setPick(e.target.value);
            setWarning('');
          }}
        >
          <option value="">Välj fras</option>
          {phrases.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </SelectField>
        <button
          type="button"
          className="button button-secondary"
          disabled={!pick}
          onClick={() => {
            const p = phrases.find((x) => x.id === pick);
            if (!p) return;
            const r = insertPhrase(value, p.text);
            if (r.ok) {
              onChange(r.text);
              setWarning('');
            } else setWarning(r.message);
          }}
        >
          Infoga fras
        </button>
      </div>
      <div role="status">
        {warning && (
          <p className="notice" id="dec-phrase-warning">
            {warning}
          </p>
        )}
      </div>
      <TextAreaField
        id="dec-reasons"
        label="Motivering (vilka regler som tillämpats och vilka omständigheter som varit avgörande)"
        rows={6}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        error={error}
      />
    </fieldset>
  );
}

function ItemReason({
  id,
  label,
  value,
  onChange,
  phrases,
  disabled,
  error,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  phrases: DecisionView['phrases'];
  disabled: boolean;
  error: string | undefined;
}) {
  return (
    <>
      <TextAreaField id={id} label={label} rows={2} value={value} onChange={(e) => onChange(e.target.value)} error={error} disabled={disabled} />
      {phrases.length > 0 && (
        <SelectField
          id={`${id}-phrase`}
          label={`Fras för ${label.replace(/^Skäl för /, '')}`}
          value=""
          disabled={disabled}
          onChange={(e) => {
            const p = phrases.find((x) => x.id === e.target.value);
            if (p) onChange(p.text);
          }}
        >
          <option value="">Välj fras</option>
          {phrases.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </SelectField>
      )}
    </>
  );
}
