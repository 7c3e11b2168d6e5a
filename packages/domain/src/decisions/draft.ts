/**
 * Decision drafts: the proposal from the calculation, the per-item table, and the checks (a draft can be saved
 * incomplete; it can be decided only when complete). Field paths are relative to the decision ("/periodStart").
 */
import { adultsOf, ageOn, HOUSING_COST_ID, type ApplicationContent } from '../assessment/content.ts';
import { ALREADY_GRANTED_KEY_PREFIX, type CalculationRow, type EffectiveCalculation } from '../assessment/calculation.ts';
import { appealPlan, itemHasOwnBasis, routeOfKind } from './appeal-route.ts';
import { COST_TYPE_LABELS } from '../norm/labels.ts';
import type { DecisionDraft, DecisionItem, DecisionOutcome, DecisionLegalReference, SupportObstacleChoice, SupportObstacleCode } from './types.ts';

export interface DecisionFieldError {
  path: string;
  message: string;
}

/** Items for the whole period: the norm, each cost (applied / approved / refused) and the incomes deducted. */
export function itemsFromCalculation(content: ApplicationContent, calc: EffectiveCalculation, previous: readonly DecisionItem[] = []): DecisionItem[] {
  const reasonOf = (key: string) => previous.find((p) => p.key === key)?.reason ?? '';
  const costs = new Map<string, DecisionItem>();
  const provisional = new Map<string, Map<string, string>>();
  const noteProvisional = (itemKey: string, r: CalculationRow) => {
    if (r.source?.status !== 'provisional') return;
    const m = provisional.get(itemKey) ?? new Map<string, string>();
    m.set(r.source.id, r.source.text);
    provisional.set(itemKey, m);
  };
  let norm = 0;
  let income = 0;
  let granted = 0;
  for (const m of calc.months) {
    for (const r of m.rows) {
      if (r.kind === 'personal' || r.kind === 'common') {
        norm += r.value;
        noteProvisional('norm', r);
      } else if (r.key.startsWith(ALREADY_GRANTED_KEY_PREFIX)) {
        granted += r.value;
      } else if (r.kind === 'income' || r.kind === 'jobStimulus') {
        income += r.value;
        noteProvisional('income', r);
      } else {
        const item = costs.get(r.key) ?? { key: r.key, kind: 'cost' as const, label: costLabel(content, r.key, r.costType), applied: 0, approved: 0, refused: 0, reason: reasonOf(r.key) };
        if (r.costType) item.costType = r.costType;
        item.applied += r.applied ?? 0;
        item.approved += r.value;
        costs.set(r.key, item);
        noteProvisional(r.key, r);
      }
    }
  }
  for (const item of costs.values()) item.refused = item.applied > item.approved ? item.applied - item.approved : 0;
  const items: DecisionItem[] = [
    { key: 'norm', kind: 'norm', label: 'Riksnorm (personliga och gemensamma kostnader)', applied: norm, approved: norm, refused: 0, reason: '' },
    ...costs.values(),
    { key: 'income', kind: 'income', label: 'Inkomster som räknas av', applied: income, approved: income, refused: 0, reason: '' },
  ];
  // A tilläggsansökan: what earlier decisions already granted for the period is deducted like an income.
  if (granted > 0) items.push({ key: 'granted', kind: 'income', label: 'Bistånd som redan har beviljats för perioden', applied: granted, approved: granted, refused: 0, reason: '' });
  for (const item of items) {
    // The worker's choice of legal basis survives a refresh from a new calculation.
    const basis = previous.find((p) => p.key === item.key)?.legalBasisId;
    if (basis) item.legalBasisId = basis;
    const sources = provisional.get(item.key);
    if (sources) item.provisionalSources = [...sources].map(([id, text]) => ({ id, text }));
  }
  return items;
}

function costLabel(content: ApplicationContent, key: string, type: DecisionItem['costType']): string {
  const id = key.slice(5);
  if (id === HOUSING_COST_ID) return COST_TYPE_LABELS.rent;
  const note = content.costs.find((c) => c.id === id)?.note;
  const base = type ? COST_TYPE_LABELS[type] : 'Kostnad';
  return note ? `${base} (${note.slice(0, 60)})` : base;
}

export const totalApplied = (items: readonly DecisionItem[]) => items.filter((i) => i.kind !== 'income').reduce((s, i) => s + i.applied, 0);
export const totalRefused = (items: readonly DecisionItem[]) => items.reduce((s, i) => s + i.refused, 0);

export interface DraftContext {
  /** The application's period (YYYY-MM-DD). */
  applicationPeriod: { start: string; end: string };
  content: ApplicationContent;
  legalReferences: readonly DecisionLegalReference[];
  obstacleCodes: readonly SupportObstacleCode[];
}

/** Checks that hold for every saved draft: period inside the application, known references and codes, item keys. */
export function checkDraft(d: DecisionDraft, ctx: DraftContext): DecisionFieldError[] {
  const errors: DecisionFieldError[] = [];
  const { start, end } = ctx.applicationPeriod;
  if (d.periodStart < start || d.periodStart > end) errors.push({ path: '/periodStart', message: `Beslutets period ska ligga inom ansökans period (${start} – ${end}).` });
  if (d.periodEnd < start || d.periodEnd > end) errors.push({ path: '/periodEnd', message: `Beslutets period ska ligga inom ansökans period (${start} – ${end}).` });
  if (d.periodEnd < d.periodStart) errors.push({ path: '/periodEnd', message: 'Periodens slut kan inte ligga före dess start.' });
  d.legalBasisIds.forEach((id, i) => {
    const ref = ctx.legalReferences.find((r) => r.id === id);
    if (!ref?.use.includes('decision')) errors.push({ path: `/legalBasisIds/${i}`, message: 'Okänt lagrum.' });
  });
  if (new Set(d.legalBasisIds).size !== d.legalBasisIds.length) errors.push({ path: '/legalBasisIds', message: 'Samma lagrum är valt flera gånger.' });
  d.items.forEach((item, i) => {
    if (!item.legalBasisId) return;
    const ref = ctx.legalReferences.find((r) => r.id === item.legalBasisId);
    if (!itemHasOwnBasis(item)) errors.push({ path: `/items/${i}/legalBasisId`, message: 'Inkomster räknas av och har inget eget lagrum.' });
    else if (!ref || !routeOfKind(ref.appealBasis))
      errors.push({ path: `/items/${i}/legalBasisId`, message: 'Välj 12 kap. 1 §, 12 kap. 2 § eller 12 kap. 5 § (eller motsvarande) – lagrummet avgör hur raden kan överklagas.' });
    else if (!d.legalBasisIds.includes(ref.id)) errors.push({ path: `/items/${i}/legalBasisId`, message: `Lagrummet för raden (${ref.text}) ska också vara valt bland beslutets lagrum.` });
  });
  const adults = adultsOf(ctx.content).map((a) => a.ref);
  d.supportObstacles.forEach((s, i) => {
    if (!adults.includes(s.adult)) errors.push({ path: `/supportObstacles/${i}/adult`, message: 'Den vuxna finns inte i ansökan.' });
    if (!ctx.obstacleCodes.some((c) => c.code === s.code)) errors.push({ path: `/supportObstacles/${i}/code`, message: 'Okänt försörjningshinder.' });
  });
  if (d.recoveryBasis) {
    const ref = ctx.legalReferences.find((r) => r.id === d.recoveryBasis!.legalReferenceId);
    if (!ref?.use.includes('recovery')) errors.push({ path: '/recoveryBasis/legalReferenceId', message: 'Välj ett lagrum för återkrav.' });
  }
  return errors;
}

const MIN_REASONS = 20;

/** Everything a decision needs before it is made (FL 31–32 §§, försörjningshinder, child perspective). */
export function checkReadyToDecide(d: DecisionDraft, ctx: DraftContext): DecisionFieldError[] {
  const errors = checkDraft(d, ctx);
  const refused = totalRefused(d.items);
  switch (d.outcome) {
    case 'granted':
      if (d.amount <= 0) errors.push({ path: '/amount', message: 'Bifall ska ha ett belopp större än 0 kr. Välj avslag om inget beviljas.' });
      if (refused > 0) errors.push({ path: '/outcome', message: 'Någon kostnad beviljas inte fullt ut: välj delavslag.' });
      break;
    case 'partlyRefused':
      if (d.amount <= 0) errors.push({ path: '/amount', message: 'Delavslag ska ha ett belopp större än 0 kr. Välj avslag om inget beviljas.' });
      if (refused <= 0 && d.amount >= d.systemAmount) errors.push({ path: '/outcome', message: 'Ingen del av ansökan avslås: välj bifall.' });
      break;
    case 'refused':
    case 'dismissed':
      if (d.amount !== 0) errors.push({ path: '/amount', message: 'Vid avslag och avvisning är beloppet 0 kr.' });
      break;
  }
  if (d.amount !== d.systemAmount && d.amountReason.trim().length === 0) {
    errors.push({ path: '/amountReason', message: 'Beloppet skiljer sig från beräkningen: skriv varför.' });
  }
  if (d.outcome === 'partlyRefused' || d.outcome === 'granted') {
    d.items.forEach((item, i) => {
      if (item.refused > 0 && item.reason.trim().length === 0) errors.push({ path: `/items/${i}/reason`, message: `Skriv skälet till att ${item.label.toLowerCase()} inte beviljas fullt ut.` });
    });
  }
  if (d.legalBasisIds.length === 0) errors.push({ path: '/legalBasisIds', message: 'Ange vilket lagrum beslutet grundar sig på (förvaltningslagen 32 §).' });
  else errors.push(...appealBasisErrors(d, ctx));
  if (d.reasons.trim().length < MIN_REASONS)
    errors.push({ path: '/reasons', message: 'Skriv en motivering som anger vilka regler som har tillämpats och vilka omständigheter som har varit avgörande (förvaltningslagen 32 §).' });
  const adults = adultsOf(ctx.content);
  adults.forEach((a, i) => {
    if (!d.supportObstacles.some((s) => s.adult === a.ref)) {
      errors.push({ path: `/supportObstacles/${i}`, message: `Ange försörjningshinder för ${a.ref === 'applicant' ? 'sökande' : 'medsökande'}.` });
    }
  });
  if (ctx.content.children.length > 0) {
    if (!d.childPerspective || d.childPerspective.consideration.trim().length < 10) {
      errors.push({ path: '/childPerspective/consideration', message: 'Det finns barn i hushållet: beskriv hur barnens situation har beaktats i beslutet.' });
    }
  }
  if (d.recoveryBasis && d.recoveryBasis.text.trim().length === 0) errors.push({ path: '/recoveryBasis/text', message: 'Beskriv grunden för återkrav.' });
  // A repayment ground is stated when assistance is granted; a refusal grants nothing that could be repaid.
  if (d.recoveryBasis && (d.outcome === 'refused' || d.outcome === 'dismissed')) {
    errors.push({ path: '/recoveryBasis', message: 'En grund för återbetalning kan bara anges när bistånd beviljas. Ta bort den eller ändra beslutet.' });
  }
  return errors;
}

/**
 * The appeal instructions follow the legal basis, so it must be settled: at least one reference that decides the route,
 * and when the decision has references of both routes (12 kap. 1 or 5 § and 12 kap. 2 §) every item says which it is
 * decided under, and each route is used by some item.
 */
function appealBasisErrors(d: DecisionDraft, ctx: DraftContext): DecisionFieldError[] {
  const basis = d.legalBasisIds.map((id) => ctx.legalReferences.find((r) => r.id === id)).filter((r): r is DecisionLegalReference => !!r);
  const routes = new Set(basis.map((r) => routeOfKind(r.appealBasis)).filter((r) => r !== null));
  if (routes.size === 0) {
    return [{ path: '/legalBasisIds', message: 'Ange om beslutet fattas enligt 12 kap. 1 §, 12 kap. 2 § eller 12 kap. 5 § socialtjänstlagen. Det avgör hur beslutet kan överklagas (35 kap. 1 §).' }];
  }
  if (routes.size < 2) return [];
  const errors: DecisionFieldError[] = [];
  d.items.forEach((item, i) => {
    if (itemHasOwnBasis(item) && !item.legalBasisId) {
      errors.push({ path: `/items/${i}/legalBasisId`, message: `Beslutet har lagrum som överklagas på olika sätt: ange vilket lagrum ${item.label.toLowerCase()} beslutas enligt.` });
    }
  });
  if (errors.length === 0 && d.items.some(itemHasOwnBasis)) {
    const plan = appealPlan(basis, d.items);
    for (const route of routes) {
      if (plan.items.some((it) => it.route === route)) continue;
      const ref = basis.find((r) => routeOfKind(r.appealBasis) === route)!;
      errors.push({ path: `/legalBasisIds/${d.legalBasisIds.indexOf(ref.id)}`, message: `Ingen rad beslutas enligt ${ref.text}. Välj lagrummet på en rad eller ta bort det från beslutet.` });
    }
  }
  return errors;
}

/** Child perspective prefilled with the household's children. */
export function childPerspectiveFor(content: ApplicationContent, previous: import('./types.ts').ChildPerspective | null): import('./types.ts').ChildPerspective | null {
  if (content.children.length === 0) return null;
  return {
    children: content.children.map((c) => ({ id: c.id, name: c.name, birthDate: c.birthDate })),
    consideration: previous?.consideration ?? '',
    childSpokenTo: previous?.childSpokenTo ?? false,
    spokenToNote: previous?.spokenToNote ?? '',
  };
}

/** Default försörjningshinder: the previous decision's for the same adult. */
export function defaultObstacles(content: ApplicationContent, previous: readonly SupportObstacleChoice[]): SupportObstacleChoice[] {
  const out: SupportObstacleChoice[] = [];
  for (const a of adultsOf(content)) {
    const prev = previous.find((p) => p.adult === a.ref);
    if (prev) out.push({ adult: a.ref, personId: a.adult.personId, code: prev.code });
  }
  return out;
}

/** Outcome proposed for a new draft (avvisning is never proposed: the worker chooses it). */
export function proposedOutcome(calc: EffectiveCalculation): DecisionOutcome {
  return calc.outcome;
}

/** Ages of the children on the first day of the period, for texts. */
export function childAges(content: ApplicationContent, date: string): number[] {
  return content.children.map((c) => ageOn(c.birthDate, date));
}
