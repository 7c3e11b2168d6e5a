/**
 * The norm calculation: input → result, no I/O, no clock. See docs/rules/normberakning.md for the rules in Swedish.
 *
 * Order of lines: personal (adults, then children in input order), common, costs (input order), incomes (input
 * order), job stimulus (one line per person in `jobStimulus` with income from employment).
 *
 * Sum rules (always hold):
 *   totals.personal = Σ personal lines, totals.common = Σ common lines, totals.norm = personal + common,
 *   totals.costs = Σ cost lines (approved amounts), totals.need = norm + costs,
 *   totals.income = Σ income lines + Σ jobStimulus lines (the latter are negative),
 *   totals.assistance = max(0, need − income) = proposal.amount.
 */
import { NormInputError, NormRuleMissingError } from './errors.ts';
import { COST_LABEL_BY_INDEX, INCOME_LABEL_BY_INDEX, costTypeFlags } from './labels.ts';
import { formatKr, formatKrThen, krSuffixes, mulDivRoundKronaHalfDown, mulDivRoundKronaHalfUp } from './money.ts';
import { capRowIndex, type MonthRules, type PreparedCapRow, type PreparedCell, type PreparedGuidelines, type RuleSet } from './rules.ts';
import { COST_TYPES, INCOME_TYPES, type NormLine, type NormResult, type NormWarning, type ProposalOutcome } from './types.ts';
import { documentsForFacts, type AdultFacts } from './documents.ts';
import {
  CHILD_PATHS,
  COST_PATHS,
  INCOME_PATHS,
  JOB_STIMULUS_PATHS,
  acquireValidated,
  releaseValidated,
  validateInto,
  type ValidatedNormInput,
} from './validate.ts';

/** Stable rule ids used on the lines (documented in docs/rules/normberakning.md). */
export const NORM_RULE_IDS = {
  adultSingle: 'RN-ADULT-SINGLE',
  adultCouple: 'RN-ADULT-COUPLE',
  child: 'RN-CHILD',
  childNoLunch: 'RN-CHILD-NO-LUNCH',
  childPartTime: 'RN-CHILD-PART-TIME',
  childCapped: 'RN-CHILD-CAPPED',
  common: 'RN-COMMON',
  commonLarge: 'RN-COMMON-LARGE',
  commonShared: 'RN-COMMON-SHARED',
  costApproved: 'COST-APPROVED',
  costWithinCap: 'COST-WITHIN-CAP',
  costCapped: 'COST-CAPPED',
  costManual: 'COST-MANUAL',
  costSubletNotApproved: 'COST-SUBLET-NOT-APPROVED',
  incomeCounted: 'INC-COUNTED',
  incomeChildEarnings: 'INC-CHILD-EARNINGS',
  jobStimulus: 'INC-JOB-STIMULUS',
} as const;

const R = NORM_RULE_IDS;

const DEFAULT_MANUAL_BY_INDEX: readonly boolean[] = costTypeFlags(['other']);

// Fixed beginnings of the cost and income explanations, per type (the label without a description), so that a line's
// text is a few concatenations.
const COST_APPROVED_PREFIX: readonly string[] = COST_LABEL_BY_INDEX.map((label) => `${label}: ansökt och godkänt `);
const COST_APPLIED_PREFIX: readonly string[] = COST_LABEL_BY_INDEX.map((label) => `${label}: ansökt `);
const COST_LABEL_SPACE: readonly string[] = COST_LABEL_BY_INDEX.map((label) => `${label} `);
const INCOME_FOR_PREFIX: readonly string[] = INCOME_LABEL_BY_INDEX.map((label) => `${label} för `);

/** By age (tables end at 30 years at most): the warning for lunch at preschool given for a child of school age. */
const LUNCH_NOT_APPLICABLE_TEXT: readonly string[] = Array.from(
  { length: 31 },
  (_, age) => ` är ${age} år: riksnormen har ett belopp utan lunch bara för yngre barn (skollunchen är avgiftsfri). Det vanliga beloppet har använts.`,
);
const LUNCH_PATHS: readonly string[] = CHILD_PATHS.map((path) => `${path}/lunchAtPreschool`);

// Fixed text after an amount, for formatKrThen (the most frequent explanations only; see krSuffixes).
const COUNTED_AS_INCOME = krSuffixes(' räknas som inkomst.');
const NO_CAP_FOR_TYPE = krSuffixes(' (riktlinjerna har inget tak för kostnadstypen).');
const NOT_TRIED = krSuffixes(' (inte prövat mot kommunala riktlinjer).');
const EXCESS_NOT_APPROVED = krSuffixes(' godkänns inte utan en särskild skälighetsprövning.');
const NEED_OPEN = krSuffixes(' (behov ');
const MINUS_INCOME = krSuffixes(' − inkomster ');
const CLOSE_END = krSuffixes(').');
const CLOSE_NEXT = krSuffixes('). ');
const COVERS_NEED = krSuffixes(') täcker behovet (');
const REFUSED_END = krSuffixes('). Förslag: avslag.');
const OF = krSuffixes(' av ');
const PARTLY_END = krSuffixes('): delavslag.');

function unverifiedWarning(cell: PreparedCell, path: string): NormWarning {
  return {
    type: 'UNVERIFIED_TABLE_VALUE',
    message: `Beloppet ${formatKr(cell.amount)} (${cell.source.id}, ${cell.source.cell}) är inte verifierat mot författningstexten. Kontrollera det innan beslut.`,
    path,
  };
}

/** Explanation of a part-time child's amount (memoised on the cell by days at home and days in the month). */
function partTimeText(cell: PreparedCell, amount: number, days: number, daysInMonth: number): string {
  const key = (daysInMonth - 28) * 32 + days;
  let text = cell.proratedText[key];
  if (text === undefined) {
    text = `${cell.explanation} Barnet bor hemma ${days} av månadens ${daysInMonth} dagar: ${formatKr(cell.amount)} × ${days}/${daysInMonth} = ${formatKr(amount)} (avrundat till hela kronor).`;
    cell.proratedText[key] = text;
  }
  return text;
}

/**
 * Explanation of the calculation's share of a larger household's common costs (memoised on the household size's cell
 * by persons in the calculation and whether they are one adult without a sambo).
 */
function sharedCommonText(common: PreparedCell, amount: number, size: number, inCalculation: number, loneAdult: boolean): string {
  const key = inCalculation * 2 + (loneAdult ? 1 : 0);
  let text = common.proratedText[key];
  if (text === undefined) {
    const who = loneAdult
      ? 'en vuxen som delar hushåll med andra utan att vara sambo får ensamståendes personliga kostnader och sin andel av hushållets gemensamma kostnader'
      : 'personerna i beräkningen får sin andel av hushållets gemensamma kostnader';
    text = `${common.explanation} Hushållet har ${size} personer, varav ${inCalculation} ingår i beräkningen (${who}): ${formatKr(common.amount)} × ${inCalculation}/${size} = ${formatKr(amount)} (avrundat till hela kronor).`;
    common.proratedText[key] = text;
  }
  return text;
}

/**
 * Calculate the norm, approved costs, counted income and the assistance for one month.
 *
 * @param rules the rule set (see buildRuleSet)
 * @param input a NormInput; validated at run time (it usually comes from JSON)
 * @throws NormInputError with field paths for invalid input; NormRuleMissingError when the rule data needed is missing
 */
export function calculateNorm(rules: RuleSet, input: unknown): NormResult {
  const v = acquireValidated();
  try {
    validateInto(v, rules, input);
    return calculate(v);
  } finally {
    releaseValidated(v);
  }
}

function calculate(v: ValidatedNormInput): NormResult {
  const m = v.rules!;
  const lines: NormLine[] = [];
  const warnings: NormWarning[] = m.baseWarnings.length > 0 ? m.baseWarnings.slice() : [];
  const applicant = v.applicant;
  const coApplicant = v.coApplicant;

  // Municipal guidelines.
  let g: PreparedGuidelines | undefined;
  if (v.municipality !== null) g = m.guidelines.get(v.municipality);
  const partTimeCounts = v.partTimeCounts >= 0 ? v.partTimeCounts === 1 : g ? g.partTimeChildrenCount : true;

  // --- Personal costs ---------------------------------------------------------------------------------------------
  let personal = 0;
  if (coApplicant !== null) {
    const c = m.couple;
    lines.push({ kind: 'personal', persons: [applicant, coApplicant], amount: c.amount, rule: R.adultCouple, explanation: c.explanation, source: c.source, inputPath: '/adults' });
    personal += c.amount;
    if (c.unverified) warnings.push(unverifiedWarning(c, '/adults'));
  } else {
    const c = m.single;
    lines.push({ kind: 'personal', person: applicant, amount: c.amount, rule: R.adultSingle, explanation: c.explanation, source: c.source, inputPath: '/adults' });
    personal += c.amount;
    if (c.unverified) warnings.push(unverifiedWarning(c, '/adults'));
  }
  const persons: string[] = coApplicant !== null ? [applicant, coApplicant] : [applicant];
  if (v.childCount > 0) personal += addChildLines(v, m, lines, warnings, persons, partTimeCounts);

  // --- Common household costs -------------------------------------------------------------------------------------
  const inCalculation = persons.length;
  let size = inCalculation;
  if (v.householdSize !== 0) {
    if (v.householdSize < inCalculation) {
      throw new NormInputError([
        {
          path: '/householdSize',
          message: `Hushållet kan inte vara mindre än antalet personer i beräkningen (${inCalculation}). Ange det totala antalet personer som delar hushållet.`,
        },
      ]);
    }
    size = v.householdSize;
  }
  const common = m.commonBySize[size]!;
  if (common.unverified) warnings.push(unverifiedWarning(common, '/householdSize'));
  let commonAmount: number;
  if (size > inCalculation) {
    commonAmount = mulDivRoundKronaHalfUp(common.amount, inCalculation, size);
    const explanation = sharedCommonText(common, commonAmount, size, inCalculation, inCalculation === 1 && coApplicant === null);
    lines.push({ kind: 'common', persons, amount: commonAmount, rule: R.commonShared, explanation, source: common.source, inputPath: '/householdSize' });
  } else {
    commonAmount = common.amount;
    lines.push({
      kind: 'common',
      persons,
      amount: commonAmount,
      rule: size > m.largestCommonSize ? R.commonLarge : R.common,
      explanation: common.explanation,
      source: common.source,
    });
  }

  // --- Reasonable costs -------------------------------------------------------------------------------------------
  let costs = 0;
  let costsApplied = 0;
  let reducedCount = 0;
  if (v.costCount > 0) {
    addCostLines(v, m, g, lines, warnings);
    for (let i = 0; i < v.costCount; i++) {
      const applied = v.costAmount[i]!;
      const approved = v.costApproved[i]!;
      costs += approved;
      costsApplied += applied;
      if (approved < applied) reducedCount++;
    }
  }

  // --- Incomes and jobbstimulans ----------------------------------------------------------------------------------
  let income = 0;
  if (v.incomeCount > 0) {
    income = addIncomeLines(v, m, lines, warnings);
    income -= addJobStimulusLines(v, m, lines);
  }

  // --- Conditions of the regime, expected documents, provisional data (none of them before 2027 / July 2026) ---------
  let barred = false;
  if (m.lawfulResidence !== null) barred = lawfulResidenceWarnings(v, m, warnings);
  if (v.adultFactsGiven && m.expectedDocuments.length > 0) expectedDocumentWarnings(v, m, warnings);
  if (m.hasProvisional) warnings.push(provisionalLinesWarning(lines));

  // --- Totals and proposal ----------------------------------------------------------------------------------------
  const norm = personal + commonAmount;
  const need = norm + costs;
  const assistance = barred ? 0 : need > income ? need - income : 0;
  return {
    month: m.key,
    municipality: v.municipality,
    normTable: m.tableSummary,
    guidelines: g ? g.summary : null,
    household: { adults: coApplicant !== null ? 2 : 1, children: v.childCount, personsInCalculation: inCalculation, householdSize: size, daysInMonth: m.daysInMonth },
    lines,
    totals: { personal, common: commonAmount, norm, costsApplied, costs, need, income, assistance },
    proposal: barred ? barredProposal(m, need, income) : proposal(need, income, assistance, reducedCount, costsApplied, costs),
    warnings,
  };
}

/** Adults' ids with their input index (the applicant may be the second adult in the input). */
function adultsOf(v: ValidatedNormInput): { id: string; i: number }[] {
  const out: { id: string; i: number }[] = [];
  for (let i = 0; i < v.adultCount; i++) out.push({ id: v.ids[i]!, i });
  return out;
}

/**
 * The lawful-residence condition (2027): warnings for adults who are not, or not known to be, lawfully resident.
 * Returns true when assistance is barred: no adult is lawfully resident and the application is not for emergency aid.
 */
function lawfulResidenceWarnings(v: ValidatedNormInput, m: MonthRules, warnings: NormWarning[]): boolean {
  const ref = m.lawfulResidence!;
  const refText = `${ref.text}${ref.verified ? '' : ' (lagrummet är inte verifierat)'}`;
  const adults = adultsOf(v);
  const notLawful = adults.filter((a) => v.adultFactsGiven && v.adultLawful[a.i] === 0);
  const unknown = adults.filter((a) => !v.adultFactsGiven || v.adultLawful[a.i] === -1);
  if (v.emergencyAid) {
    warnings.push({
      type: 'EMERGENCY_AID',
      message: `Ansökan gäller nödbistånd: bara akuta behov ska täckas. Beräkningen visar hela normen; pröva vilka poster som är akuta. Nödbistånd kan lämnas även till den som inte vistas lagligen i Sverige (${refText}).`,
      path: '/emergencyAid',
    });
  }
  if (unknown.length > 0) {
    warnings.push({
      type: 'LAWFUL_RESIDENCE',
      message: `Uppgift saknas om ${unknown.map((a) => a.id).join(' och ')} vistas lagligen i Sverige (lawfullyResident). Från 1 januari 2027 lämnas ekonomiskt bistånd bara till den som vistas lagligen, utom nödbistånd (${refText}).`,
      path: unknown.length === 1 ? `/adults/${unknown[0]!.i}/lawfullyResident` : '/adults',
    });
  }
  for (const a of notLawful) {
    warnings.push({
      type: 'LAWFUL_RESIDENCE',
      message: v.emergencyAid
        ? `${a.id} vistas inte lagligen i Sverige: bara nödbistånd kan lämnas (${refText}).`
        : `${a.id} vistas inte lagligen i Sverige: ekonomiskt bistånd lämnas inte till ${a.id}, utom nödbistånd (${refText}).${notLawful.length < adults.length ? ' Hushållets andra vuxna vistas lagligen: pröva hur biståndet ska bestämmas.' : ''}`,
      path: `/adults/${a.i}/lawfullyResident`,
    });
  }
  return !v.emergencyAid && notLawful.length === adults.length;
}

/** The proposal when no adult is lawfully resident and the application is not for emergency aid. */
function barredProposal(m: MonthRules, need: number, income: number): NormResult['proposal'] {
  const ref = m.lawfulResidence!;
  return {
    outcome: 'refused',
    amount: 0,
    explanation: `Förslag: avslag. Ingen vuxen i hushållet vistas lagligen i Sverige, och ekonomiskt bistånd lämnas då bara som nödbistånd (${ref.text}). Beräknat behov ${formatKr(need)}, inkomster ${formatKr(income)}.`,
  };
}

/** One EXPECTED_DOCUMENT notice per document the adults' facts make expected in the month. */
function expectedDocumentWarnings(v: ValidatedNormInput, m: MonthRules, warnings: NormWarning[]): void {
  const adults: AdultFacts[] = [];
  for (let i = 0; i < v.adultCount; i++) if (v.adultIll[i] === 1) adults.push({ id: v.ids[i]!, reducedWorkCapacityDueToIllness: true });
  for (const d of documentsForFacts(m.expectedDocuments, adults)) {
    const i = v.ids.indexOf(d.person);
    warnings.push({
      type: 'EXPECTED_DOCUMENT',
      message: `${d.label} ska lämnas av ${d.person}: ${d.text} (${d.reference.text}${d.reference.verified ? '' : ', lagrummet är inte verifierat'}; gäller från ${d.validFrom}).`,
      path: `/adults/${i}/${d.fact}`,
    });
  }
}

/** Short Swedish name of a line for the list of provisional lines. */
function lineName(line: NormLine): string {
  switch (line.kind) {
    case 'personal':
      return line.person !== undefined ? `personliga kostnader ${line.person}` : `personliga kostnader ${line.persons?.join(' och ') ?? ''}`;
    case 'common':
      return 'gemensamma hushållskostnader';
    case 'cost':
      return `kostnad ${line.inputPath ?? ''}`;
    default:
      return `${line.kind === 'income' ? 'inkomst' : 'jobbstimulans'} ${line.person ?? ''}`;
  }
}

/** The PROVISIONAL_LINES warning: which lines use provisional data, and where that data comes from. */
function provisionalLinesWarning(lines: readonly NormLine[]): NormWarning {
  const named: string[] = [];
  const sources = new Map<string, string>();
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.source.status !== 'provisional') continue;
    named.push(`rad ${i + 1} (${lineName(l)}, ${l.source.id} ${l.source.cell})`);
    sources.set(`${l.source.id}/${l.source.text}`, `${l.source.id}: ${l.source.text}`);
  }
  const message =
    named.length === 0
      ? 'Månadens regeldata är delvis preliminära, men ingen rad i den här beräkningen använder preliminära belopp.'
      : `Preliminära belopp på ${named.length} av ${lines.length} rader: ${named.join('; ')}. Beloppen ersätts när de officiella beloppen läggs in i regeldata (JSON-filerna i packages/domain/rules), utan kodändring. Källa: ${[...sources.values()].join(' | ')}`;
  return { type: 'PROVISIONAL_LINES', message };
}

/** The children's lines; adds the children who count in the household size to `persons`. Returns their sum. */
function addChildLines(v: ValidatedNormInput, m: MonthRules, lines: NormLine[], warnings: NormWarning[], persons: string[], partTimeCounts: boolean): number {
  const dim = m.daysInMonth;
  let personal = 0;
  // The large-household cap (2027): only for a table that has one and a household with enough children.
  const cap = m.childCap !== null && v.childCount >= m.childCap.fromChild ? m.childCap : null;
  let capped: string[] | null = null;
  if (cap !== null) rankChildren(v);
  for (let i = 0; i < v.childCount; i++) {
    const id = v.childId[i]!;
    const age = v.childAge[i]!;
    const days = v.childDaysAtHome[i]!;
    const path = CHILD_PATHS[i]!;
    const ages = m.childByAge[age]!;
    let cell = ages.withLunch;
    let rule: string = R.child;
    if (v.childLunch[i] === 1) {
      if (ages.withoutLunch !== null) {
        cell = ages.withoutLunch;
        rule = R.childNoLunch;
      } else {
        warnings.push({ type: 'LUNCH_NOT_APPLICABLE', message: 'Barnet ' + id + LUNCH_NOT_APPLICABLE_TEXT[age]!, path: LUNCH_PATHS[i]! });
      }
    }
    if (cap !== null && v.childRank[i]! >= cap.fromChild - 1) {
      const lowered = cell === ages.withLunch ? ages.withLunchCapped : ages.withoutLunchCapped;
      if (lowered !== null) {
        cell = lowered;
        rule = R.childCapped;
        (capped ??= []).push(id);
      }
    }
    if (cell.unverified) warnings.push(unverifiedWarning(cell, path));
    let amount = cell.amount;
    let explanation = cell.explanation;
    if (days < dim) {
      amount = mulDivRoundKronaHalfUp(cell.amount, days, dim);
      rule = R.childPartTime;
      explanation = partTimeText(cell, amount, days, dim);
    }
    lines.push({ kind: 'personal', person: id, amount, rule, explanation, source: cell.source, inputPath: path });
    personal += amount;
    // A child counts in the household size when at home all month, or part of it unless the setting says otherwise.
    if (days >= dim || (partTimeCounts && days > 0)) persons.push(id);
  }
  if (capped !== null) {
    warnings.push({
      type: 'LARGE_HOUSEHOLD_CAP',
      message: `Bidragstaket för större hushåll: från hushållets ${cap!.fromChild}:e barn (räknat från det äldsta) räknas högst ${formatKr(cap!.amountPerChild)} per barn i personliga kostnader. Sänkt för ${capped.join(', ')}.${cap!.provisional ? ' Beloppet är preliminärt.' : ''} Källa: ${cap!.source}`,
      path: '/children',
    });
  }
  return personal;
}

/** v.childRank: each child's place counted from the oldest (earliest birth date; equal dates in input order). */
function rankChildren(v: ValidatedNormInput): void {
  const n = v.childCount;
  for (let i = 0; i < n; i++) {
    const birth = v.childBirth[i]!;
    let rank = 0;
    for (let j = 0; j < n; j++) {
      const other = v.childBirth[j]!;
      if (other < birth || (other === birth && j < i)) rank++;
    }
    v.childRank[i] = rank;
  }
}

/** The cost lines, each cost checked against the guidelines' caps; the approved amounts go to v.costApproved. */
function addCostLines(v: ValidatedNormInput, m: MonthRules, g: PreparedGuidelines | undefined, lines: NormLine[], warnings: NormWarning[]): void {
  const costCount = v.costCount;
  const childCount = v.childCount;
  const coApplicant = v.coApplicant;
  if (!g) {
    warnings.push({
      type: 'NO_GUIDELINES',
      message:
        v.municipality === null
          ? 'Ingen kommun angiven: kostnaderna har tagits med som ansökta utan prövning mot kommunala riktlinjer.'
          : `Vägen har inga riktlinjer för kommun ${v.municipality} som gäller ${m.key}: kostnaderna har tagits med som ansökta utan prövning mot tak.`,
    });
  } else if (g.exampleWarning) {
    warnings.push(g.exampleWarning);
  }
  const adultCount = coApplicant !== null ? 2 : 1;
  const manualByIndex = g ? g.manualByIndex : DEFAULT_MANUAL_BY_INDEX;
  const capsByIndex = g ? g.capsByIndex : null;
  // Amount of each capped type still available (several rows of one type share the cap); -1 = not used yet.
  const remaining = v.capRemaining;
  if (g) for (let t = 0; t < g.cappedTypes.length; t++) remaining[g.cappedTypes[t]!] = -1;
  const capRow = capRowIndex(adultCount, childCount);
  // The sublet condition (2027): looked at only when a rent is marked second-hand and the regime has the condition.
  const subletSource = v.secondHandCount > 0 ? m.subletSource : null;
  for (let i = 0; i < costCount; i++) {
    const ti = v.costType[i]!;
    const applied = v.costAmount[i]!;
    const description = v.costDescription[i];
    const path = COST_PATHS[i]!;
    if (subletSource !== null && v.costSecondHand[i] === 1 && v.costSubletApproved[i] !== 1) {
      subletNotApproved(v, i, subletSource, lines, warnings);
      continue;
    }
    // With a description the label is "Boendekostnad (hyra) (beskrivning)"; without, the prefixes are prepared.
    const label = description ? `${COST_LABEL_BY_INDEX[ti]} (${description})` : null;
    let approved = applied;
    let rule: string;
    let explanation: string;
    let source = m.costSourceByIndex[ti]!;
    if (manualByIndex[ti]) {
      const appliedKr = formatKr(applied);
      approved = 0;
      rule = R.costManual;
      const l = label ?? COST_LABEL_BY_INDEX[ti]!;
      explanation = `${l}: ansökt ${appliedKr}. Kostnaden godkänns inte automatiskt; handläggaren behöver pröva om den är skälig.`;
      warnings.push({ type: 'MANUAL_ASSESSMENT_REQUIRED', message: `${l} ${appliedKr} kräver en manuell skälighetsbedömning och har inte tagits med.`, path });
    } else {
      const cap = capsByIndex ? capsByIndex[ti] : undefined;
      const approvedPrefix = label === null ? COST_APPROVED_PREFIX[ti]! : `${label}: ansökt och godkänt `;
      if (!cap) {
        rule = R.costApproved;
        explanation = approvedPrefix + formatKrThen(applied, g ? NO_CAP_FOR_TYPE : NOT_TRIED);
      } else {
        const prepared = cap.rowFor[capRow]!;
        if (!prepared) {
          rule = R.costApproved;
          explanation = approvedPrefix + formatKr(applied) + ' (riktlinjerna har ingen rad för hushållets sammansättning).';
          warnings.push({
            type: 'NO_CAP_ROW',
            message: `Riktlinjerna ${g!.guidelines.id} har inget tak (${cap.cap.label}) för ${adultCount} vuxna och ${childCount} barn; ${label ?? COST_LABEL_BY_INDEX[ti]} har tagits med som ansökt.`,
            path,
          });
        } else {
          const row = prepared.row;
          source = prepared.source;
          const left = remaining[ti]! >= 0 ? remaining[ti]! : row.amount;
          if (applied <= left) {
            rule = R.costWithinCap;
            explanation = approvedPrefix + formatKr(applied) + prepared.withinText;
          } else {
            const appliedKr = formatKr(applied);
            approved = left;
            rule = R.costCapped;
            explanation = cappedExplanation(label, ti, appliedKr, prepared, left, applied);
            warnings.push({ type: 'EXPENSE_CAPPED', message: cappedWarning(label, ti, appliedKr, prepared, left), path });
          }
          remaining[ti] = left - approved;
        }
      }
    }
    v.costApproved[i] = approved;
    lines.push({ kind: 'cost', person: v.costPerson[i], costType: COST_TYPES[ti]!, applied, amount: approved, rule, explanation, source, inputPath: path });
  }
}

/** A second-hand rent whose sublet is not (known to be) approved: nothing is approved, with a line and a warning. */
function subletNotApproved(v: ValidatedNormInput, i: number, source: NormLine['source'], lines: NormLine[], warnings: NormWarning[]): void {
  const ti = v.costType[i]!;
  const applied = v.costAmount[i]!;
  const path = COST_PATHS[i]!;
  const description = v.costDescription[i];
  const label = description ? `${COST_LABEL_BY_INDEX[ti]} (${description})` : COST_LABEL_BY_INDEX[ti]!;
  const why =
    v.costSubletApproved[i] === 0
      ? 'andrahandsuthyrningen är inte godkänd av hyresvärden eller hyresnämnden'
      : 'det är inte angivet att andrahandsuthyrningen är godkänd av hyresvärden eller hyresnämnden (subletApproved)';
  v.costApproved[i] = 0;
  lines.push({
    kind: 'cost',
    person: v.costPerson[i],
    costType: COST_TYPES[ti]!,
    applied,
    amount: 0,
    rule: R.costSubletNotApproved,
    explanation: `${label}: ansökt ${formatKr(applied)}, godkänt 0 kr. Bostaden hyrs i andra hand och ${why}; från 1 januari 2027 räknas en hyra i andra hand bara när uthyrningen är godkänd (${source.legalReference}).`,
    source,
    inputPath: path,
  });
  warnings.push({ type: 'SUBLET_NOT_APPROVED', message: `${label} ${formatKr(applied)} har inte tagits med: ${why}.`, path: `${path}/${v.costSubletApproved[i] === 0 ? 'subletApproved' : 'secondHand'}` });
}

/** The income lines (a child's earnings partly exempt). Returns the counted income. */
function addIncomeLines(v: ValidatedNormInput, m: MonthRules, lines: NormLine[], warnings: NormWarning[]): number {
  const params = m.regime.parameters;
  const childExempt = m.childExemptByIncome;
  let income = 0;
  const incomeCount = v.incomeCount;
  // Earnings so far this year by child id, in an object without a prototype: a child may be called "constructor".
  let childEarningsUsed: Record<string, number> | null = null;
  for (let i = 0; i < incomeCount; i++) {
    const ti = v.incomeType[i]!;
    const amount = v.incomeAmount[i]!;
    const person = v.incomePerson[i]!;
    const childIndex = v.incomeChild[i]!;
    const path = INCOME_PATHS[i]!;
    if (childIndex >= 0 && childExempt[ti] && params.childEarningsExemptPrisbasbelopp > 0) {
      const pbb = m.prisbasbelopp;
      if (!pbb || !m.prisbasbeloppSource) {
        throw new NormRuleMissingError(
          [{ path, message: `Prisbasbelopp för ${m.year} saknas i regeldata; undantaget för barns arbetsinkomst kan inte beräknas.` }],
          `Prisbasbelopp för ${m.year} saknas i regeldata.`,
        );
      }
      const childId = v.childId[childIndex]!;
      const earningsThisYear = v.childEarnings[childIndex]!;
      const limit = pbb.amount * params.childEarningsExemptPrisbasbelopp;
      childEarningsUsed ??= Object.create(null) as Record<string, number>;
      let before = childEarningsUsed[childId];
      if (before === undefined) {
        if (earningsThisYear < 0) {
          warnings.push({
            type: 'CHILD_EARNINGS_ASSUMED',
            message: `Barnets (${childId}) arbetsinkomster tidigare i år är inte angivna; de har räknats som 0 kr. Ange earningsThisYear för ett säkert undantag.`,
            path: `${CHILD_PATHS[childIndex]}/earningsThisYear`,
          });
        }
        before = earningsThisYear < 0 ? 0 : earningsThisYear;
      }
      const exemptLeft = limit > before ? limit - before : 0;
      const exempt = amount < exemptLeft ? amount : exemptLeft;
      const counted = amount - exempt;
      childEarningsUsed[childId] = before + amount;
      const limitText = params.childEarningsExemptPrisbasbelopp === 1 ? `ett prisbasbelopp (${formatKr(limit)})` : `${params.childEarningsExemptPrisbasbelopp} prisbasbelopp (${formatKr(limit)})`;
      lines.push({
        kind: 'income',
        person,
        incomeType: INCOME_TYPES[ti]!,
        applied: amount,
        amount: counted,
        rule: R.incomeChildEarnings,
        explanation: `${INCOME_LABEL_BY_INDEX[ti]} för barnet ${person}: ${formatKr(amount)}. Arbetsinkomst för barn och skolungdomar under 21 år som bor hemma räknas bara till den del den överstiger ${limitText} per kalenderår; tidigare i år ${formatKr(before)}, undantaget nu ${formatKr(exempt)}. ${formatKr(counted)} räknas som inkomst.`,
        source: m.prisbasbeloppSource,
        inputPath: path,
      });
      income += counted;
    } else {
      lines.push({
        kind: 'income',
        person,
        incomeType: INCOME_TYPES[ti]!,
        applied: amount,
        amount,
        rule: R.incomeCounted,
        explanation: INCOME_FOR_PREFIX[ti]! + person + ': ' + formatKrThen(amount, COUNTED_AS_INCOME),
        source: m.regimeSources.incomes,
        inputPath: path,
      });
      income += amount;
    }
  }
  return income;
}

/** One line per person with jobbstimulans and income from employment. Returns the total deduction. */
function addJobStimulusLines(v: ValidatedNormInput, m: MonthRules, lines: NormLine[]): number {
  const params = m.regime.parameters;
  const pct = params.jobStimulusPercent;
  const jobStimulusTypes = m.jobStimulusByIncome;
  let deductions = 0;
  const incomeCount = v.incomeCount;
  for (let j = 0; j < v.jobStimulusCount && pct > 0; j++) {
    const person = v.jobStimulus[j]!;
    let employment = 0;
    for (let i = 0; i < incomeCount; i++) {
      if (v.incomePerson[i] === person && jobStimulusTypes[v.incomeType[i]!]) employment += v.incomeAmount[i]!;
    }
    if (employment === 0) continue;
    // The counted part is rounded to whole kronor (half down), so the deduction is 25 % rounded half up for
    // whole-krona incomes and counted income never falls when income rises.
    // For amounts under 2 kr the rounded part could exceed the income itself, hence the min.
    const rounded = mulDivRoundKronaHalfDown(employment, 100 - pct, 100);
    const counted = rounded < employment ? rounded : employment;
    const deduction = employment - counted;
    const line: NormLine = {
      kind: 'jobStimulus',
      person,
      applied: employment,
      amount: -deduction,
      rule: R.jobStimulus,
      explanation: `Jobbstimulans för ${person}: ${pct} % av inkomsten av anställning (${formatKr(employment)}) räknas inte. ${formatKr(deduction)} dras av från inkomsterna; ${formatKr(counted)} räknas.`,
      source: m.regimeSources.jobStimulus,
      inputPath: JOB_STIMULUS_PATHS[j]!,
    };
    if (params.jobStimulusIncomeTypes.length === 1) line.incomeType = params.jobStimulusIncomeTypes[0]!;
    lines.push(line);
    deductions += deduction;
  }
  return deductions;
}

/** The proposal: outcome and its explanation. */
function proposal(need: number, income: number, assistance: number, reducedCount: number, costsApplied: number, costs: number): NormResult['proposal'] {
  let outcome: ProposalOutcome;
  let explanation: string;
  if (assistance === 0) {
    outcome = 'refused';
    explanation = 'Hushållets inkomster (' + formatKrThen(income, COVERS_NEED) + formatKrThen(need, REFUSED_END);
  } else if (reducedCount > 0) {
    outcome = 'partlyRefused';
    explanation =
      'Förslag: bistånd med ' +
      formatKrThen(assistance, NEED_OPEN) +
      formatKrThen(need, MINUS_INCOME) +
      formatKrThen(income, CLOSE_NEXT) +
      (reducedCount === 1 ? 'En ansökt kostnad har' : `${reducedCount} ansökta kostnader har`) +
      ' inte godkänts fullt ut (' +
      formatKrThen(costsApplied - costs, OF) +
      formatKrThen(costsApplied, PARTLY_END);
  } else {
    outcome = 'granted';
    explanation = 'Förslag: bistånd med ' + formatKrThen(assistance, NEED_OPEN) + formatKrThen(need, MINUS_INCOME) + formatKrThen(income, CLOSE_END);
  }
  return { outcome, amount: assistance, explanation };
}

/** Explanation of a cost above its cap; `label` is null when the cost has no description. */
function cappedExplanation(label: string | null, ti: number, appliedKr: string, prepared: PreparedCapRow, left: number, applied: number): string {
  if (label === null && left === prepared.row.amount) {
    return COST_APPLIED_PREFIX[ti]! + appliedKr + prepared.cappedText + formatKrThen(applied - left, EXCESS_NOT_APPROVED);
  }
  const otherItems = left < prepared.row.amount ? ` (varav ${formatKr(prepared.row.amount - left)} redan godkänt på andra rader av samma typ)` : '';
  return `${label ?? COST_LABEL_BY_INDEX[ti]}: ansökt ${appliedKr}, godkänt ${formatKr(left)} enligt ${prepared.capText}${otherItems}. Överstigande ${formatKr(applied - left)} godkänns inte utan en särskild skälighetsprövning.`;
}

/** The EXPENSE_CAPPED warning's message. */
function cappedWarning(label: string | null, ti: number, appliedKr: string, prepared: PreparedCapRow, left: number): string {
  if (label === null && left === prepared.row.amount) return COST_LABEL_SPACE[ti]! + appliedKr + prepared.cappedWarningText;
  return `${label ?? COST_LABEL_BY_INDEX[ti]} ${appliedKr} överstiger ${prepared.capText}; ${formatKr(left)} har godkänts. Pröva om den högre kostnaden är skälig.`;
}
