import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, ApiError } from '../api/client.ts';
import { ErrorSummary, SelectField, TextAreaField, TextField, type SummaryError } from '../components/forms.tsx';
import { PageHeading, useDocumentTitle } from '../components/page.tsx';
import { nowInStockholmLocal, stockholmLocalToIso } from '../format.ts';
import { useSession } from '../session.tsx';
import type { RegisterIntakeResult } from '@vagen/contract';
import './intake.css';
import { changed, useUnsavedChanges } from '../components/unsaved-changes.tsx';

interface PersonDraft {
  personnummer: string;
  firstName: string;
  lastName: string;
  addressLine: string;
  postalCode: string;
  city: string;
  phone: string;
}
const emptyPerson = (): PersonDraft => ({ personnummer: '', firstName: '', lastName: '', addressLine: '', postalCode: '', city: '', phone: '' });

/** API field path → id of the input on this page. */
function fieldId(path: string): string {
  const p = path.replace(/^\/body\//, '').split('/');
  if (p[0] === 'applicant') return `applicant-${p[1] ?? 'personnummer'}`;
  if (p[0] === 'coApplicant') return `co-${p[1] ?? 'personnummer'}`;
  if (p[0] === 'children') return `child-${p[1] ?? '0'}-${p[2] ?? 'personnummer'}`;
  return { unitId: 'unit', channel: 'channel-phone', track: 'track-ordinary', receivedAt: 'received-at', periodMonth: 'period-month', need: 'need' }[p[0] ?? ''] ?? 'need';
}

/** /mottagning/ny: register a first contact from phone, letter or walk-in. */
export function RegisterIntakePage() {
  useDocumentTitle('Registrera ny kontakt');
  const { session } = useSession();
  const units = session?.kind === 'staff' ? session.user.units : [];
  const navigate = useNavigate();
  const [unitId, setUnitId] = useState(units[0]?.id ?? '');
  const [channel, setChannel] = useState('phone');
  const [track, setTrack] = useState('ordinary');
  const [receivedAt, setReceivedAt] = useState(nowInStockholmLocal());
  const [periodMonth, setPeriodMonth] = useState(nowInStockholmLocal().slice(0, 7));
  const [need, setNeed] = useState('');
  const [applicant, setApplicant] = useState<PersonDraft>(emptyPerson());
  const [hasCo, setHasCo] = useState(false);
  const [co, setCo] = useState<PersonDraft>(emptyPerson());
  const [children, setChildren] = useState<PersonDraft[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [submits, setSubmits] = useState(0);
  useUnsavedChanges(!busy && (need.trim() !== '' || hasCo || children.length > 0 || changed(applicant, emptyPerson())));

  const personBody = (p: PersonDraft, full: boolean) => ({
    personnummer: p.personnummer.trim(),
    firstName: p.firstName.trim(),
    lastName: p.lastName.trim(),
    ...(full && p.addressLine.trim() ? { addressLine: p.addressLine.trim() } : {}),
    ...(full && p.postalCode.trim() ? { postalCode: p.postalCode.trim() } : {}),
    ...(full && p.city.trim() ? { city: p.city.trim() } : {}),
    ...(full && p.phone.trim() ? { phone: p.phone.trim() } : {}),
  });

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSubmits((n) => n + 1);
    const local: Record<string, string> = {};
    const required = (id: string, v: string, msg: string) => {
      if (!v.trim()) local[id] = msg;
    };
    required('applicant-personnummer', applicant.personnummer, 'Skriv sökandens personnummer.');
    required('applicant-firstName', applicant.firstName, 'Skriv sökandens förnamn.');
    required('applicant-lastName', applicant.lastName, 'Skriv sökandens efternamn.');
    if (hasCo) {
      required('co-personnummer', co.personnummer, 'Skriv medsökandens personnummer.');
      required('co-firstName', co.firstName, 'Skriv medsökandens förnamn.');
      required('co-lastName', co.lastName, 'Skriv medsökandens efternamn.');
    }
    children.forEach((c, i) => {
      required(`child-${i}-personnummer`, c.personnummer, `Skriv personnummer för barn ${i + 1}.`);
      required(`child-${i}-firstName`, c.firstName, `Skriv förnamn för barn ${i + 1}.`);
      required(`child-${i}-lastName`, c.lastName, `Skriv efternamn för barn ${i + 1}.`);
    });
    const receivedIso = stockholmLocalToIso(receivedAt);
    if (!receivedIso) local['received-at'] = 'Ange när kontakten kom in, datum och klockslag.';
    if (!/^\d{4}-\d{2}$/.test(periodMonth)) local['period-month'] = 'Ange månaden som ÅÅÅÅ-MM.';
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const r = await api.post<RegisterIntakeResult>('/intake', {
        unitId,
        channel,
        track,
        receivedAt: receivedIso,
        periodMonth,
        ...(need.trim() ? { need: need.trim() } : {}),
        applicant: personBody(applicant, true),
        ...(hasCo ? { coApplicant: personBody(co, false) } : {}),
        ...(children.length ? { children: children.map((c) => personBody(c, false)) } : {}),
      });
      navigate(`/mottagning/${encodeURIComponent(r.id)}`, { state: { message: r.message } });
    } catch (err) {
      const next: Record<string, string> = {};
      if (err instanceof ApiError) for (const f of err.fields) next[fieldId(f.path)] ??= f.message;
      setErrors(next);
      setFormError(err instanceof ApiError ? err.message : 'Kontakten kunde inte registreras.');
      setBusy(false);
    }
  }

  const summary: SummaryError[] = [...(formError && !Object.keys(errors).length ? [{ message: formError }] : []), ...Object.entries(errors).map(([fid, message]) => ({ fieldId: fid, message }))];

  const personFields = (prefix: string, p: PersonDraft, set: (p: PersonDraft) => void, who: string, full: boolean) => (
    <>
      <div className="field-row">
        <TextField
          id={`${prefix}-personnummer`}
          label={`Personnummer${who}`}
          hint="ÅÅÅÅMMDD-NNNN"
          autoComplete="off"
          inputMode="numeric"
          value={p.personnummer}
          onChange={(e) => set({ ...p, personnummer: e.target.value })}
          error={errors[`${prefix}-personnummer`]}
        />
        <TextField
          id={`${prefix}-firstName`}
          label={`Förnamn${who}`}
          autoComplete="off"
          value={p.firstName}
          onChange={(e) => set({ ...p, firstName: e.target.value })}
          error={errors[`${prefix}-firstName`]}
        />
        <TextField
          id={`${prefix}-lastName`}
          label={`Efternamn${who}`}
          autoComplete="off"
          value={p.lastName}
          onChange={(e) => set({ ...p, lastName: e.target.value })}
          error={errors[`${prefix}-lastName`]}
        />
      </div>
      {full && (
        <div className="field-row">
          <TextField
            id={`${prefix}-addressLine`}
            label="Gatuadress"
            autoComplete="off"
            value={p.addressLine}
            onChange={(e) => set({ ...p, addressLine: e.target.value })}
            error={errors[`${prefix}-addressLine`]}
          />
          <TextField
            id={`${prefix}-postalCode`}
            label="Postnummer"
            autoComplete="off"
            inputMode="numeric"
            value={p.postalCode}
            onChange={(e) => set({ ...p, postalCode: e.target.value })}
            error={errors[`${prefix}-postalCode`]}
          />
          <TextField id={`${prefix}-city`} label="Ort" autoComplete="off" value={p.city} onChange={(e) => set({ ...p, city: e.target.value })} error={errors[`${prefix}-city`]} />
          <TextField
            id={`${prefix}-phone`}
            label="Telefon"
            autoComplete="off"
            inputMode="tel"
            value={p.phone}
            onChange={(e) => set({ ...p, phone: e.target.value })}
            error={errors[`${prefix}-phone`]}
          />
        </div>
      )}
    </>
  );

  return (
    <>
      <p className="breadcrumb">
        <Link to="/mottagning">
          <span aria-hidden="true">‹ </span>Tillbaka till mottagningen
        </Link>
      </p>
      <PageHeading>Registrera ny kontakt</PageHeading>
      <p>Registrera en första kontakt som kommit per telefon, brev eller besök. Ett ärende öppnas i mottagningen. Har personen ett ärende som avslutades nyligen återaktualiseras det i stället.</p>
      <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="register-title">
        <h2 id="register-title" className="visually-hidden">
          Uppgifter om kontakten
        </h2>
        <ErrorSummary errors={summary} title="Kontakten kunde inte registreras" focusKey={submits} />

        <fieldset className="fieldset">
          <legend>Kontakten</legend>
          <SelectField id="unit" label="Enhet" value={unitId} onChange={(e) => setUnitId(e.target.value)} error={errors.unit}>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </SelectField>
          <fieldset className={`field${errors['channel-phone'] ? ' field-invalid' : ''}`}>
            <legend>Kanal</legend>
            <div className="radios">
              {[
                ['phone', 'Telefon'],
                ['paper', 'Brev'],
                ['walkIn', 'Besök'],
              ].map(([v, l]) => (
                <div className="radio" key={v}>
                  <input type="radio" id={`channel-${v}`} name="channel" value={v} checked={channel === v} onChange={() => setChannel(v!)} />
                  <label htmlFor={`channel-${v}`}>{l}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <fieldset className="field" aria-describedby="track-hint">
            <legend>Spår</legend>
            <p className="hint" id="track-hint">
              Akut: beslut inom två dagar (till exempel saknar pengar till mat eller riskerar att bli bostadslös).
            </p>
            <div className="radios">
              {[
                ['ordinary', 'Ordinarie'],
                ['acute', 'Akut'],
              ].map(([v, l]) => (
                <div className="radio" key={v}>
                  <input type="radio" id={`track-${v}`} name="track" value={v} checked={track === v} onChange={() => setTrack(v!)} />
                  <label htmlFor={`track-${v}`}>{l}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <div className="field-row">
            <TextField
              id="received-at"
              type="datetime-local"
              label="Kontakten kom in"
              hint="Ändra om ett brev kom in tidigare. Svensk tid."
              value={receivedAt}
              onChange={(e) => setReceivedAt(e.target.value)}
              error={errors['received-at']}
            />
            <TextField
              id="period-month"
              label="Ansökan gäller månad"
              hint="ÅÅÅÅ-MM"
              inputMode="numeric"
              value={periodMonth}
              onChange={(e) => setPeriodMonth(e.target.value)}
              error={errors['period-month']}
            />
          </div>
          <TextAreaField id="need" label="Vad gäller kontakten?" hint="Kort, med personens egna ord. Frivilligt." rows={3} value={need} onChange={(e) => setNeed(e.target.value)} error={errors.need} />
        </fieldset>

        <fieldset className="fieldset">
          <legend>Sökande</legend>
          {personFields('applicant', applicant, setApplicant, '', true)}
        </fieldset>

        <fieldset className="fieldset">
          <legend>Hushåll</legend>
          <div className="checkbox">
            <input type="checkbox" id="has-co" checked={hasCo} onChange={(e) => setHasCo(e.target.checked)} />
            <label htmlFor="has-co">Det finns en medsökande (make, maka eller sambo)</label>
          </div>
          {hasCo && personFields('co', co, setCo, ' för medsökande', false)}
          {children.map((c, i) => (
            <fieldset className="fieldset" key={i}>
              <legend>{`Barn ${i + 1}`}</legend>
              {personFields(`child-${i}`, c, (p) => setChildren(children.map((x, j) => (j === i ? p : x))), ` för barn ${i + 1}`, false)}
              <button type="button" className="button button-secondary" onClick={() => setChildren(children.filter((_, j) => j !== i))}>
                {`Ta bort barn ${i + 1}`}
              </button>
            </fieldset>
          ))}
          <p>
            <button type="button" className="button button-secondary" onClick={() => setChildren([...children, emptyPerson()])}>
              Lägg till barn
            </button>
          </p>
        </fieldset>

        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Registrerar …' : 'Registrera kontakt'}
          </button>
          <Link to="/mottagning">Avbryt</Link>
        </div>
      </form>
    </>
  );
}
