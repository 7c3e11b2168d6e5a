/**
 * The accounting export of one payment file: a verification with one debit row per payment on the cost account
 * (ekonomiskt bistånd) with ansvar (the unit), verksamhet and motpart, and one credit row with the file's total on
 * the bank account. Semicolon-separated (Swedish spreadsheet convention), Swedish headers, amounts with two decimals
 * and a decimal comma. No names or personnummer: the case number is the reference.
 */
import type { AccountingSettings } from './settings.ts';

export interface AccountingRow {
  caseNumber: string;
  unitName: string;
  payeeKind: 'client' | 'landlord' | 'other';
  amountOre: number;
  endToEndId: string;
  /** The decision period, e.g. "2026-04". */
  period: string;
}

export interface AccountingExportInput {
  settings: Pick<AccountingSettings, 'costAccount' | 'bankAccount' | 'verksamhet' | 'ansvar' | 'motpart' | 'verificationPrefix'>;
  verificationNumber: number;
  bookingDate: string;
  paymentFileReference: string;
  rows: readonly AccountingRow[];
}

export const ACCOUNTING_HEADERS = ['Verifikation', 'Bokföringsdatum', 'Konto', 'Kontonamn', 'Ansvar', 'Verksamhet', 'Motpart', 'Debet', 'Kredit', 'Ärende', 'Referens', 'Text'] as const;

/** Öre → "1234,50". */
export function formatCsvAmount(ore: number): string {
  const neg = ore < 0;
  const abs = Math.abs(ore);
  const rest = abs % 100;
  return `${neg ? '-' : ''}${(abs - rest) / 100},${String(rest).padStart(2, '0')}`;
}

function csvField(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function buildAccountingCsv(input: AccountingExportInput): string {
  const s = input.settings;
  const ver = `${s.verificationPrefix}-${String(input.verificationNumber).padStart(6, '0')}`;
  const lines: string[][] = [[...ACCOUNTING_HEADERS]];
  let total = 0;
  for (const row of input.rows) {
    total += row.amountOre;
    lines.push([
      ver,
      input.bookingDate,
      s.costAccount.konto,
      s.costAccount.name,
      s.ansvar.byUnitName[row.unitName] ?? s.ansvar.default,
      s.verksamhet,
      s.motpart[row.payeeKind],
      formatCsvAmount(row.amountOre),
      '',
      row.caseNumber,
      row.endToEndId,
      `Ekonomiskt bistånd ${row.period}`,
    ]);
  }
  lines.push([
    ver,
    input.bookingDate,
    s.bankAccount.konto,
    s.bankAccount.name,
    '',
    '',
    '',
    '',
    formatCsvAmount(total),
    '',
    input.paymentFileReference,
    `Betalfil ${input.paymentFileReference}, ${input.rows.length} utbetalningar`,
  ]);
  return `${lines.map((l) => l.map(csvField).join(';')).join('\r\n')}\r\n`;
}
