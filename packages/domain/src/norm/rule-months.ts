/**
 * The rule set: the rule documents read (rule-documents.ts), and for every month a riksnorm table covers, the rules in
 * force in that month: the table, the legal regime, the municipal guidelines, the year's prisbasbelopp and the
 * expected documents, with the source of every amount. Pure: no I/O, no clock.
 */
import { daysInMonth, monthKey } from './dates.ts';
import { RuleDataError } from './errors.ts';
import { COST_TYPE_HEADING } from './labels.ts';
import { readRuleData, type Dated, type RuleProblem } from './rule-documents.ts';
import {
  MAX_HOUSEHOLD_SIZE,
  REFERENCE_KEYS,
  type ChildAgeCells,
  type CostCap,
  type ExpectedDocumentRule,
  type GuidelineSet,
  type MonthGuidelines,
  type MonthRules,
  type PrisbasbeloppYear,
  type ReferenceKey,
  type Regime,
  type RiksnormTable,
  type RuleDocument,
  type RuleSet,
  type TableCell,
} from './rule-types.ts';
import type { CostType, LineSource, SourceStatus } from './types.ts';

/**
 * Validate the rule documents and build the RuleSet. Throws RuleDataError listing every problem found.
 */
export function buildRuleSet(documents: readonly RuleDocument[]): RuleSet {
  const problems: RuleProblem[] = [];
  const data = readRuleData(documents, problems);
  const months = new Map<string, MonthRules>();
  for (const { value: table, file, from, to } of data.tables) {
    for (const id of table.regimes) {
      if (!data.regimes.some((r) => r.value.id === id)) problems.push({ file, path: '/regime', message: `okänd regim ${id} (saknas i regimes)` });
    }
    for (let m = from; m <= to && m - from < 1200; m++) {
      const regime = data.regimes.find((r) => validIn(r, m) && table.regimes.includes(r.value.id));
      if (!regime) {
        problems.push({ file, path: '/regime', message: `ingen av tabellens regimer gäller för ${monthKey(m)}` });
        continue;
      }
      if (problems.length > 0) continue;
      const year = Math.floor(m / 12);
      months.set(
        monthKey(m),
        prepareMonth(
          m,
          table,
          regime.value,
          data.guidelines.filter((g) => validIn(g, m)).map((g) => g.value),
          data.prisbasbelopp.find((p) => p.value.year === year)?.value ?? null,
          data.expectedDocuments.filter((d) => validIn(d, m)).map((d) => d.value),
        ),
      );
    }
  }
  if (problems.length > 0) throw new RuleDataError(problems);
  return {
    tables: data.tables.map((t) => t.value),
    regimes: data.regimes.map((r) => r.value),
    guidelines: data.guidelines.map((g) => g.value),
    prisbasbelopp: data.prisbasbelopp.map((p) => p.value),
    expectedDocuments: data.expectedDocuments.map((d) => d.value),
    months,
  };
}

function validIn(d: Dated<unknown>, month: number): boolean {
  return d.from <= month && month <= d.to;
}

/** The rules of one month (index = year × 12 + month − 1). */
function prepareMonth(
  index: number,
  table: RiksnormTable,
  regime: Regime,
  guidelines: readonly GuidelineSet[],
  prisbasbelopp: PrisbasbeloppYear | null,
  expectedDocuments: readonly ExpectedDocumentRule[],
): MonthRules {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const regimeSources = {} as Record<ReferenceKey, LineSource>;
  for (const key of REFERENCE_KEYS) {
    regimeSources[key] = source({
      id: regime.id,
      cell: `references.${key}`,
      text: regime.name,
      legalReference: regime.references[key].text,
      legalReferenceVerified: regime.references[key].verified,
      validFrom: regime.validFrom,
      validTo: regime.validTo,
      status: 'official',
    });
  }
  const sublet = regime.conditions.approvedSubletForSecondHandRent;
  const cells = tableCells(table, regime);
  return {
    key: monthKey(index),
    year,
    month,
    daysInMonth: daysInMonth(year, month),
    table,
    regime,
    tableName: table.provisional ? `riksnormen ${table.year} (preliminär)` : `riksnormen ${table.year}`,
    ...cells,
    childCap: table.largeHouseholdCap,
    regimeSources,
    prisbasbelopp,
    prisbasbeloppSource: prisbasbelopp
      ? source({
          id: `prisbasbelopp-${prisbasbelopp.year}`,
          cell: `years.${prisbasbelopp.year}`,
          text: prisbasbelopp.source,
          legalReference: regime.references.childEarnings.text,
          legalReferenceVerified: regime.references.childEarnings.verified,
          validFrom: `${prisbasbelopp.year}-01-01`,
          validTo: `${prisbasbelopp.year}-12-31`,
          status: prisbasbelopp.provisional ? 'provisional' : 'official',
        })
      : null,
    guidelines: new Map(guidelines.map((g) => [g.municipality, monthGuidelines(g, regime)])),
    subletSource: sublet
      ? source({
          id: regime.id,
          cell: 'conditions.approvedSubletForSecondHandRent',
          text: sublet.source ?? regime.name,
          legalReference: sublet.text,
          legalReferenceVerified: sublet.verified,
          validFrom: regime.validFrom,
          validTo: regime.validTo,
          status: sublet.verified ? 'official' : 'unverified',
        })
      : null,
    lawfulResidence: regime.conditions.lawfulResidence,
    expectedDocuments,
    hasProvisional: table.provisional || (table.largeHouseholdCap?.provisional ?? false) || (prisbasbelopp?.provisional ?? false),
  };
}

/** Sources are shared by the results of every calculation of the month, so they are frozen. */
function source(s: LineSource): LineSource {
  return Object.freeze(s);
}

/** The riksnorm table's cells with their sources: adults, children by age, common costs by household size. */
function tableCells(table: RiksnormTable, regime: Regime): Pick<MonthRules, 'single' | 'couple' | 'childByAge' | 'commonBySize'> {
  const rn = regime.references.riksnorm;
  const tableSource = (cell: string, status: SourceStatus, text = table.source): LineSource =>
    source({ id: table.id, cell, text, legalReference: rn.text, legalReferenceVerified: rn.verified, validFrom: table.validFrom, validTo: table.validTo, status });
  const cell = (id: string, amount: number): TableCell => {
    const unverified = table.cellStatus[id] === 'unverified';
    return { amount, source: tableSource(id, unverified ? 'unverified' : table.provisional ? 'provisional' : 'official'), unverified };
  };

  // The large-household cap: a child's cell with its amount lowered to the cap (null when the cap is not lower).
  const cap = table.largeHouseholdCap;
  const capped = (base: TableCell): TableCell | null => {
    if (cap === null || base.amount <= cap.amountPerChild) return null;
    const status = cap.provisional ? 'provisional' : base.source.status;
    return { amount: cap.amountPerChild, source: tableSource('largeHouseholdCap.amountPerChild', status, cap.source), unverified: base.unverified };
  };

  const childByAge: ChildAgeCells[] = [];
  for (const group of table.children) {
    const withLunch = cell(`children.${group.id}.amount`, group.amount);
    const withoutLunch = group.withoutLunch === null ? null : cell(`children.${group.id}.withoutLunch`, group.withoutLunch);
    const ages: ChildAgeCells = {
      group,
      withLunch,
      withoutLunch,
      withoutLunchMissing: table.cellStatus[`children.${group.id}.withoutLunch`] === 'missing',
      withLunchCapped: capped(withLunch),
      withoutLunchCapped: withoutLunch === null ? null : capped(withoutLunch),
    };
    for (let age = group.minAge; age <= group.maxAge; age++) childByAge[age] = ages;
  }

  // Beyond the table's largest household, the extra-person amount is added per person.
  const largest = table.commonByPersons.length;
  const commonBySize: TableCell[] = [];
  for (let n = 1; n <= MAX_HOUSEHOLD_SIZE; n++) {
    if (n <= largest) {
      commonBySize[n] = cell(`commonCosts.${n}`, table.commonByPersons[n - 1]!);
    } else {
      const extra = n - largest;
      const c = cell(`commonCosts.${largest}+extraPerson×${extra}`, table.commonByPersons[largest - 1]! + extra * table.extraPerson);
      commonBySize[n] = { ...c, unverified: table.cellStatus['commonCosts.extraPerson'] === 'unverified' };
    }
  }

  return {
    single: cell('adults.single', table.adults.single),
    couple: cell('adults.couple', table.adults.couple),
    childByAge,
    commonBySize,
  };
}

/** A municipality's guidelines with the source of each cap row. */
function monthGuidelines(g: GuidelineSet, regime: Regime): MonthGuidelines {
  const caps: MonthGuidelines['caps'] = {};
  for (const [type, cap] of Object.entries(g.caps) as [CostType, CostCap][]) {
    const ref = regime.references[COST_TYPE_HEADING[type]];
    const rows = cap.rows.map((row) => ({
      row,
      source: source({
        id: g.id,
        cell: `caps.${type}.${row.id}`,
        text: g.source,
        legalReference: ref.text,
        legalReferenceVerified: ref.verified,
        validFrom: g.validFrom,
        validTo: g.validTo,
        status: g.example ? 'example' : 'official',
      }),
    }));
    caps[type] = { cap, rows };
  }
  return { guidelines: g, caps };
}
