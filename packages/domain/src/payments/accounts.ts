/**
 * Validation of the account a payment goes to: Swedish bank account (clearing + account number), bankgiro,
 * plusgiro or a Swedish IBAN. Pure: returns either the normalised account or field errors with Swedish messages.
 */
import { findClearingRange, type BankAccountRule } from './bank-table.ts';
import { ibanMod97Valid, mod10CheckDigit, mod10Valid, mod11Valid } from './checksums.ts';

export const PAYMENT_ACCOUNT_KINDS = ['bankAccount', 'bankgiro', 'plusgiro', 'iban'] as const;
export type PaymentAccountKind = (typeof PAYMENT_ACCOUNT_KINDS)[number];

export const PAYMENT_ACCOUNT_KIND_LABELS: Record<PaymentAccountKind, string> = {
  bankAccount: 'Bankkonto',
  bankgiro: 'Bankgiro',
  plusgiro: 'Plusgiro',
  iban: 'IBAN (svenskt)',
};

/** How each kind of account is written, shown beside the number field. */
export const PAYMENT_ACCOUNT_KIND_HINTS: Record<PaymentAccountKind, string> = {
  bankAccount: 'Clearingnummer och kontonummer, t.ex. 8327-9 och 123 456 789-7.',
  bankgiro: '7 eller 8 siffror, t.ex. 5050-1055.',
  plusgiro: '2–8 siffror, t.ex. 47 89 01-2.',
  iban: 'SE följt av 22 siffror.',
};

export interface PaymentAccountInput {
  kind: PaymentAccountKind;
  /** Only for bankAccount: 4 digits (Swedbank 8xxx may be written with its fifth check digit). */
  clearing?: string | null;
  number: string;
}

export interface NormalisedAccount {
  kind: PaymentAccountKind;
  /** Four digits for a bank account, else null. */
  clearing: string | null;
  /** Digits only (IBAN: upper-case letters and digits, no spaces). */
  number: string;
  /** The bank, when known from the clearing number. */
  bankName: string | null;
  /** For people: "Swedbank 8327-9, 123 456 789-0"-like text; never used for matching. */
  display: string;
}

export interface AccountFieldError {
  field: 'clearing' | 'number';
  message: string;
}

export type AccountValidation = { ok: true; account: NormalisedAccount } | { ok: false; errors: AccountFieldError[] };

const cleanDigits = (text: string) => text.replace(/[\s\-.]/g, '');

function fail(field: AccountFieldError['field'], message: string): AccountValidation {
  return { ok: false, errors: [{ field, message }] };
}

export function validatePaymentAccount(input: PaymentAccountInput): AccountValidation {
  switch (input.kind) {
    case 'bankgiro':
      return validateBankgiro(input.number);
    case 'plusgiro':
      return validatePlusgiro(input.number);
    case 'iban':
      return validateSwedishIban(input.number);
    case 'bankAccount':
      return validateBankAccount(input.clearing ?? '', input.number);
    default:
      return fail('number', 'Okänd kontotyp.');
  }
}

/** Bankgiro: 7 or 8 digits, the last a mod 10 check digit. Shown as NNN-NNNN or NNNN-NNNN. */
export function validateBankgiro(text: string): AccountValidation {
  const n = cleanDigits(text);
  if (!/^[0-9]+$/.test(n)) return fail('number', 'Bankgironumret får bara innehålla siffror (och bindestreck).');
  if (n.length < 7 || n.length > 8) return fail('number', 'Ett bankgironummer har 7 eller 8 siffror.');
  if (!mod10Valid(n)) return fail('number', 'Bankgironumret stämmer inte (fel kontrollsiffra). Kontrollera numret.');
  return { ok: true, account: { kind: 'bankgiro', clearing: null, number: n, bankName: null, display: `Bankgiro ${n.slice(0, -4)}-${n.slice(-4)}` } };
}

/** Plusgiro: 2–8 digits, the last a mod 10 check digit. Shown as NNNNNN-N. */
export function validatePlusgiro(text: string): AccountValidation {
  const n = cleanDigits(text);
  if (!/^[0-9]+$/.test(n)) return fail('number', 'Plusgironumret får bara innehålla siffror (och bindestreck).');
  if (n.length < 2 || n.length > 8) return fail('number', 'Ett plusgironummer har 2–8 siffror.');
  if (!mod10Valid(n)) return fail('number', 'Plusgironumret stämmer inte (fel kontrollsiffra). Kontrollera numret.');
  return { ok: true, account: { kind: 'plusgiro', clearing: null, number: n, bankName: null, display: `Plusgiro ${n.slice(0, -1)}-${n.slice(-1)}` } };
}

/** Swedish IBAN: SE, two check digits, 20 digits (3-digit bank code + 17-digit account); ISO 7064 mod 97. */
export function validateSwedishIban(text: string): AccountValidation {
  const n = text.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}/.test(n)) return fail('number', 'Ett IBAN börjar med landskoden, till exempel SE.');
  if (!n.startsWith('SE')) return fail('number', 'Bara svenska IBAN (som börjar med SE) kan användas för utbetalning.');
  if (!/^SE[0-9]{22}$/.test(n)) return fail('number', 'Ett svenskt IBAN har SE följt av 22 siffror.');
  if (!ibanMod97Valid(n)) return fail('number', 'IBAN-numret stämmer inte (fel kontrollsiffror). Kontrollera numret.');
  return { ok: true, account: { kind: 'iban', clearing: null, number: n, bankName: null, display: `IBAN ${n.replace(/(.{4})/g, '$1 ').trim()}` } };
}

const ACCOUNT_LENGTH: Record<BankAccountRule, { min: number; max: number; text: string }> = {
  type1a: { min: 7, max: 7, text: '7 siffror' },
  type1b: { min: 7, max: 7, text: '7 siffror' },
  type2mod10: { min: 10, max: 10, text: '10 siffror' },
  type2mod11: { min: 9, max: 9, text: '9 siffror' },
  type2mod10var: { min: 5, max: 10, text: '5–10 siffror' },
};

/** Clearing number + account number, checked against the bank's own rule (see bank-table.ts for the banks covered). */
export function validateBankAccount(clearingText: string, numberText: string): AccountValidation {
  let clearing = cleanDigits(clearingText);
  const number = cleanDigits(numberText);
  if (!clearing) return fail('clearing', 'Ange clearingnumret (4 siffror, Swedbank ibland 5).');
  if (!/^[0-9]+$/.test(clearing)) return fail('clearing', 'Clearingnumret får bara innehålla siffror.');
  if (clearing.length === 5 && clearing.startsWith('8')) {
    // Swedbank writes its 8xxx clearing numbers with a fifth check digit (mod 10 over the first four).
    if (mod10CheckDigit(clearing.slice(0, 4)) !== Number(clearing[4])) {
      return fail('clearing', 'Den femte siffran i Swedbanks clearingnummer stämmer inte. Kontrollera numret.');
    }
    clearing = clearing.slice(0, 4);
  }
  if (clearing.length !== 4) return fail('clearing', 'Clearingnumret ska ha 4 siffror (Swedbank 8xxx kan skrivas med 5).');
  const range = findClearingRange(Number(clearing));
  if (!range) {
    return fail('clearing', `Clearingnumret ${clearing} finns inte i Vägens banktabell. Kontrollera numret. Saknas banken behöver systemförvaltaren lägga till den.`);
  }
  if (!number) return fail('number', 'Ange kontonumret.');
  if (!/^[0-9]+$/.test(number)) return fail('number', 'Kontonumret får bara innehålla siffror.');
  const len = ACCOUNT_LENGTH[range.rule];
  if (number.length < len.min || number.length > len.max) return fail('number', `Ett kontonummer hos ${range.bank} har ${len.text}.`);
  let valid: boolean;
  switch (range.rule) {
    case 'type1a':
      valid = mod11Valid(clearing.slice(1) + number);
      break;
    case 'type1b':
      valid = mod11Valid(clearing + number);
      break;
    case 'type2mod11':
      valid = mod11Valid(number);
      break;
    default:
      valid = mod10Valid(number);
  }
  if (!valid) return fail('number', `Kontonumret stämmer inte (fel kontrollsiffra för ${range.bank}). Kontrollera clearing- och kontonumret.`);
  const shownClearing = range.rule === 'type2mod10var' && clearing.startsWith('8') ? `${clearing}-${mod10CheckDigit(clearing)}` : clearing;
  return { ok: true, account: { kind: 'bankAccount', clearing, number, bankName: range.bank, display: `${range.bank} ${shownClearing}, ${number}` } };
}

/**
 * How the account is written in an ISO 20022 pain.001 file (CdtrAcct/DbtrAcct): IBAN, or Othr/Id with a scheme —
 * BBAN (clearing + account) for a Swedish bank account, the Bankgirot proprietary codes BGNR/PGNR for bankgiro and
 * plusgiro.
 */
export type Iso20022Account = { iban: string } | { otherId: string; schemeCode: 'BBAN' } | { otherId: string; schemeProprietary: 'BGNR' | 'PGNR' };

export function toIso20022Account(account: Pick<NormalisedAccount, 'kind' | 'clearing' | 'number'>): Iso20022Account {
  switch (account.kind) {
    case 'iban':
      return { iban: account.number };
    case 'bankgiro':
      return { otherId: account.number, schemeProprietary: 'BGNR' };
    case 'plusgiro':
      return { otherId: account.number, schemeProprietary: 'PGNR' };
    default:
      return { otherId: `${account.clearing ?? ''}${account.number}`, schemeCode: 'BBAN' };
  }
}
