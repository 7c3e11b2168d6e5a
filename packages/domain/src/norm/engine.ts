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
import { formatKr, mulDivRoundKronaHalfDown, mulDivRoundKronaHalfUp } from './money.ts';
import type { PreparedCap, PreparedCapRow, PreparedCell, PreparedGuidelines, RuleSet } from './rules.ts';
import { COST_TYPES, type NormLine, type NormResult, type NormWarning, type ProposalOutcome } from './types.ts';
import { COST_PATHS, INCOME_PATHS, JOB_STIMULUS_PATHS, validateForEngine, type ValidChild } from './validate.ts';

/** Stable rule ids used on the lines (documented in docs/rules/normberakning.md). */
export const NORM_RULE_IDS = {
  adultSingle: 'RN-ADULT-SINGLE',
  adultCouple: 'RN-ADULT-COUPLE',
  child: 'RN-CHILD',
  childNoLunch: 'RN-CHILD-NO-LUNCH',
  childPartTime: 'RN-CHILD-PART-TIME',
  common: 'RN-COMMON',
  commonLarge: 'RN-COMMON-LARGE',
  commonShared: 'RN-COMMON-SHARED',
  costApproved: 'COST-APPROVED',
  costWithinCap: 'COST-WITHIN-CAP',
  costCapped: 'COST-CAPPED',
  costManual: 'COST-MANUAL',
  incomeCounted: 'INC-COUNTED',
  incomeChildEarnings: 'INC-CHILD-EARNINGS',
  jobStimulus: 'INC-JOB-STIMULUS',
} as const;

const R = NORM_RULE_IDS;

function matches(range: { min: number; max: number | null } | undefined, n: number): boolean {
  return range === undefined || (n >= range.min && (range.max === null || n <= range.max));
}

function findCapRow(cap: PreparedCap, adults: number, children: number): PreparedCapRow | null {
  const persons = adults + children;
  const rows = cap.rows;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!.row;
    if (matches(row.adults, adults) && matches(row.children, children) && matches(row.persons, persons)) return rows[i]!;
  }
  return null;
}

const DEFAULT_MANUAL_BY_INDEX: readonly boolean[] = costTypeFlags(['other']);
const NO_REMAINING: readonly number[] = COST_TYPES.map(() => -1);

function unverifiedWarning(cell: PreparedCell, path: string): NormWarning {
  return {
    type: 'UNVERIFIED_TABLE_VALUE',
    message: `Beloppet ${formatKr(cell.amount)} (${cell.source.id}, ${cell.source.cell}) är inte verifierat mot författningstexten. Kontrollera det innan beslut.`,
    path,
  };
}

/**
 * Calculate the norm, approved costs, counted income and the assistance for one month.
 *
 * @param rules the rule set (see buildRuleSet)
 * @param input a NormInput; validated at run time (it usually comes from JSON)
 * @throws NormInputError with field paths for invalid input; NormRuleMissingError when the rule data needed is missing
 */
export function calculateNorm(rules: RuleSet, input: unknown): NormResult {
  const v = validateForEngine(rules, input);
  const m = v.rules;
  const lines: NormLine[] = [];
  const warnings: NormWarning[] = m.baseWarnings.length > 0 ? m.baseWarnings.slice() : [];
  const dim = m.daysInMonth;

  // Municipal guidelines.
  let g: PreparedGuidelines | undefined;
  if (v.municipality !== null) g = m.guidelines.get(v.municipality);
  const partTimeCounts = v.partTimeChildrenCountInHouseholdSize ?? g?.guidelines.settings.partTimeChildrenCountInHouseholdSize ?? true;

  // --- Personal costs: adults -------------------------------------------------------------------------------------
  let personal = 0;
  if (v.coApplicant !== null) {
    const c = m.couple;
    lines.push({ kind: 'personal', persons: [v.applicant, v.coApplicant], amount: c.amount, rule: R.adultCouple, explanation: c.explanation, source: c.source, inputPath: '/adults' });
    personal += c.amount;
    if (c.unverified) warnings.push(unverifiedWarning(c, '/adults'));
  } else {
    const c = m.single;
    lines.push({ kind: 'personal', person: v.applicant, amount: c.amount, rule: R.adultSingle, explanation: c.explanation, source: c.source, inputPath: '/adults' });
    personal += c.amount;
    if (c.unverified) warnings.push(unverifiedWarning(c, '/adults'));
  }

  // --- Personal costs: children -----------------------------------------------------------------------------------
  const persons: string[] = v.coApplicant !== null ? [v.applicant, v.coApplicant] : [v.applicant];
  const children = v.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    const ages = m.childByAge[child.age]!;
    let cell = ages.withLunch;
    let rule: string = R.child;
    if (child.lunchAtPreschool) {
      if (ages.withoutLunch !== null) {
        cell = ages.withoutLunch;
        rule = R.childNoLunch;
      } else {
        warnings.push({
          type: 'LUNCH_NOT_APPLICABLE',
          message: `Barnet ${child.id} är ${child.age} år: riksnormen har ett belopp utan lunch bara för yngre barn (skollunchen är avgiftsfri). Det vanliga beloppet har använts.`,
          path: `${child.path}/lunchAtPreschool`,
        });
      }
    }
    if (cell.unverified) warnings.push(unverifiedWarning(cell, child.path));
    let amount = cell.amount;
    let explanation = cell.explanation;
    if (child.daysAtHome < dim) {
      amount = mulDivRoundKronaHalfUp(cell.amount, child.daysAtHome, dim);
      rule = R.childPartTime;
      explanation = `${cell.explanation} Barnet bor hemma ${child.daysAtHome} av månadens ${dim} dagar: ${formatKr(cell.amount)} × ${child.daysAtHome}/${dim} = ${formatKr(amount)} (avrundat till hela kronor).`;
    }
    lines.push({ kind: 'personal', person: child.id, amount, rule, explanation, source: cell.source, inputPath: child.path });
    personal += amount;
    if (counts(child, dim, partTimeCounts)) persons.push(child.id);
  }

  // --- Common household costs -------------------------------------------------------------------------------------
  const inCalculation = persons.length;
  let size = inCalculation;
  if (v.householdSize !== null) {
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
    const who =
      inCalculation === 1 && v.coApplicant === null
        ? 'en vuxen som delar hushåll med andra utan att vara sambo får ensamståendes personliga kostnader och sin andel av hushållets gemensamma kostnader'
        : 'personerna i beräkningen får sin andel av hushållets gemensamma kostnader';
    lines.push({
      kind: 'common',
      persons,
      amount: commonAmount,
      rule: R.commonShared,
      explanation: `${common.explanation} Hushållet har ${size} personer, varav ${inCalculation} ingår i beräkningen (${who}): ${formatKr(common.amount)} × ${inCalculation}/${size} = ${formatKr(commonAmount)} (avrundat till hela kronor).`,
      source: common.source,
      inputPath: '/householdSize',
    });
  } else {
    commonAmount = common.amount;
    lines.push({
      kind: 'common',
      persons,
      amount: commonAmount,
      rule: size > m.table.commonByPersons.length ? R.commonLarge : R.common,
      explanation: common.explanation,
      source: common.source,
    });
  }

  // --- Reasonable costs -------------------------------------------------------------------------------------------
  let costs = 0;
  let costsApplied = 0;
  let reducedCount = 0;
  const costItems = v.costs;
  if (costItems.length > 0) {
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
    const adultCount = v.coApplicant !== null ? 2 : 1;
    const childCount = children.length;
    const manualByIndex = g ? g.manualByIndex : DEFAULT_MANUAL_BY_INDEX;
    const capsByIndex = g ? g.capsByIndex : null;
    // Amount of each capped type still available (several rows of one type share the cap); -1 = not used yet.
    let remaining: number[] | null = null;
    for (let i = 0; i < costItems.length; i++) {
      const item = costItems[i]!;
      const type = item.type;
      const ti = item.typeIndex;
      const path = COST_PATHS[i]!;
      const applied = item.amount;
      const label = item.description ? `${COST_LABEL_BY_INDEX[ti]} (${item.description})` : COST_LABEL_BY_INDEX[ti]!;
      let approved = applied;
      let rule: string;
      let explanation: string;
      let source = m.costSourceByIndex[ti]!;
      const appliedKr = formatKr(applied);
      if (manualByIndex[ti]) {
        approved = 0;
        rule = R.costManual;
        explanation = `${label}: ansökt ${appliedKr}. Kostnaden godkänns inte automatiskt; handläggaren behöver pröva om den är skälig.`;
        warnings.push({ type: 'MANUAL_ASSESSMENT_REQUIRED', message: `${label} ${appliedKr} kräver en manuell skälighetsbedömning och har inte tagits med.`, path });
      } else {
        const cap = capsByIndex ? capsByIndex[ti] : undefined;
        if (!cap) {
          rule = R.costApproved;
          explanation = g
            ? `${label}: ansökt och godkänt ${appliedKr} (riktlinjerna har inget tak för kostnadstypen).`
            : `${label}: ansökt och godkänt ${appliedKr} (inte prövat mot kommunala riktlinjer).`;
        } else {
          const prepared = findCapRow(cap, adultCount, childCount);
          if (!prepared) {
            rule = R.costApproved;
            explanation = `${label}: ansökt och godkänt ${appliedKr} (riktlinjerna har ingen rad för hushållets sammansättning).`;
            warnings.push({
              type: 'NO_CAP_ROW',
              message: `Riktlinjerna ${g!.guidelines.id} har inget tak (${cap.cap.label}) för ${adultCount} vuxna och ${childCount} barn; ${label} har tagits med som ansökt.`,
              path,
            });
          } else {
            const row = prepared.row;
            source = prepared.source;
            remaining ??= NO_REMAINING.slice();
            const left = remaining[ti]! >= 0 ? remaining[ti]! : row.amount;
            if (applied <= left) {
              rule = R.costWithinCap;
              explanation = `${label}: ansökt och godkänt ${appliedKr}${prepared.withinText}`;
            } else {
              approved = left;
              rule = R.costCapped;
              const otherItems = left < row.amount ? ` (varav ${formatKr(row.amount - left)} redan godkänt på andra rader av samma typ)` : '';
              const approvedKr = formatKr(approved);
              explanation = `${label}: ansökt ${appliedKr}, godkänt ${approvedKr} enligt ${prepared.capText}${otherItems}. Överstigande ${formatKr(applied - approved)} godkänns inte utan en särskild skälighetsprövning.`;
              warnings.push({
                type: 'EXPENSE_CAPPED',
                message: `${label} ${appliedKr} överstiger ${prepared.capText}; ${approvedKr} har godkänts. Pröva om den högre kostnaden är skälig.`,
                path,
              });
            }
            remaining[ti] = left - approved;
          }
        }
      }
      if (approved < applied) reducedCount++;
      lines.push({ kind: 'cost', person: item.person, costType: type, applied, amount: approved, rule, explanation, source, inputPath: path });
      costs += approved;
      costsApplied += applied;
    }
  }

  // --- Incomes ----------------------------------------------------------------------------------------------------
  let income = 0;
  const incomeItems = v.incomes;
  if (incomeItems.length > 0) {
    const params = m.regime.parameters;
    const childExempt = m.childExemptByIncome;
    let childEarningsUsed: Record<string, number> | null = null;
    for (let i = 0; i < incomeItems.length; i++) {
      const item = incomeItems[i]!;
      const path = INCOME_PATHS[i]!;
      const label = INCOME_LABEL_BY_INDEX[item.typeIndex]!;
      const child = item.child;
      if (child !== null && childExempt[item.typeIndex] && params.childEarningsExemptPrisbasbelopp > 0) {
        const pbb = m.prisbasbelopp;
        if (!pbb || !m.prisbasbeloppSource) {
          throw new NormRuleMissingError(
            [{ path, message: `Prisbasbelopp för ${m.year} saknas i regeldata; undantaget för barns arbetsinkomst kan inte beräknas.` }],
            `Prisbasbelopp för ${m.year} saknas i regeldata.`,
          );
        }
        const limit = pbb.amount * params.childEarningsExemptPrisbasbelopp;
        childEarningsUsed ??= {};
        let before = childEarningsUsed[child.id];
        if (before === undefined) {
          if (child.earningsThisYear === null) {
            warnings.push({
              type: 'CHILD_EARNINGS_ASSUMED',
              message: `Barnets (${child.id}) arbetsinkomster tidigare i år är inte angivna; de har räknats som 0 kr. Ange earningsThisYear för ett säkert undantag.`,
              path: `${child.path}/earningsThisYear`,
            });
          }
          before = child.earningsThisYear ?? 0;
        }
        const exemptLeft = limit > before ? limit - before : 0;
        const exempt = item.amount < exemptLeft ? item.amount : exemptLeft;
        const counted = item.amount - exempt;
        childEarningsUsed[child.id] = before + item.amount;
        const limitText = params.childEarningsExemptPrisbasbelopp === 1 ? `ett prisbasbelopp (${formatKr(limit)})` : `${params.childEarningsExemptPrisbasbelopp} prisbasbelopp (${formatKr(limit)})`;
        lines.push({
          kind: 'income',
          person: item.person,
          incomeType: item.type,
          applied: item.amount,
          amount: counted,
          rule: R.incomeChildEarnings,
          explanation: `${label} för barnet ${item.person}: ${formatKr(item.amount)}. Arbetsinkomst för barn och skolungdomar under 21 år som bor hemma räknas bara till den del den överstiger ${limitText} per kalenderår; tidigare i år ${formatKr(before)}, undantaget nu ${formatKr(exempt)}. ${formatKr(counted)} räknas som inkomst.`,
          source: m.prisbasbeloppSource,
          inputPath: path,
        });
        income += counted;
      } else {
        lines.push({
          kind: 'income',
          person: item.person,
          incomeType: item.type,
          applied: item.amount,
          amount: item.amount,
          rule: R.incomeCounted,
          explanation: `${label} för ${item.person}: ${formatKr(item.amount)} räknas som inkomst.`,
          source: m.regimeSources.incomes,
          inputPath: path,
        });
        income += item.amount;
      }
    }

    // --- Jobbstimulans ------------------------------------------------------------------------------------------
    const pct = params.jobStimulusPercent;
    const jobStimulusTypes = m.jobStimulusByIncome;
    for (let j = 0; j < v.jobStimulus.length && pct > 0; j++) {
      const person = v.jobStimulus[j]!;
      let employment = 0;
      for (let i = 0; i < incomeItems.length; i++) {
        const item = incomeItems[i]!;
        if (item.person === person && jobStimulusTypes[item.typeIndex]) employment += item.amount;
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
      income -= deduction;
    }
  }

  // --- Totals and proposal ----------------------------------------------------------------------------------------
  const norm = personal + commonAmount;
  const need = norm + costs;
  const assistance = need > income ? need - income : 0;
  let outcome: ProposalOutcome;
  let proposalText: string;
  const needKr = formatKr(need);
  const incomeKr = formatKr(income);
  if (assistance === 0) {
    outcome = 'refused';
    proposalText = `Hushållets inkomster (${incomeKr}) täcker behovet (${needKr}). Förslag: avslag.`;
  } else if (reducedCount > 0) {
    outcome = 'partlyRefused';
    proposalText = `Förslag: bistånd med ${formatKr(assistance)} (behov ${needKr} − inkomster ${incomeKr}). ${reducedCount === 1 ? 'En ansökt kostnad har' : `${reducedCount} ansökta kostnader har`} inte godkänts fullt ut (${formatKr(costsApplied - costs)} av ${formatKr(costsApplied)}): delavslag.`;
  } else {
    outcome = 'granted';
    proposalText = `Förslag: bistånd med ${formatKr(assistance)} (behov ${needKr} − inkomster ${incomeKr}).`;
  }

  return {
    month: m.key,
    municipality: v.municipality,
    normTable: m.tableSummary,
    guidelines: g ? g.summary : null,
    household: { adults: v.coApplicant !== null ? 2 : 1, children: children.length, personsInCalculation: inCalculation, householdSize: size, daysInMonth: dim },
    lines,
    totals: { personal, common: commonAmount, norm, costsApplied, costs, need, income, assistance },
    proposal: { outcome, amount: assistance, explanation: proposalText },
    warnings,
  };
}

/** Whether a child counts in the household size for the common costs. */
function counts(child: ValidChild, daysInMonth: number, partTimeCounts: boolean): boolean {
  if (child.daysAtHome >= daysInMonth) return true;
  return partTimeCounts && child.daysAtHome > 0;
}
