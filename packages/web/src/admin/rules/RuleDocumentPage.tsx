import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { NormResult, RuleDocumentDetail, RuleLetterPreview, RuleVersionDetail } from '@vagen/contract';
import { formatKronor, parseKronor } from '@vagen/domain/money.ts';
import { ApiError, api, errorMessage } from '../../api/client.ts';
import { ErrorSummary, SelectField, TextAreaField, TextField, type SummaryError } from '../../components/forms.tsx';
import { Loading, PageHeading, StatusMessage, useDocumentTitle } from '../../components/page.tsx';
import { formatDateTime } from '../../format.ts';
import { AmountsEditor, amountTexts, applyAmounts, fieldId, hasAmountEditor, type AmountTexts } from './editors.tsx';
import { statusText, validityText } from './format.ts';
import './rules.css';

type Json = Record<string, unknown>;

/** Where a field error of the API belongs on this page. */
function fieldOf(path: string, amounts: AmountTexts): string {
  const p = path.replace(/^\/body/, '');
  if (p === '/validFrom') return 'regel-giltig-fran';
  if (p === '/validTo') return 'regel-giltig-till';
  if (p === '/source') return 'regel-kalla';
  const inData = p.replace(/^\/data/, '');
  if (inData in amounts) return fieldId(inData);
  return 'regel-json';
}

/** /admin/regler/:documentId — one rule document: its versions, a new version, editing, preview and publishing. */
export function RuleDocumentPage() {
  const { documentId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const [doc, setDoc] = useState<RuleDocumentDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  useDocumentTitle(doc ? `${doc.title} – Regelverk` : 'Regelverk');

  const load = useCallback(async () => {
    try {
      setDoc(await api.get<RuleDocumentDetail>(`/admin/rules/documents/${encodeURIComponent(documentId)}`));
    } catch (err) {
      setLoadError(errorMessage(err));
    }
  }, [documentId]);
  useEffect(() => {
    void load();
  }, [load]);

  if (loadError)
    return (
      <>
        <PageHeading>Regelverk</PageHeading>
        <div className="notice notice-error" role="alert">
          <p>{loadError}</p>
        </div>
      </>
    );
  if (!doc) return <Loading />;

  const selectedId = search.get('version') ?? doc.versions.find((v) => v.status === 'draft')?.id ?? doc.versions.filter((v) => v.applies).at(-1)?.id ?? 'file';
  const selected = doc.versions.find((v) => v.id === selectedId) ?? doc.versions[0]!;
  const select = (id: string) => setSearch({ version: id });

  return (
    <>
      <p>
        <Link to="/admin/regler">← Regelverk</Link>
      </p>
      <PageHeading>
        {doc.title}
        <span className="h1-sub">{doc.kindLabel}</span>
      </PageHeading>
      <section className="card" aria-labelledby="versioner">
        <h2 id="versioner" className="h3">
          Versioner
        </h2>
        <table className="data-table rules-versions">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Giltig</th>
              <th scope="col">Status</th>
              <th scope="col">Gjord av</th>
            </tr>
          </thead>
          <tbody>
            {doc.versions.map((v) => (
              <tr key={v.id} aria-current={v.id === selected.id ? 'true' : undefined}>
                <td>
                  {v.id === selected.id ? (
                    <strong>{v.origin === 'file' ? 'Levererad med Vägen' : 'Kommunens version'} (visas)</strong>
                  ) : (
                    <button type="button" className="link-button" onClick={() => select(v.id)}>
                      {v.origin === 'file' ? 'Levererad med Vägen' : 'Kommunens version'}
                    </button>
                  )}
                </td>
                <td>{validityText(v)}</td>
                <td>{statusText(v)}</td>
                <td>{v.publishedBy ? `Publicerad av ${v.publishedBy} ${formatDateTime(v.publishedAt)}` : v.createdBy ? `Skapad av ${v.createdBy} ${formatDateTime(v.createdAt)}` : 'Vägen'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <NewVersionForm
        doc={doc}
        from={selected}
        onCreated={async (id) => {
          await load();
          select(id);
        }}
      />
      <VersionPanel key={selected.id} doc={doc} version={selected} onChanged={load} />
    </>
  );
}

function NewVersionForm({ doc, from, onCreated }: { doc: RuleDocumentDetail; from: RuleVersionDetail; onCreated: (id: string) => Promise<unknown> }) {
  const [fromVersion, setFromVersion] = useState(from.status === 'withdrawn' ? 'file' : from.id);
  const [validFrom, setValidFrom] = useState('');
  const [validTo, setValidTo] = useState('');
  const [source, setSource] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [submits, setSubmits] = useState(0);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState(false);
  const err = (id: string) => errors.find((e) => e.fieldId === id)?.message;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSubmits((n) => n + 1);
    const local: SummaryError[] = [];
    if (!validFrom) local.push({ fieldId: 'ny-giltig-fran', message: 'Skriv från vilket datum versionen gäller.' });
    if (!source.trim()) local.push({ fieldId: 'ny-kalla', message: 'Skriv källan: beslutet eller författningen som versionen bygger på.' });
    setErrors(local);
    if (local.length) return;
    setBusy(true);
    try {
      const created = await api.post<RuleVersionDetail>(`/admin/rules/documents/${encodeURIComponent(doc.documentId)}/drafts`, {
        fromVersion,
        validFrom,
        validTo: validTo || null,
        source: source.trim(),
      });
      setValidFrom('');
      setValidTo('');
      setSource('');
      setOpen(false);
      await onCreated(created.id);
    } catch (x) {
      const fields = x instanceof ApiError ? x.fields : [];
      const ids: Record<string, string> = { '/body/validFrom': 'ny-giltig-fran', '/body/validTo': 'ny-giltig-till', '/body/source': 'ny-kalla', '/body/fromVersion': 'ny-kopia' };
      setErrors(fields.length ? fields.map((f) => ({ fieldId: ids[f.path] ?? 'ny-giltig-fran', message: f.message })) : [{ fieldId: 'ny-giltig-fran', message: errorMessage(x) }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="card" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <h2 className="h3 inline-heading">Gör en ny version</h2>
      </summary>
      <p>Den nya versionen börjar som ett utkast: en kopia som du ändrar, provar och sedan publicerar. Den gäller från sitt datum; den tidigare versionen gäller fram till dagen före.</p>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} focusKey={submits} level={3} />
        <SelectField id="ny-kopia" label="Kopiera från" value={fromVersion} onChange={(e) => setFromVersion(e.target.value)} error={err('ny-kopia')}>
          {doc.versions
            .filter((v) => v.status !== 'withdrawn')
            .map((v) => (
              <option key={v.id} value={v.id}>
                {v.origin === 'file' ? 'Levererad med Vägen' : v.status === 'draft' ? 'Utkast' : 'Kommunens version'}, {validityText(v)}
              </option>
            ))}
        </SelectField>
        <TextField
          id="ny-giltig-fran"
          type="date"
          label="Gäller från"
          hint="Normtabeller och riktlinjer gäller från den första dagen i en månad."
          value={validFrom}
          onChange={(e) => setValidFrom(e.target.value)}
          error={err('ny-giltig-fran')}
        />
        <TextField
          id="ny-giltig-till"
          type="date"
          label="Gäller till (valfritt)"
          hint="Lämna tomt om versionen gäller tills vidare."
          value={validTo}
          onChange={(e) => setValidTo(e.target.value)}
          error={err('ny-giltig-till')}
        />
        <TextAreaField
          id="ny-kalla"
          label="Källa"
          hint="Till exempel socialnämndens beslut med datum och paragraf, eller författningen."
          rows={3}
          value={source}
          onChange={(e) => setSource(e.target.value)}
          error={err('ny-kalla')}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Skapar …' : 'Skapa utkast'}
          </button>
        </div>
      </form>
    </details>
  );
}

function VersionPanel({ doc, version, onChanged }: { doc: RuleDocumentDetail; version: RuleVersionDetail; onChanged: () => Promise<void> }) {
  const draft = version.status === 'draft';
  const amountsKind = hasAmountEditor(doc.kind);
  const [validFrom, setValidFrom] = useState(version.validFrom);
  const [validTo, setValidTo] = useState(version.validTo ?? '');
  const [source, setSource] = useState(version.source);
  const [texts, setTexts] = useState<AmountTexts>(() => amountTexts(doc.kind, version.data));
  const [json, setJson] = useState(() => JSON.stringify(version.data, null, 2));
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [submits, setSubmits] = useState(0);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const problems: SummaryError[] = version.problems.map((p) => ({ fieldId: fieldOf(p.path, texts), message: `${p.path.replace(/^\/data\/?/, '') || 'Dokumentet'}: ${p.message}` }));

  /** The draft as on the page: the JSON editor's document with the typed amounts put in. */
  function current(): { body: Json | null; errors: SummaryError[] } {
    let data: Json;
    try {
      const parsed = JSON.parse(json) as unknown;
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      data = parsed as Json;
    } catch {
      return { body: null, errors: [{ fieldId: 'regel-json', message: 'Innehållet är inte giltig JSON. Kontrollera klammer, citattecken och kommatecken.' }] };
    }
    const applied = applyAmounts(data, amountsKind ? texts : {});
    const errs = Object.entries(applied.errors).map(([path, message]) => ({ fieldId: fieldId(path), message }));
    if (!validFrom) errs.push({ fieldId: 'regel-giltig-fran', message: 'Skriv från vilket datum versionen gäller.' });
    if (!source.trim()) errs.push({ fieldId: 'regel-kalla', message: 'Skriv källan.' });
    return { body: errs.length ? null : { validFrom, validTo: validTo || null, source: source.trim(), data: applied.data }, errors: errs };
  }

  async function run(what: string, action: () => Promise<unknown>) {
    setSubmits((n) => n + 1);
    setBusy(true);
    setStatus('');
    try {
      await action();
      setErrors([]);
      setStatus(what);
      await onChanged();
    } catch (x) {
      const fields = x instanceof ApiError ? x.fields : [];
      setErrors([
        ...(x instanceof ApiError && fields.length ? [{ message: x.message }] : []),
        ...(fields.length ? fields.map((f) => ({ fieldId: fieldOf(f.path, texts), message: f.message })) : [{ message: errorMessage(x) }]),
      ]);
    } finally {
      setBusy(false);
    }
  }

  async function save(): Promise<boolean> {
    const c = current();
    if (!c.body) {
      setSubmits((n) => n + 1);
      setErrors(c.errors);
      return false;
    }
    await run('Utkastet är sparat.', () => api.patch(`/admin/rules/versions/${version.id}`, c.body));
    return true;
  }

  return (
    <section className="card" aria-labelledby="version-rubrik">
      <h2 id="version-rubrik" className="h3">
        {draft ? 'Utkast' : version.origin === 'file' ? 'Versionen som levererades med Vägen' : 'Kommunens version'}, {validityText(version)}
      </h2>
      {!draft && <p>{statusText(version)}. En publicerad version kan inte ändras; gör en ny version om något ska ändras.</p>}
      <StatusMessage className={status ? 'notice notice-success rules-status' : undefined}>{status}</StatusMessage>
      <ErrorSummary errors={errors} focusKey={submits} level={3} />
      {draft && problems.length > 0 && errors.length === 0 && (
        <div className="notice notice-error">
          <p>Utkastet kan inte publiceras förrän det här är rättat:</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                <a href={`#${p.fieldId}`}>{p.message}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {draft ? (
        <>
          <TextField id="regel-giltig-fran" type="date" label="Gäller från" value={validFrom} onChange={(e) => setValidFrom(e.target.value)} />
          <TextField id="regel-giltig-till" type="date" label="Gäller till (valfritt)" value={validTo} onChange={(e) => setValidTo(e.target.value)} />
          <TextAreaField id="regel-kalla" label="Källa" rows={3} value={source} onChange={(e) => setSource(e.target.value)} />
        </>
      ) : (
        <p>
          <strong>Källa:</strong> {version.source}
        </p>
      )}
      {amountsKind && (
        <>
          <h3 className="h4">Belopp</h3>
          <AmountsEditor
            kind={doc.kind}
            data={version.data}
            texts={texts}
            errors={Object.fromEntries(
              Object.keys(texts).flatMap((p) =>
                [...errors, ...problems]
                  .filter((e) => e.fieldId === fieldId(p))
                  .slice(0, 1)
                  .map((e) => [p, e.message]),
              ),
            )}
            readOnly={!draft}
            onChange={(path, text) => setTexts((t) => ({ ...t, [path]: text }))}
          />
        </>
      )}
      <details className="rules-json" open={!amountsKind}>
        <summary>{amountsKind ? 'Övriga uppgifter (JSON)' : 'Innehåll (JSON)'}</summary>
        <TextAreaField
          id="regel-json"
          label="Dokumentets innehåll i JSON"
          hint={amountsKind ? 'Beloppen ovan ersätter beloppen här när du sparar.' : 'Samma fält som i regelfilen. Giltighet och källa anges ovan.'}
          readOnly={!draft}
          spellCheck={false}
          value={json}
          onChange={(e) => setJson(e.target.value)}
        />
      </details>
      {draft && (
        <div className="rules-actions">
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void save()}>
            Spara utkast
          </button>
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => setConfirming(true)}>
            Publicera …
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={busy}
            onClick={() => void run('Utkastet är tillbakadraget.', () => api.post(`/admin/rules/versions/${version.id}/withdraw`))}
          >
            Dra tillbaka utkastet
          </button>
        </div>
      )}
      {draft && confirming && (
        <div className="notice rules-confirm" role="alertdialog" aria-labelledby="publicera-fraga" tabIndex={-1} ref={confirmRef}>
          <p id="publicera-fraga">
            <strong>Publicera versionen som gäller {validityText({ validFrom, validTo: validTo || null })}?</strong> Beräkningar och brev från det datumet använder den. En publicerad version kan inte
            ändras efteråt. Det du har ändrat sparas först.
          </p>
          <div className="rules-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={async () => {
                setConfirming(false);
                if (await save()) await run('Versionen är publicerad.', () => api.post(`/admin/rules/versions/${version.id}/publish`));
              }}
            >
              Ja, publicera
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
              Avbryt
            </button>
          </div>
        </div>
      )}
      {draft && doc.normPreview && <NormPreview versionId={version.id} />}
      {draft && doc.letterPreview && <LetterPreview versionId={version.id} />}
    </section>
  );
}

function NormPreview({ versionId }: { versionId: string }) {
  const [month, setMonth] = useState('');
  const [adults, setAdults] = useState('1');
  const [children, setChildren] = useState('0');
  const [rent, setRent] = useState('');
  const [result, setResult] = useState<NormResult | null>(null);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [submits, setSubmits] = useState(0);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSubmits((n) => n + 1);
    const errs: SummaryError[] = [];
    if (!/^\d{4}-\d{2}$/.test(month)) errs.push({ fieldId: 'prov-manad', message: 'Välj en månad.' });
    const rentOre = rent.trim() ? parseKronor(rent) : 0;
    if (rentOre === null) errs.push({ fieldId: 'prov-hyra', message: 'Skriv hyran i kronor, till exempel 6 500.' });
    setErrors(errs);
    if (errs.length) return;
    const birthYear = Number(month.slice(0, 4)) - 8;
    try {
      setResult(
        await api.post<NormResult>(`/admin/rules/versions/${versionId}/preview/norm`, {
          month,
          adults: [{ id: 'a1', role: 'applicant' }, ...(adults === '2' ? [{ id: 'a2', role: 'coApplicant' }] : [])],
          children: Array.from({ length: Number(children) }, (_, i) => ({ id: `b${i + 1}`, birthDate: `${birthYear}-06-01` })),
          costs: rentOre ? [{ type: 'rent', amount: rentOre }] : [],
        }),
      );
    } catch (x) {
      setResult(null);
      setErrors([{ fieldId: 'prov-manad', message: errorMessage(x) }, ...(x instanceof ApiError ? x.fields.map((f) => ({ message: f.message })) : [])]);
    }
  }

  return (
    <section className="rules-preview" aria-labelledby="provrakning">
      <h3 id="provrakning" className="h4">
        Provräkna med utkastet
      </h3>
      <p>Räkna ut normen för ett hushåll och en månad med utkastet, som om det vore publicerat. Ingenting sparas.</p>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} focusKey={submits} level={4} />
        <TextField
          id="prov-manad"
          label="Månad"
          hint="Skriv år och månad, till exempel 2027-01."
          inputMode="numeric"
          autoComplete="off"
          value={month}
          onChange={(e) => setMonth(e.target.value)}
          error={errors.find((x) => x.fieldId === 'prov-manad')?.message}
        />
        <SelectField id="prov-vuxna" label="Vuxna i hushållet" value={adults} onChange={(e) => setAdults(e.target.value)}>
          <option value="1">1 vuxen</option>
          <option value="2">2 vuxna</option>
        </SelectField>
        <SelectField id="prov-barn" label="Barn (8 år)" value={children} onChange={(e) => setChildren(e.target.value)}>
          {[0, 1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </SelectField>
        <TextField
          id="prov-hyra"
          label="Hyra per månad (kronor)"
          inputMode="decimal"
          value={rent}
          onChange={(e) => setRent(e.target.value)}
          error={errors.find((x) => x.fieldId === 'prov-hyra')?.message}
        />
        <div className="form-actions">
          <button type="submit" className="button button-secondary">
            Provräkna
          </button>
        </div>
      </form>
      {result && (
        <table className="data-table" aria-live="polite">
          <caption>
            Provräkning {result.month}
            {result.guidelines ? `, riktlinjer ${result.guidelines.id}` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Post</th>
              <th scope="col">Belopp</th>
            </tr>
          </thead>
          <tbody>
            {result.lines.map((l, i) => (
              <tr key={i}>
                <td>{l.explanation}</td>
                <td className="num">{formatKronor(l.amount)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">Bistånd</th>
              <td className="num">
                <strong>{formatKronor(result.totals.assistance)}</strong>
              </td>
            </tr>
          </tbody>
        </table>
      )}
    </section>
  );
}

function LetterPreview({ versionId }: { versionId: string }) {
  const [texts, setTexts] = useState<RuleLetterPreview['texts'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="rules-preview" aria-labelledby="brevforhandsvisning">
      <h3 id="brevforhandsvisning" className="h4">
        Förhandsgranska brevet
      </h3>
      <p>Brevmallens texter med exempeluppgifter, så som det sparade utkastet ser ut. Spara utkastet först om du har ändrat något.</p>
      <button
        type="button"
        className="button button-secondary"
        onClick={async () => {
          try {
            setError(null);
            setTexts((await api.post<RuleLetterPreview>(`/admin/rules/versions/${versionId}/preview/letter`)).texts);
          } catch (x) {
            setError(errorMessage(x));
          }
        }}
      >
        Visa brevets texter
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {texts && (
        <dl className="rules-preview-text">
          {texts.map((t) => (
            <div key={t.path}>
              <dt>{t.label}</dt>
              <dd>{t.text}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
