import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { AdminMunicipality, AdminUnit, AdminUnitList } from '@vagen/contract';
import { errorMessage, fieldErrors } from '../api/client.ts';
import { ErrorSummary, TextAreaField, TextField, type SummaryError } from '../components/forms.tsx';
import { Loading, PageHeading, StatusMessage, useDocumentTitle } from '../components/page.tsx';
import { adminApi } from './api.ts';
import { Breadcrumb } from './AdminArea.tsx';

const LABELS: Record<string, string> = { name: 'Namn', contactPhone: 'Telefon', postalAddress: 'Postadress', visitingAddress: 'Besöksadress', eServiceUrl: 'E-tjänst' };

/** Error summary entries that say which field is wrong and link to it. */
const summary = (fields: Record<string, string>, formError: string | null, prefix: string): SummaryError[] => {
  const list: SummaryError[] = Object.entries(fields).map(([name, message]) => ({ fieldId: `${prefix}-${name}`, message: LABELS[name] ? `${LABELS[name]}: ${message}` : message }));
  if (formError && !list.length) list.push({ message: formError });
  return list;
};

const oneLine = (v: string | null) => (v ? v.split(/\s*\n\s*/).join(', ') : '–');

/** The municipality (name, code) and its units with the contact details printed on their letters. */
export function UnitsPage() {
  useDocumentTitle('Enheter och kommun');
  const [units, setUnits] = useState<AdminUnit[] | null>(null);
  const [municipality, setMunicipality] = useState<AdminMunicipality | null>(null);
  const [name, setName] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [submits, setSubmits] = useState(0);
  useEffect(() => {
    Promise.all([adminApi.get<AdminUnitList>('/units'), adminApi.get<AdminMunicipality>('/municipality')]).then(
      ([u, m]) => {
        setUnits(u.items);
        setMunicipality(m);
        setName(m.name);
      },
      (e) => setError(errorMessage(e)),
    );
  }, []);

  async function saveMunicipality(e: FormEvent) {
    e.preventDefault();
    setSubmits((n) => n + 1);
    setFields({});
    setFormError(null);
    setStatus('');
    try {
      const m = await adminApi.put<AdminMunicipality>('/municipality', { name });
      setMunicipality(m);
      setStatus('Kommunens namn är sparat.');
    } catch (err) {
      setFields(fieldErrors(err));
      setFormError(errorMessage(err));
    }
  }

  return (
    <>
      <Breadcrumb />
      <PageHeading>Enheter och kommun</PageHeading>
      {error && <p className="notice notice-error">{error}</p>}
      {!units && !error && <Loading />}
      {units && (
        <section aria-labelledby="units-title">
          <h2 id="units-title">Enheter</h2>
          <p>Kontaktuppgifterna står i alla brev om enhetens ärenden: beslut, kallelser och brev om överklaganden.</p>
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">Enheter med kontaktuppgifter</caption>
              <thead>
                <tr>
                  <th scope="col">Enhet</th>
                  <th scope="col">Telefon</th>
                  <th scope="col">Postadress</th>
                  <th scope="col">Besöksadress</th>
                  <th scope="col">E-tjänst</th>
                  <th scope="col" className="num">
                    Medarbetare
                  </th>
                </tr>
              </thead>
              <tbody>
                {units.map((u) => (
                  <tr key={u.id}>
                    <td>
                      <Link to={`/admin/enheter/${u.id}`}>{u.name}</Link>
                    </td>
                    <td className="nowrap">{u.contactPhone ?? '–'}</td>
                    <td>{oneLine(u.postalAddress)}</td>
                    <td>{oneLine(u.visitingAddress)}</td>
                    <td>{u.eServiceUrl ?? '–'}</td>
                    <td className="num">{u.staffCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {municipality && (
        <section className="card narrow admin-section" aria-labelledby="municipality-title">
          <h2 id="municipality-title" className="h3">
            Kommunen
          </h2>
          <p>
            Kommunkod <strong>{municipality.code}</strong> (ändras inte: den styr vilka regler som gäller).
          </p>
          <form onSubmit={saveMunicipality} noValidate>
            <ErrorSummary errors={summary(fields, formError, 'municipality')} focusKey={submits} level={3} />
            <TextField id="municipality-name" label="Kommunens namn" hint="Står som avsändare i alla brev." value={name} onChange={(e) => setName(e.target.value)} error={fields.name} />
            <div className="form-actions">
              <button type="submit" className="button button-primary">
                Spara kommunens namn
              </button>
            </div>
          </form>
          <StatusMessage className={status ? 'notice notice-success' : 'status-message'}>{status}</StatusMessage>
        </section>
      )}
    </>
  );
}

/** One unit: its name and contact details. */
export function UnitPage() {
  const { id = '' } = useParams();
  const [unit, setUnit] = useState<AdminUnit | null>(null);
  const [form, setForm] = useState({ name: '', contactPhone: '', postalAddress: '', visitingAddress: '', eServiceUrl: '' });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [submits, setSubmits] = useState(0);
  const [busy, setBusy] = useState(false);
  useDocumentTitle(unit ? unit.name : 'Enhet');

  const fill = useCallback((u: AdminUnit) => {
    setUnit(u);
    setForm({ name: u.name, contactPhone: u.contactPhone ?? '', postalAddress: u.postalAddress ?? '', visitingAddress: u.visitingAddress ?? '', eServiceUrl: u.eServiceUrl ?? '' });
  }, []);
  useEffect(() => {
    adminApi.get<AdminUnitList>('/units').then(
      (r) => {
        const u = r.items.find((x) => x.id === id);
        if (u) fill(u);
        else setError('Enheten finns inte.');
      },
      (e) => setError(errorMessage(e)),
    );
  }, [id, fill]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSubmits((n) => n + 1);
    setBusy(true);
    setFields({});
    setFormError(null);
    setStatus('');
    try {
      const text = (v: string) => v.trim() || null;
      fill(
        await adminApi.put<AdminUnit>(`/units/${id}`, {
          name: form.name,
          contactPhone: text(form.contactPhone),
          postalAddress: text(form.postalAddress),
          visitingAddress: text(form.visitingAddress),
          eServiceUrl: text(form.eServiceUrl),
        }),
      );
      setStatus('Enhetens uppgifter är sparade. Nya brev får de nya kontaktuppgifterna.');
    } catch (err) {
      setFields(fieldErrors(err));
      setFormError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  return (
    <>
      <Breadcrumb to="/admin/enheter">Enheter och kommun</Breadcrumb>
      <PageHeading>{unit ? unit.name : 'Enhet'}</PageHeading>
      {error && <p className="notice notice-error">{error}</p>}
      {!unit && !error && <Loading />}
      {unit && (
        <section className="card narrow" aria-labelledby="unit-form-title">
          <h2 id="unit-form-title" className="h3">
            Namn och kontaktuppgifter
          </h2>
          <p>
            {unit.municipalityName} · {unit.staffCount} aktiva medarbetare. Kontaktuppgifterna står under rubriken Kontakt i alla brev om enhetens ärenden.
          </p>
          <form onSubmit={onSubmit} noValidate>
            <ErrorSummary errors={summary(fields, formError, 'unit')} focusKey={submits} level={3} />
            <TextField id="unit-name" label="Enhetens namn" value={form.name} onChange={set('name')} error={fields.name} />
            <TextField id="unit-contactPhone" type="tel" label="Telefon" hint="Till exempel 031-390 06 10." value={form.contactPhone} onChange={set('contactPhone')} error={fields.contactPhone} />
            <TextAreaField
              id="unit-postalAddress"
              label="Postadress"
              hint="En rad per rad i adressen."
              rows={3}
              value={form.postalAddress}
              onChange={set('postalAddress')}
              error={fields.postalAddress}
            />
            <TextField id="unit-visitingAddress" label="Besöksadress (valfritt)" value={form.visitingAddress} onChange={set('visitingAddress')} error={fields.visitingAddress} />
            <TextField
              id="unit-eServiceUrl"
              type="url"
              label="E-tjänst"
              hint="Webbadressen där man ansöker och skickar in handlingar."
              value={form.eServiceUrl}
              onChange={set('eServiceUrl')}
              error={fields.eServiceUrl}
            />
            <div className="form-actions">
              <button type="submit" className="button button-primary" disabled={busy}>
                {busy ? 'Sparar …' : 'Spara enheten'}
              </button>
            </div>
          </form>
          <StatusMessage className={status ? 'notice notice-success' : 'status-message'}>{status}</StatusMessage>
        </section>
      )}
    </>
  );
}
