/** The payment configuration documents in force for a municipality on a date (rules are data). */
import type { AccountingSettings, PaymentSettings, RecoveryBasesDocument } from '@vagen/domain';
import { getCaseworkRules } from '../rules/casework-rules.ts';
import { HttpProblem } from '../errors.ts';

function missing(what: string, municipality: string): HttpProblem {
  return new HttpProblem(503, 'CONFIGURATION_MISSING', `${what} saknas för kommun ${municipality}. Kontakta systemförvaltaren.`);
}

export function paymentSettings(municipality: string, date: string): PaymentSettings {
  const doc = getCaseworkRules().find('paymentSettings', municipality, date) as unknown as PaymentSettings | null;
  if (!doc) throw missing('Inställningar för utbetalning (paymentSettings)', municipality);
  return doc;
}

export function accountingSettings(municipality: string, date: string): AccountingSettings {
  const doc = getCaseworkRules().find('accountingSettings', municipality, date) as unknown as AccountingSettings | null;
  if (!doc) throw missing('Kodplan för bokföring (accountingSettings)', municipality);
  return doc;
}

/** The repayment grounds of the law in force on `date` (the day the assistance was granted); null when none is. */
export function recoveryBasesOn(municipality: string, date: string): RecoveryBasesDocument | null {
  return getCaseworkRules().find('recoveryBases', municipality, date) as unknown as RecoveryBasesDocument | null;
}

/** Label per ground code across every law's document (the newest wording wins), for claims of any grant date. */
export function recoveryBasisLabels(municipality: string): Map<string, string> {
  const docs = getCaseworkRules()
    .documents.filter((d) => d.kind === 'recoveryBases' && (d.municipality === undefined || d.municipality === municipality))
    .sort((a, b) => a.validFrom.localeCompare(b.validFrom)) as unknown as RecoveryBasesDocument[];
  const out = new Map<string, string>();
  for (const doc of docs) for (const b of doc.bases) out.set(b.code, b.label);
  return out;
}

/** fourEyes.sections.payment; on when the document is missing (the safe default). */
export function fourEyesForPayments(municipality: string, date: string): boolean {
  const doc = getCaseworkRules().find<{ kind: string; id: string; validFrom: string; validTo: string | null; source: string; sections?: { payment?: boolean } }>('fourEyes', municipality, date);
  return doc?.sections?.payment ?? true;
}
