/**
 * Readable editors for the common rule documents: a municipality's guideline caps and a riksnorm table, amounts in
 * kronor (whole kronor, as in the rule files) read with the one money parser. Other documents use the JSON editor.
 */
import { formatKronor, kronorInputText, parseKronor } from '@vagen/domain/money.ts';
import { TextField } from '../../components/forms.tsx';

/** Texts of the amount fields as typed, keyed by their path in the document ("/caps/rent/rows/0/amount"). */
export type AmountTexts = Record<string, string>;

type Json = Record<string, unknown>;

function at(data: unknown, path: string): unknown {
  return path
    .split('/')
    .filter(Boolean)
    .reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Json)[k] : undefined), data);
}

/** Every amount of the document the editors show: its path and label. */
export function amountFields(kind: string, data: Json): { path: string; label: string; group: string }[] {
  const out: { path: string; label: string; group: string }[] = [];
  if (kind === 'municipalGuidelines') {
    for (const [type, cap] of Object.entries((data.caps ?? {}) as Record<string, { label?: string; rows?: { label?: string }[] }>)) {
      (cap.rows ?? []).forEach((row, i) => {
        out.push({ path: `/caps/${type}/rows/${i}/amount`, label: row.label ?? `rad ${i + 1}`, group: cap.label ?? type });
      });
    }
  } else if (kind === 'riksnorm') {
    out.push({ path: '/adults/single', label: 'Ensamstående vuxen', group: 'Vuxna' }, { path: '/adults/couple', label: 'Sammanboende vuxna (tillsammans)', group: 'Vuxna' });
    ((data.children ?? []) as { label?: string; withoutLunch?: unknown }[]).forEach((c, i) => {
      out.push({ path: `/children/${i}/amount`, label: `Barn ${c.label ?? i}`, group: 'Barn' });
      if (c.withoutLunch !== null && c.withoutLunch !== undefined) out.push({ path: `/children/${i}/withoutLunch`, label: `Barn ${c.label ?? i}, utan lunch i förskola/skola`, group: 'Barn' });
    });
    const common = (data.commonCosts ?? {}) as { byPersons?: unknown[] };
    (common.byPersons ?? []).forEach((_, i) => {
      out.push({ path: `/commonCosts/byPersons/${i}`, label: `${i + 1} ${i === 0 ? 'person' : 'personer'}`, group: 'Gemensamma hushållskostnader' });
    });
    out.push({ path: '/commonCosts/extraPerson', label: 'Per person utöver tabellen', group: 'Gemensamma hushållskostnader' });
  }
  return out.filter((f) => typeof at(data, f.path) === 'number');
}

export const hasAmountEditor = (kind: string) => kind === 'municipalGuidelines' || kind === 'riksnorm';

/** The field texts of a document's amounts (whole kronor in the file). */
export function amountTexts(kind: string, data: Json): AmountTexts {
  return Object.fromEntries(amountFields(kind, data).map((f) => [f.path, kronorInputText(Number(at(data, f.path)) * 100)]));
}

/** The document with the typed amounts put in, or the errors of the fields that are not whole kronor. */
export function applyAmounts(data: Json, texts: AmountTexts): { data: Json; errors: Record<string, string> } {
  const copy = structuredClone(data);
  const errors: Record<string, string> = {};
  for (const [path, text] of Object.entries(texts)) {
    const ore = parseKronor(text);
    if (ore === null || ore % 100 !== 0) {
      errors[path] = 'Skriv ett belopp i hela kronor, till exempel 4 500.';
      continue;
    }
    const keys = path.split('/').filter(Boolean);
    const last = keys.pop()!;
    const parent = keys.reduce<Json>((o, k) => o[k] as Json, copy);
    parent[last] = ore / 100;
  }
  return { data: copy, errors };
}

export const fieldId = (path: string) => `regel${path.replace(/[^A-Za-z0-9]+/g, '-')}`;

export function AmountsEditor({
  kind,
  data,
  texts,
  errors,
  readOnly,
  onChange,
}: {
  kind: string;
  data: Json;
  texts: AmountTexts;
  errors: Record<string, string>;
  readOnly: boolean;
  onChange: (path: string, text: string) => void;
}) {
  const fields = amountFields(kind, data);
  const groups = [...new Set(fields.map((f) => f.group))];
  return (
    <>
      {groups.map((group, gi) => (
        <table key={group} className="data-table rules-amounts">
          <caption id={`belopp-${gi}`}>{group}</caption>
          <thead>
            <tr>
              <th scope="col">Gäller</th>
              <th scope="col">Belopp per månad (kronor)</th>
            </tr>
          </thead>
          <tbody>
            {fields
              .filter((f) => f.group === group)
              .map((f) => (
                <tr key={f.path}>
                  <th scope="row">{f.label}</th>
                  <td className="rules-amount">
                    {readOnly ? (
                      formatKronor(Number(at(data, f.path)) * 100)
                    ) : (
                      <TextField
                        id={fieldId(f.path)}
                        label={`${group}: ${f.label}, kronor`}
                        inputMode="decimal"
                        autoComplete="off"
                        value={texts[f.path] ?? ''}
                        error={errors[f.path]}
                        onChange={(e) => onChange(f.path, e.target.value)}
                      />
                    )}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      ))}
    </>
  );
}
