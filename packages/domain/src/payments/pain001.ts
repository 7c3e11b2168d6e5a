/**
 * ISO 20022 pain.001.001.03 (CustomerCreditTransferInitiationV03): the payment file the municipality sends to its bank.
 * One GrpHdr; one PmtInf per requested execution date with the municipality as debtor; one CdtTrfTxInf per payment.
 * Accounts follow the Swedish conventions: IBAN, or Othr/Id with SchmeNm Cd "BBAN" (clearing + account, the creditor's
 * bank given as ClrSysMmbId "SESBA" + clearing number), or Prtry "BGNR"/"PGNR" for bankgiro/plusgiro (Bankgirot).
 *
 * Personal data in the file: the payee's name and account number, which the bank needs to make the payment. An
 * account number can itself be a personnummer (a Nordea personkonto, clearing 3300, is the holder's personnummer),
 * so the file is personal data and is stored and downloaded like other case documents. Vägen writes no personnummer
 * anywhere else: names and the message to the payee (the case reference and period) are checked for one.
 * The category purpose (PmtTpInf/CtgyPurp, e.g. SSBE "social benefit") is what the municipality's agreement with its
 * bank says; it comes from the payment settings and is left out when none is configured.
 */
import type { Iso20022Account } from './accounts.ts';

export const PAIN001_NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03';

export interface Pain001Party {
  name: string;
  /** Organisationsnummer (10 digits), written as OrgId/Othr/Id. */
  organisationNumber?: string | null;
}

export interface Pain001Transaction {
  endToEndId: string;
  amountOre: number;
  creditorName: string;
  creditorAccount: Iso20022Account;
  /** For a Swedish bank account (BBAN): the creditor bank's clearing number. */
  creditorClearing?: string | null;
  remittance: string;
}

export interface Pain001Batch {
  paymentInfoId: string;
  executionDate: string;
  transactions: Pain001Transaction[];
}

export interface Pain001Input {
  messageId: string;
  /** ISO date-time, e.g. 2026-03-10T09:00:00Z. */
  createdAt: string;
  initiatingParty: Pain001Party;
  debtor: Pain001Party & { account: Iso20022Account; bic: string };
  currency: 'SEK';
  /** ISO 20022 ExternalCategoryPurpose1Code for every PmtInf (e.g. "SSBE"); null or absent = not written. */
  categoryPurpose?: string | null;
  batches: Pain001Batch[];
}

/** Öre → ISO amount with exactly two decimals: 123450 → "1234.50". Integer arithmetic only. */
export function formatIsoAmount(ore: number): string {
  if (!Number.isSafeInteger(ore) || ore < 0) throw new RangeError('Beloppet måste vara ett icke-negativt heltal i öre.');
  const rest = ore % 100;
  return `${(ore - rest) / 100}.${String(rest).padStart(2, '0')}`;
}

/** ISO amount text → öre; null when not a plain non-negative decimal with at most two significant decimals. */
export function parseIsoAmount(text: string): number | null {
  const m = /^([0-9]{1,16})(?:\.([0-9]{1,5}))?$/.exec(text.trim());
  if (!m) return null;
  const decimals = (m[2] ?? '').padEnd(5, '0');
  if (decimals.slice(2) !== '000') return null;
  return Number(m[1]) * 100 + Number(decimals.slice(0, 2));
}

/** XML text content: escapes markup and drops characters XML 1.0 does not allow. */
export function xmlText(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removes exactly the control characters XML 1.0 forbids.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/** Cuts a text to an ISO MaxNText length (by characters) after trimming; never returns an empty string. */
export function maxText(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return Array.from(t).slice(0, max).join('') || '-';
}

function account(acc: Iso20022Account, indent: string): string {
  const i = indent;
  if ('iban' in acc) return `${i}<Id>\n${i}  <IBAN>${xmlText(acc.iban)}</IBAN>\n${i}</Id>`;
  const scheme = 'schemeCode' in acc ? `<Cd>${acc.schemeCode}</Cd>` : `<Prtry>${acc.schemeProprietary}</Prtry>`;
  return `${i}<Id>\n${i}  <Othr>\n${i}    <Id>${xmlText(acc.otherId)}</Id>\n${i}    <SchmeNm>${scheme}</SchmeNm>\n${i}  </Othr>\n${i}</Id>`;
}

function party(p: Pain001Party, indent: string): string {
  const lines = [`${indent}<Nm>${xmlText(maxText(p.name, 70))}</Nm>`];
  if (p.organisationNumber) {
    lines.push(
      `${indent}<Id>`,
      `${indent}  <OrgId>`,
      `${indent}    <Othr>`,
      `${indent}      <Id>${xmlText(maxText(p.organisationNumber, 35))}</Id>`,
      `${indent}    </Othr>`,
      `${indent}  </OrgId>`,
      `${indent}</Id>`,
    );
  }
  return lines.join('\n');
}

export function pain001Totals(transactions: readonly { amountOre: number }[]): { count: number; sumOre: number } {
  return { count: transactions.length, sumOre: transactions.reduce((s, t) => s + t.amountOre, 0) };
}

/** Builds the XML document (UTF-8). The caller validates it against the XSD before it is stored or sent. */
export function buildPain001(input: Pain001Input): string {
  const all = input.batches.flatMap((b) => b.transactions);
  const total = pain001Totals(all);
  const ccy = input.currency;
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(`<Document xmlns="${PAIN001_NAMESPACE}">`);
  out.push('  <CstmrCdtTrfInitn>');
  out.push('    <GrpHdr>');
  out.push(`      <MsgId>${xmlText(maxText(input.messageId, 35))}</MsgId>`);
  out.push(`      <CreDtTm>${xmlText(input.createdAt)}</CreDtTm>`);
  out.push(`      <NbOfTxs>${total.count}</NbOfTxs>`);
  out.push(`      <CtrlSum>${formatIsoAmount(total.sumOre)}</CtrlSum>`);
  out.push('      <InitgPty>');
  out.push(party(input.initiatingParty, '        '));
  out.push('      </InitgPty>');
  out.push('    </GrpHdr>');
  for (const batch of input.batches) {
    const t = pain001Totals(batch.transactions);
    out.push('    <PmtInf>');
    out.push(`      <PmtInfId>${xmlText(maxText(batch.paymentInfoId, 35))}</PmtInfId>`);
    out.push('      <PmtMtd>TRF</PmtMtd>');
    out.push(`      <NbOfTxs>${t.count}</NbOfTxs>`);
    out.push(`      <CtrlSum>${formatIsoAmount(t.sumOre)}</CtrlSum>`);
    out.push('      <PmtTpInf>');
    out.push('        <SvcLvl>');
    out.push('          <Cd>NURG</Cd>');
    out.push('        </SvcLvl>');
    if (input.categoryPurpose) {
      out.push('        <CtgyPurp>');
      out.push(`          <Cd>${xmlText(input.categoryPurpose)}</Cd>`);
      out.push('        </CtgyPurp>');
    }
    out.push('      </PmtTpInf>');
    out.push(`      <ReqdExctnDt>${xmlText(batch.executionDate)}</ReqdExctnDt>`);
    out.push('      <Dbtr>');
    out.push(party(input.debtor, '        '));
    out.push('      </Dbtr>');
    out.push('      <DbtrAcct>');
    out.push(account(input.debtor.account, '        '));
    out.push(`        <Ccy>${ccy}</Ccy>`);
    out.push('      </DbtrAcct>');
    out.push('      <DbtrAgt>');
    out.push('        <FinInstnId>');
    out.push(`          <BIC>${xmlText(input.debtor.bic)}</BIC>`);
    out.push('        </FinInstnId>');
    out.push('      </DbtrAgt>');
    for (const tx of batch.transactions) {
      out.push('      <CdtTrfTxInf>');
      out.push('        <PmtId>');
      out.push(`          <EndToEndId>${xmlText(maxText(tx.endToEndId, 35))}</EndToEndId>`);
      out.push('        </PmtId>');
      out.push('        <Amt>');
      out.push(`          <InstdAmt Ccy="${ccy}">${formatIsoAmount(tx.amountOre)}</InstdAmt>`);
      out.push('        </Amt>');
      if ('schemeCode' in tx.creditorAccount && tx.creditorClearing) {
        out.push('        <CdtrAgt>');
        out.push('          <FinInstnId>');
        out.push('            <ClrSysMmbId>');
        out.push('              <ClrSysId>');
        out.push('                <Cd>SESBA</Cd>');
        out.push('              </ClrSysId>');
        out.push(`              <MmbId>${xmlText(tx.creditorClearing)}</MmbId>`);
        out.push('            </ClrSysMmbId>');
        out.push('          </FinInstnId>');
        out.push('        </CdtrAgt>');
      }
      out.push('        <Cdtr>');
      out.push(`          <Nm>${xmlText(maxText(tx.creditorName, 70))}</Nm>`);
      out.push('        </Cdtr>');
      out.push('        <CdtrAcct>');
      out.push(account(tx.creditorAccount, '          '));
      out.push('        </CdtrAcct>');
      out.push('        <RmtInf>');
      out.push(`          <Ustrd>${xmlText(maxText(tx.remittance, 140))}</Ustrd>`);
      out.push('        </RmtInf>');
      out.push('      </CdtTrfTxInf>');
    }
    out.push('    </PmtInf>');
  }
  out.push('  </CstmrCdtTrfInitn>');
  out.push('</Document>');
  return `${out.join('\n')}\n`;
}

const PERSONNUMMER_LIKE = /(?<![0-9])(?:19|20)?[0-9]{6}[-+]?[0-9]{4}(?![0-9])/;

/**
 * Vägen's own checks on a generated file, beyond the XSD (where CtrlSum is optional): the group header and every
 * PmtInf carry NbOfTxs and CtrlSum equal to the transactions they hold, every amount is in SEK with at most two
 * decimals, and no name, reference or message contains something that looks like a personnummer.
 * Returns Swedish error messages; empty = fine.
 */
export function verifyPain001(xml: string): string[] {
  const errors: string[] = [];
  const grpHdr = /<GrpHdr>([\s\S]*?)<\/GrpHdr>/.exec(xml)?.[1];
  if (!grpHdr) return ['Gruppehuvudet (GrpHdr) saknas.'];
  const amounts = [...xml.matchAll(/<InstdAmt Ccy="([^"]*)">([^<]*)<\/InstdAmt>/g)];
  let sum = 0;
  for (const [, ccy, value] of amounts) {
    if (ccy !== 'SEK') errors.push(`Valutan ${ccy ?? ''} är inte SEK.`);
    const ore = parseIsoAmount(value ?? '');
    if (ore === null) errors.push(`Beloppet "${value ?? ''}" är inte ett belopp med högst två decimaler.`);
    else sum += ore;
  }
  const txCount = (xml.match(/<CdtTrfTxInf>/g) ?? []).length;
  const checkTotals = (where: string, block: string, count: number, total: number) => {
    const nb = /<NbOfTxs>([^<]*)<\/NbOfTxs>/.exec(block)?.[1];
    const ctrl = /<CtrlSum>([^<]*)<\/CtrlSum>/.exec(block)?.[1];
    if (nb === undefined) errors.push(`${where}: antal transaktioner (NbOfTxs) saknas.`);
    else if (Number(nb) !== count) errors.push(`${where}: NbOfTxs är ${nb} men filen har ${count} transaktioner.`);
    if (ctrl === undefined) errors.push(`${where}: kontrollsumma (CtrlSum) saknas.`);
    else if (parseIsoAmount(ctrl) !== total) errors.push(`${where}: CtrlSum är ${ctrl} men beloppen blir ${formatIsoAmount(total)}.`);
  };
  checkTotals('GrpHdr', grpHdr, txCount, sum);
  let n = 0;
  for (const m of xml.matchAll(/<PmtInf>([\s\S]*?)<\/PmtInf>/g)) {
    n++;
    const block = m[1]!;
    const head = block.split('<CdtTrfTxInf>')[0]!;
    const blockAmounts = [...block.matchAll(/<InstdAmt Ccy="[^"]*">([^<]*)<\/InstdAmt>/g)].map((a) => parseIsoAmount(a[1]!) ?? 0);
    checkTotals(
      `PmtInf ${n}`,
      head,
      (block.match(/<CdtTrfTxInf>/g) ?? []).length,
      blockAmounts.reduce((a, b) => a + b, 0),
    );
  }
  // Identifiers (MsgId, EndToEndId …) are generated by Vägen from ids; names and messages are what a person could fill.
  for (const m of xml.matchAll(/<(Nm|Ustrd)>([^<]*)<\/\1>/g)) {
    if (PERSONNUMMER_LIKE.test(m[2]!)) errors.push(`Fältet ${m[1]} innehåller något som liknar ett personnummer.`);
  }
  return errors;
}
