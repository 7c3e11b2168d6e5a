/**
 * The norm calculation: input → result, no I/O, no clock. See docs/rules/normberakning.md for the rules in Swedish.
 *
 * One pass, in the order of the regulation: the riksnorm's personal costs (adults, then children in input order), the
 * household's common costs, the reasonable costs (input order), the incomes (input order) and jobbstimulans (one line
 * per person in `jobStimulus` with income from employment), then the regime's conditions, the totals and the proposal.
 *
 * Sum rules (always hold):
 *   totals.personal = Σ personal lines, totals.common = Σ common lines, totals.norm = personal + common,
 *   totals.costs = Σ cost lines (approved amounts), totals.need = norm + costs,
 *   totals.income = Σ income lines + Σ jobStimulus lines (the latter are negative),
 *   totals.assistance = max(0, need − income) = proposal.amount.
 */
import { formatKronor } from '../money.ts';
import { ageOnFirstOfMonth, parseDate } from './dates.ts';
import { documentsForFacts } from './expected-documents.ts';
import { NormInputError, NormRuleMissingError } from './errors.ts';
import { checkNormInput, type NormChildInput, type NormCostInput, type NormInput } from './input.ts';
import { COST_TYPE_HEADING, COST_TYPE_LABELS, INCOME_TYPE_LABELS } from './labels.ts';
import { mulDivRoundKronaHalfDown, mulDivRoundKronaHalfUp } from './money.ts';
import type { CapRowRule, ChildAgeCells, MonthGuidelines, MonthRules, RuleSet, TableCell } from './rule-types.ts';
import type { CostType, LineSource, NormLine, NormResult, NormWarning } from './types.ts';

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

/** Money as text in explanations: "3 910 kr", "1 234,56 kr". */
const kr = (ore: number): string => formatKronor(ore);

/** What the calculation collects as it goes. */
interface Calculation {
  input: NormInput;
  m: MonthRules;
  /** The municipality's guidelines in force in the month, if any. */
  g: MonthGuidelines | undefined;
  lines: NormLine[];
  warnings: NormWarning[];
}

/**
 * Calculate the norm, approved costs, counted income and the assistance for one month.
 *
 * @param rules the rule set (see buildRuleSet)
 * @param input a NormInput; validated at run time (it usually comes from JSON)
 * @throws NormInputError with field paths for invalid input; NormRuleMissingError when the rule data needed is missing
 */
export function calculateNorm(rules: RuleSet, input: unknown): NormResult {
  const checked = checkNormInput(rules, input);
  const m = checked.rules;
  const c: Calculation = {
    input: checked.input,
    m,
    g: checked.input.municipality !== undefined ? m.guidelines.get(checked.input.municipality) : undefined,
    lines: [],
    warnings: [],
  };
  const { lines, warnings } = c;
  const applicant = adultWithRole(c.input, 'applicant')!;
  const coApplicant = adultWithRole(c.input, 'coApplicant');
  const children = c.input.children ?? [];

  if (m.table.provisional) {
    warnings.push({
      type: 'PROVISIONAL_TABLE',
      message: `Tabellen ${m.table.id} är preliminär: beloppen kan ändras när de officiella beloppen har verifierats. Källa: ${m.table.source}`,
    });
  }

  // 1. The riksnorm's personal costs: the adults, then each child.
  let personal = adultsLine(c, applicant, coApplicant);
  /** The persons in the calculation who count in the household size for the common costs. */
  const persons: string[] = coApplicant !== null ? [applicant, coApplicant] : [applicant];
  if (children.length > 0) personal += childLines(c, children, persons);

  // 2. The household's common costs, by household size.
  const inCalculation = persons.length;
  const size = householdSize(c.input, inCalculation);
  const common = commonLine(c, persons, size, coApplicant === null);

  // 3. Reasonable costs, each tried against the municipal guidelines.
  const costs = c.input.costs ?? [];
  let approvedCosts = 0;
  let appliedCosts = 0;
  let reducedCount = 0;
  if (costs.length > 0) {
    const approved = costLines(c, costs, coApplicant !== null ? 2 : 1, children.length);
    for (let i = 0; i < costs.length; i++) {
      approvedCosts += approved[i]!;
      appliedCosts += costs[i]!.amount;
      if (approved[i]! < costs[i]!.amount) reducedCount++;
    }
  }

  // 4. Incomes, less jobbstimulans.
  let income = 0;
  const incomes = c.input.incomes ?? [];
  if (incomes.length > 0) {
    income = incomeLines(c, children);
    income -= jobStimulusLines(c);
  }

  // 5. The regime's conditions, expected documents, provisional data (none of them before 2027 / July 2026).
  const barred = m.lawfulResidence !== null && lawfulResidence(c);
  if (m.expectedDocuments.length > 0) expectedDocumentWarnings(c);
  if (m.hasProvisional) warnings.push(provisionalLinesWarning(lines));

  // 6. Totals and proposal.
  const norm = personal + common;
  const need = norm + approvedCosts;
  const assistance = barred ? 0 : need > income ? need - income : 0;
  const g = c.g?.guidelines;
  return {
    month: m.key,
    municipality: c.input.municipality ?? null,
    normTable: {
      id: m.table.id,
      title: m.table.title,
      provisional: m.table.provisional,
      verified: m.table.verified,
      regime: m.regime.id,
      validFrom: m.table.validFrom,
      validTo: m.table.validTo,
      source: m.table.source,
    },
    guidelines: g ? { id: g.id, municipality: g.municipality, example: g.example, validFrom: g.validFrom, validTo: g.validTo, source: g.source } : null,
    household: { adults: coApplicant !== null ? 2 : 1, children: children.length, personsInCalculation: inCalculation, householdSize: size, daysInMonth: m.daysInMonth },
    lines,
    totals: { personal, common, norm, costsApplied: appliedCosts, costs: approvedCosts, need, income, assistance },
    proposal: barred ? barredProposal(m, need, income) : proposal(need, income, assistance, reducedCount, appliedCosts, approvedCosts),
    warnings,
  };
}

/** The id of the adult with the role, or null. */
function adultWithRole(input: NormInput, role: 'applicant' | 'coApplicant'): string | null {
  for (const a of input.adults) if (a.role === role) return a.id;
  return null;
}

function unverifiedWarning(cell: TableCell, path: string): NormWarning {
  return {
    type: 'UNVERIFIED_TABLE_VALUE',
    message: `Beloppet ${kr(cell.amount)} (${cell.source.id}, ${cell.source.cell}) är inte verifierat mot författningstexten. Kontrollera det innan beslut.`,
    path,
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// 1. Personal costs
// ---------------------------------------------------------------------------------------------------------------------

/** The adults' personal costs: a single adult's amount, or the couple's amount together. Returns the amount. */
function adultsLine(c: Calculation, applicant: string, coApplicant: string | null): number {
  const { m } = c;
  if (coApplicant !== null) {
    const cell = m.couple;
    c.lines.push({
      kind: 'personal',
      persons: [applicant, coApplicant],
      amount: cell.amount,
      rule: R.adultCouple,
      explanation: `Personliga kostnader för makar/sambor tillsammans enligt ${m.tableName}: ${kr(cell.amount)}.`,
      source: cell.source,
      inputPath: '/adults',
    });
    if (cell.unverified) c.warnings.push(unverifiedWarning(cell, '/adults'));
    return cell.amount;
  }
  const cell = m.single;
  c.lines.push({
    kind: 'personal',
    person: applicant,
    amount: cell.amount,
    rule: R.adultSingle,
    explanation: `Personliga kostnader för en ensamstående vuxen enligt ${m.tableName}: ${kr(cell.amount)}.`,
    source: cell.source,
    inputPath: '/adults',
  });
  if (cell.unverified) c.warnings.push(unverifiedWarning(cell, '/adults'));
  return cell.amount;
}

/**
 * Each child's personal costs by age: without lunch for a preschool child who eats lunch there, lowered by the
 * large-household cap from the cap's n:th child (counted from the oldest), prorated by the days the child lives at
 * home. Adds the children who count in the household size to `persons`. Returns the sum.
 */
function childLines(c: Calculation, children: readonly NormChildInput[], persons: string[]): number {
  const { m, input } = c;
  const dim = m.daysInMonth;
  const partTimeCounts = input.options?.partTimeChildrenCountInHouseholdSize ?? c.g?.guidelines.settings.partTimeChildrenCountInHouseholdSize ?? true;
  // The large-household cap (2027): only for a table that has one and a household with enough children.
  const cap = m.childCap !== null && children.length >= m.childCap.fromChild ? m.childCap : null;
  const capped: string[] = [];
  let sum = 0;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    const path = `/children/${i}`;
    const age = ageOnFirstOfMonth(parseDate(child.birthDate)!, m.year, m.month);
    const ages = m.childByAge[age]!;
    let cell = ages.withLunch;
    let rule: string = R.child;
    let explanation = childExplanation(m, age, ages, false);
    if (child.lunchAtPreschool === true) {
      if (ages.withoutLunch !== null) {
        cell = ages.withoutLunch;
        rule = R.childNoLunch;
        explanation = childExplanation(m, age, ages, true);
      } else {
        c.warnings.push({
          type: 'LUNCH_NOT_APPLICABLE',
          message: `Barnet ${child.id} är ${age} år: riksnormen har ett belopp utan lunch bara för yngre barn (skollunchen är avgiftsfri). Det vanliga beloppet har använts.`,
          path: `${path}/lunchAtPreschool`,
        });
      }
    }
    if (cap !== null && rankFromOldest(children, i) >= cap.fromChild - 1) {
      const lowered = cell === ages.withLunch ? ages.withLunchCapped : ages.withoutLunchCapped;
      if (lowered !== null) {
        cell = lowered;
        rule = R.childCapped;
        explanation = `${explanation.slice(0, -1)}; bidragstaket för större hushåll: från hushållets ${cap.fromChild}:e barn (räknat från det äldsta) räknas högst ${kr(cap.amountPerChild)} per barn${cap.provisional ? ' (preliminärt belopp)' : ''}: ${kr(cap.amountPerChild)}.`;
        capped.push(child.id);
      }
    }
    if (cell.unverified) c.warnings.push(unverifiedWarning(cell, path));
    const days = child.daysAtHome ?? dim;
    let amount = cell.amount;
    if (days < dim) {
      amount = mulDivRoundKronaHalfUp(cell.amount, days, dim);
      rule = R.childPartTime;
      explanation += ` Barnet bor hemma ${days} av månadens ${dim} dagar: ${kr(cell.amount)} × ${days}/${dim} = ${kr(amount)} (avrundat till hela kronor).`;
    }
    c.lines.push({ kind: 'personal', person: child.id, amount, rule, explanation, source: cell.source, inputPath: path });
    sum += amount;
    // A child counts in the household size when at home all month, or part of it unless the setting says otherwise.
    if (days >= dim || (partTimeCounts && days > 0)) persons.push(child.id);
  }
  if (cap !== null && capped.length > 0) {
    c.warnings.push({
      type: 'LARGE_HOUSEHOLD_CAP',
      message: `Bidragstaket för större hushåll: från hushållets ${cap.fromChild}:e barn (räknat från det äldsta) räknas högst ${kr(cap.amountPerChild)} per barn i personliga kostnader. Sänkt för ${capped.join(', ')}.${cap.provisional ? ' Beloppet är preliminärt.' : ''} Källa: ${cap.source}`,
      path: '/children',
    });
  }
  return sum;
}

function childExplanation(m: MonthRules, age: number, ages: ChildAgeCells, withoutLunch: boolean): string {
  const who = `barn ${age} år (åldersgrupp ${ages.group.label})`;
  return withoutLunch
    ? `Personliga kostnader för ${who} som äter lunch i förskolan på vardagar (belopp utan lunch 5 dagar/vecka) enligt ${m.tableName}: ${kr(ages.withoutLunch!.amount)}.`
    : `Personliga kostnader för ${who} enligt ${m.tableName}: ${kr(ages.withLunch.amount)}.`;
}

/** A child's place among the children counted from the oldest (0 = oldest; equal birth dates in input order). */
function rankFromOldest(children: readonly NormChildInput[], i: number): number {
  const birth = children[i]!.birthDate;
  let rank = 0;
  for (let j = 0; j < children.length; j++) {
    const other = children[j]!.birthDate;
    if (other < birth || (other === birth && j < i)) rank++;
  }
  return rank;
}

// ---------------------------------------------------------------------------------------------------------------------
// 2. Common household costs
// ---------------------------------------------------------------------------------------------------------------------

/** The household size for the common costs: the persons in the calculation, or the larger household they share. */
function householdSize(input: NormInput, inCalculation: number): number {
  if (input.householdSize === undefined) return inCalculation;
  if (input.householdSize < inCalculation) {
    throw new NormInputError([
      {
        path: '/householdSize',
        message: `Hushållet kan inte vara mindre än antalet personer i beräkningen (${inCalculation}). Ange det totala antalet personer som delar hushållet.`,
      },
    ]);
  }
  return input.householdSize;
}

/** The common costs for the household's size; the calculation's share when it shares a larger household. */
function commonLine(c: Calculation, persons: string[], size: number, noCoApplicant: boolean): number {
  const { m } = c;
  const cell = m.commonBySize[size]!;
  if (cell.unverified) c.warnings.push(unverifiedWarning(cell, '/householdSize'));
  const largest = m.table.commonByPersons.length;
  const explanation =
    size <= largest
      ? `Gemensamma hushållskostnader för ett hushåll med ${size} ${size === 1 ? 'person' : 'personer'} enligt ${m.tableName}: ${kr(cell.amount)}.`
      : `Gemensamma hushållskostnader för ett hushåll med ${size} personer enligt ${m.tableName}: ${kr(m.table.commonByPersons[largest - 1]!)} för ${largest} personer + ${size - largest} × ${kr(m.table.extraPerson)} för varje person utöver ${largest} = ${kr(cell.amount)}.`;
  const inCalculation = persons.length;
  if (size > inCalculation) {
    const amount = mulDivRoundKronaHalfUp(cell.amount, inCalculation, size);
    const who =
      inCalculation === 1 && noCoApplicant
        ? 'en vuxen som delar hushåll med andra utan att vara sambo får ensamståendes personliga kostnader och sin andel av hushållets gemensamma kostnader'
        : 'personerna i beräkningen får sin andel av hushållets gemensamma kostnader';
    c.lines.push({
      kind: 'common',
      persons,
      amount,
      rule: R.commonShared,
      explanation: `${explanation} Hushållet har ${size} personer, varav ${inCalculation} ingår i beräkningen (${who}): ${kr(cell.amount)} × ${inCalculation}/${size} = ${kr(amount)} (avrundat till hela kronor).`,
      source: cell.source,
      inputPath: '/householdSize',
    });
    return amount;
  }
  c.lines.push({ kind: 'common', persons, amount: cell.amount, rule: size > largest ? R.commonLarge : R.common, explanation, source: cell.source });
  return cell.amount;
}

// ---------------------------------------------------------------------------------------------------------------------
// 3. Reasonable costs
// ---------------------------------------------------------------------------------------------------------------------

/**
 * One line per cost: approved as applied, up to the guidelines' cap for the household (several costs of one type share
 * the cap), or not at all when a caseworker must judge it (manual types) or, from 2027, a second-hand rent whose
 * sublet is not approved. Returns the approved amount of each cost.
 */
function costLines(c: Calculation, costs: readonly NormCostInput[], adults: number, children: number): number[] {
  const { m, g } = c;
  if (!g) {
    c.warnings.push({
      type: 'NO_GUIDELINES',
      message:
        c.input.municipality === undefined
          ? 'Ingen kommun angiven: kostnaderna har tagits med som ansökta utan prövning mot kommunala riktlinjer.'
          : `Vägen har inga riktlinjer för kommun ${c.input.municipality} som gäller ${m.key}: kostnaderna har tagits med som ansökta utan prövning mot tak.`,
    });
  } else if (g.guidelines.example) {
    c.warnings.push({ type: 'EXAMPLE_GUIDELINES', message: `Riktlinjerna ${g.guidelines.id} är exempelkonfiguration, inte kommunens beslutade riktlinjer.` });
  }
  const manualTypes: readonly CostType[] = g ? g.guidelines.settings.manualAssessmentCostTypes : ['other'];
  /** Per capped type: the part of the cap not yet approved on an earlier line. */
  const capLeft = new Map<CostType, number>();

  return costs.map((cost, i) => {
    const path = `/costs/${i}`;
    const applied = cost.amount;
    const label = cost.description ? `${COST_TYPE_LABELS[cost.type]} (${cost.description})` : COST_TYPE_LABELS[cost.type];

    // From 2027: rent in second hand counts only when the sublet is approved.
    if (m.subletSource !== null && cost.secondHand === true && cost.subletApproved !== true) {
      const why =
        cost.subletApproved === false
          ? 'andrahandsuthyrningen är inte godkänd av hyresvärden eller hyresnämnden'
          : 'det är inte angivet att andrahandsuthyrningen är godkänd av hyresvärden eller hyresnämnden (subletApproved)';
      costLine(
        c,
        cost,
        i,
        0,
        R.costSubletNotApproved,
        `${label}: ansökt ${kr(applied)}, godkänt 0 kr. Bostaden hyrs i andra hand och ${why}; från 1 januari 2027 räknas en hyra i andra hand bara när uthyrningen är godkänd (${m.subletSource.legalReference}).`,
        m.subletSource,
      );
      c.warnings.push({
        type: 'SUBLET_NOT_APPROVED',
        message: `${label} ${kr(applied)} har inte tagits med: ${why}.`,
        path: `${path}/${cost.subletApproved === false ? 'subletApproved' : 'secondHand'}`,
      });
      return 0;
    }

    const regimeSource = m.regimeSources[COST_TYPE_HEADING[cost.type]];
    if (manualTypes.includes(cost.type)) {
      costLine(c, cost, i, 0, R.costManual, `${label}: ansökt ${kr(applied)}. Kostnaden godkänns inte automatiskt; handläggaren behöver pröva om den är skälig.`, regimeSource);
      c.warnings.push({ type: 'MANUAL_ASSESSMENT_REQUIRED', message: `${label} ${kr(applied)} kräver en manuell skälighetsbedömning och har inte tagits med.`, path });
      return 0;
    }

    const cap = g?.caps[cost.type];
    if (!cap) {
      const why = g ? ' (riktlinjerna har inget tak för kostnadstypen).' : ' (inte prövat mot kommunala riktlinjer).';
      costLine(c, cost, i, applied, R.costApproved, `${label}: ansökt och godkänt ${kr(applied)}${why}`, regimeSource);
      return applied;
    }

    const capRow = capRowFor(cap.rows, adults, children);
    if (!capRow) {
      costLine(c, cost, i, applied, R.costApproved, `${label}: ansökt och godkänt ${kr(applied)} (riktlinjerna har ingen rad för hushållets sammansättning).`, regimeSource);
      c.warnings.push({
        type: 'NO_CAP_ROW',
        message: `Riktlinjerna ${g!.guidelines.id} har inget tak (${cap.cap.label}) för ${adults} vuxna och ${children} barn; ${label} har tagits med som ansökt.`,
        path,
      });
      return applied;
    }

    const { row, source } = capRow;
    const capText = `riktlinjernas ${cap.cap.label} ${kr(row.amount)} (${row.label})`;
    const left = capLeft.get(cost.type) ?? row.amount;
    if (applied <= left) {
      capLeft.set(cost.type, left - applied);
      costLine(c, cost, i, applied, R.costWithinCap, `${label}: ansökt och godkänt ${kr(applied)}, inom ${capText}.`, source);
      return applied;
    }
    capLeft.set(cost.type, 0);
    const earlier = left < row.amount ? ` (varav ${kr(row.amount - left)} redan godkänt på andra rader av samma typ)` : '';
    costLine(
      c,
      cost,
      i,
      left,
      R.costCapped,
      `${label}: ansökt ${kr(applied)}, godkänt ${kr(left)} enligt ${capText}${earlier}. Överstigande ${kr(applied - left)} godkänns inte utan en särskild skälighetsprövning.`,
      source,
    );
    c.warnings.push({ type: 'EXPENSE_CAPPED', message: `${label} ${kr(applied)} överstiger ${capText}; ${kr(left)} har godkänts. Pröva om den högre kostnaden är skälig.`, path });
    return left;
  });
}

/** A cost's line: the amount approved, with the rule and its explanation. */
function costLine(c: Calculation, cost: NormCostInput, i: number, amount: number, rule: string, explanation: string, source: LineSource): void {
  c.lines.push({ kind: 'cost', person: cost.person, costType: cost.type, applied: cost.amount, amount, rule, explanation, source, inputPath: `/costs/${i}` });
}

/** The first cap row for a household of `adults` and `children`, or undefined. */
function capRowFor(rows: readonly CapRowRule[], adults: number, children: number): CapRowRule | undefined {
  for (const r of rows) {
    if (inRange(r.row.adults, adults) && inRange(r.row.children, children) && inRange(r.row.persons, adults + children)) return r;
  }
  return undefined;
}

function inRange(range: { min: number; max: number | null } | undefined, n: number): boolean {
  return range === undefined || (n >= range.min && (range.max === null || n <= range.max));
}

// ---------------------------------------------------------------------------------------------------------------------
// 4. Incomes and jobbstimulans
// ---------------------------------------------------------------------------------------------------------------------

/**
 * One line per income. A child's earnings of the exempt types count only above N prisbasbelopp per calendar year
 * (earlier months of the year and earlier lines of the month use up the exemption). Returns the counted income.
 */
function incomeLines(c: Calculation, children: readonly NormChildInput[]): number {
  const { m } = c;
  const params = m.regime.parameters;
  let income = 0;
  /** A child's earnings so far this year, by child id (no prototype: a child may be called "constructor"). */
  const earnedBefore: Record<string, number> = Object.create(null) as Record<string, number>;
  c.input.incomes!.forEach((inc, i) => {
    const path = `/incomes/${i}`;
    const label = INCOME_TYPE_LABELS[inc.type];
    const childIndex = indexOfChild(children, inc.person);
    if (childIndex < 0 || !params.childEarningsExemptIncomeTypes.includes(inc.type) || params.childEarningsExemptPrisbasbelopp === 0) {
      c.lines.push({
        kind: 'income',
        person: inc.person,
        incomeType: inc.type,
        applied: inc.amount,
        amount: inc.amount,
        rule: R.incomeCounted,
        explanation: `${label} för ${inc.person}: ${kr(inc.amount)} räknas som inkomst.`,
        source: m.regimeSources.incomes,
        inputPath: path,
      });
      income += inc.amount;
      return;
    }
    const pbb = m.prisbasbelopp;
    if (!pbb || !m.prisbasbeloppSource) {
      throw new NormRuleMissingError(
        [{ path, message: `Prisbasbelopp för ${m.year} saknas i regeldata; undantaget för barns arbetsinkomst kan inte beräknas.` }],
        `Prisbasbelopp för ${m.year} saknas i regeldata.`,
      );
    }
    const child = children[childIndex]!;
    let before = earnedBefore[child.id];
    if (before === undefined) {
      if (child.earningsThisYear === undefined) {
        c.warnings.push({
          type: 'CHILD_EARNINGS_ASSUMED',
          message: `Barnets (${child.id}) arbetsinkomster tidigare i år är inte angivna; de har räknats som 0 kr. Ange earningsThisYear för ett säkert undantag.`,
          path: `/children/${childIndex}/earningsThisYear`,
        });
      }
      before = child.earningsThisYear ?? 0;
    }
    const n = params.childEarningsExemptPrisbasbelopp;
    const limit = pbb.amount * n;
    const exempt = Math.min(inc.amount, Math.max(0, limit - before));
    const counted = inc.amount - exempt;
    earnedBefore[child.id] = before + inc.amount;
    const limitText = n === 1 ? `ett prisbasbelopp (${kr(limit)})` : `${n} prisbasbelopp (${kr(limit)})`;
    c.lines.push({
      kind: 'income',
      person: inc.person,
      incomeType: inc.type,
      applied: inc.amount,
      amount: counted,
      rule: R.incomeChildEarnings,
      explanation: `${label} för barnet ${inc.person}: ${kr(inc.amount)}. Arbetsinkomst för barn och skolungdomar under 21 år som bor hemma räknas bara till den del den överstiger ${limitText} per kalenderår; tidigare i år ${kr(before)}, undantaget nu ${kr(exempt)}. ${kr(counted)} räknas som inkomst.`,
      source: m.prisbasbeloppSource,
      inputPath: path,
    });
    income += counted;
  });
  return income;
}

/** The index of the child with the id, or −1. */
function indexOfChild(children: readonly NormChildInput[], id: string): number {
  for (let i = 0; i < children.length; i++) if (children[i]!.id === id) return i;
  return -1;
}

/**
 * Jobbstimulans: for each person in `jobStimulus` with income from employment, a share of that income is not counted.
 * One line per such person, with the deduction as a negative amount. Returns the total deduction.
 */
function jobStimulusLines(c: Calculation): number {
  const { m, input } = c;
  const params = m.regime.parameters;
  const pct = params.jobStimulusPercent;
  if (pct === 0) return 0;
  let deductions = 0;
  (input.jobStimulus ?? []).forEach((person, j) => {
    let employment = 0;
    for (const inc of input.incomes!) if (inc.person === person && params.jobStimulusIncomeTypes.includes(inc.type)) employment += inc.amount;
    if (employment === 0) return;
    // The counted part is rounded to whole kronor (half down), so the deduction is 25 % rounded half up for
    // whole-krona incomes and counted income never falls when income rises.
    // For amounts under 2 kr the rounded part could exceed the income itself, hence the min.
    const counted = Math.min(mulDivRoundKronaHalfDown(employment, 100 - pct, 100), employment);
    const deduction = employment - counted;
    const line: NormLine = {
      kind: 'jobStimulus',
      person,
      applied: employment,
      amount: -deduction,
      rule: R.jobStimulus,
      explanation: `Jobbstimulans för ${person}: ${pct} % av inkomsten av anställning (${kr(employment)}) räknas inte. ${kr(deduction)} dras av från inkomsterna; ${kr(counted)} räknas.`,
      source: m.regimeSources.jobStimulus,
      inputPath: `/jobStimulus/${j}`,
    };
    if (params.jobStimulusIncomeTypes.length === 1) line.incomeType = params.jobStimulusIncomeTypes[0]!;
    c.lines.push(line);
    deductions += deduction;
  });
  return deductions;
}

// ---------------------------------------------------------------------------------------------------------------------
// 5. Conditions of the regime, expected documents, provisional data
// ---------------------------------------------------------------------------------------------------------------------

/**
 * The lawful-residence condition (2027): warnings for adults who are not, or not known to be, lawfully resident.
 * Returns true when assistance is barred: no adult is lawfully resident and the application is not for emergency aid.
 */
function lawfulResidence(c: Calculation): boolean {
  const ref = c.m.lawfulResidence!;
  const refText = `${ref.text}${ref.verified ? '' : ' (lagrummet är inte verifierat)'}`;
  const adults = c.input.adults.map((a, i) => ({ id: a.id, i, lawful: a.lawfullyResident }));
  const notLawful = adults.filter((a) => a.lawful === false);
  const unknown = adults.filter((a) => a.lawful === undefined);
  const emergencyAid = c.input.emergencyAid === true;
  if (emergencyAid) {
    c.warnings.push({
      type: 'EMERGENCY_AID',
      message: `Ansökan gäller nödbistånd: bara akuta behov ska täckas. Beräkningen visar hela normen; pröva vilka poster som är akuta. Nödbistånd kan lämnas även till den som inte vistas lagligen i Sverige (${refText}).`,
      path: '/emergencyAid',
    });
  }
  if (unknown.length > 0) {
    c.warnings.push({
      type: 'LAWFUL_RESIDENCE',
      message: `Uppgift saknas om ${unknown.map((a) => a.id).join(' och ')} vistas lagligen i Sverige (lawfullyResident). Från 1 januari 2027 lämnas ekonomiskt bistånd bara till den som vistas lagligen, utom nödbistånd (${refText}).`,
      path: unknown.length === 1 ? `/adults/${unknown[0]!.i}/lawfullyResident` : '/adults',
    });
  }
  for (const a of notLawful) {
    c.warnings.push({
      type: 'LAWFUL_RESIDENCE',
      message: emergencyAid
        ? `${a.id} vistas inte lagligen i Sverige: bara nödbistånd kan lämnas (${refText}).`
        : `${a.id} vistas inte lagligen i Sverige: ekonomiskt bistånd lämnas inte till ${a.id}, utom nödbistånd (${refText}).${notLawful.length < adults.length ? ' Hushållets andra vuxna vistas lagligen: pröva hur biståndet ska bestämmas.' : ''}`,
      path: `/adults/${a.i}/lawfullyResident`,
    });
  }
  return !emergencyAid && notLawful.length === adults.length;
}

/** One EXPECTED_DOCUMENT notice per document the adults' facts make expected in the month. */
function expectedDocumentWarnings(c: Calculation): void {
  const adults = c.input.adults;
  for (const d of documentsForFacts(c.m.expectedDocuments, adults)) {
    c.warnings.push({
      type: 'EXPECTED_DOCUMENT',
      message: `${d.label} ska lämnas av ${d.person}: ${d.text} (${d.reference.text}${d.reference.verified ? '' : ', lagrummet är inte verifierat'}; gäller från ${d.validFrom}).`,
      path: `/adults/${adults.findIndex((a) => a.id === d.person)}/${d.fact}`,
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
  lines.forEach((l, i) => {
    if (l.source.status !== 'provisional') return;
    named.push(`rad ${i + 1} (${lineName(l)}, ${l.source.id} ${l.source.cell})`);
    sources.set(`${l.source.id}/${l.source.text}`, `${l.source.id}: ${l.source.text}`);
  });
  const message =
    named.length === 0
      ? 'Månadens regeldata är delvis preliminära, men ingen rad i den här beräkningen använder preliminära belopp.'
      : `Preliminära belopp på ${named.length} av ${lines.length} rader: ${named.join('; ')}. Beloppen ersätts när de officiella beloppen läggs in i regeldata (JSON-filerna i packages/domain/rules), utan kodändring. Källa: ${[...sources.values()].join(' | ')}`;
  return { type: 'PROVISIONAL_LINES', message };
}

// ---------------------------------------------------------------------------------------------------------------------
// 6. Proposal
// ---------------------------------------------------------------------------------------------------------------------

/** The proposal: outcome and its explanation. */
function proposal(need: number, income: number, assistance: number, reducedCount: number, costsApplied: number, costs: number): NormResult['proposal'] {
  if (assistance === 0) {
    return { outcome: 'refused', amount: 0, explanation: `Hushållets inkomster (${kr(income)}) täcker behovet (${kr(need)}). Förslag: avslag.` };
  }
  const granted = `Förslag: bistånd med ${kr(assistance)} (behov ${kr(need)} − inkomster ${kr(income)})`;
  if (reducedCount === 0) return { outcome: 'granted', amount: assistance, explanation: `${granted}.` };
  const reduced = reducedCount === 1 ? 'En ansökt kostnad har' : `${reducedCount} ansökta kostnader har`;
  return {
    outcome: 'partlyRefused',
    amount: assistance,
    explanation: `${granted}. ${reduced} inte godkänts fullt ut (${kr(costsApplied - costs)} av ${kr(costsApplied)}): delavslag.`,
  };
}

/** The proposal when no adult is lawfully resident and the application is not for emergency aid. */
function barredProposal(m: MonthRules, need: number, income: number): NormResult['proposal'] {
  return {
    outcome: 'refused',
    amount: 0,
    explanation: `Förslag: avslag. Ingen vuxen i hushållet vistas lagligen i Sverige, och ekonomiskt bistånd lämnas då bara som nödbistånd (${m.lawfulResidence!.text}). Beräknat behov ${kr(need)}, inkomster ${kr(income)}.`,
  };
}
