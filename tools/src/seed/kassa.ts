/**
 * The kassa's part of the demo: the last two months' paid payments went out as payment files (pain.001 and the
 * accounting export, proposed by the case's caseworker, approved and sent by the kassa, confirmed by the bank),
 * so "Skickat" has a history; and a few of the coming payments are proposals that wait for the kassa — one to an
 * account that is not yet verified (its approve button is disabled with the reason) and one that the kassa sent
 * back to the caseworker with a comment. Deterministic: ids from the seed's PRNG, times from `today`.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '@vagen/db/schema.ts';
import { buildAccountingCsv, buildPain001, evaluatePaymentApproval, formatKr, onOrAfterBankingDay, toIso20022Account, validatePaymentAccount, type Pain001Batch } from '@vagen/domain';
import { insertPaymentHistory } from '@vagen/server/payments/common.ts';
import { accountingSettings, paymentSettings } from '@vagen/server/payments/settings.ts';
import { changePaymentStatus } from '@vagen/server/status/change.ts';
import { addDays, at, monthEnd, monthStart } from './dates.ts';
import type { Rng } from './prng.ts';

/** Valid example accounts (clearing and check digits hold). */
const CLIENT_ACCOUNTS = [
  { kind: 'bankAccount', clearing: '3000', number: '1234560' },
  { kind: 'bankAccount', clearing: '8327-9', number: '123 456 789-7' },
  { kind: 'bankAccount', clearing: '6789', number: '123456789' },
] as const;
const LANDLORD = { name: 'Vägby Bostäder AB', kind: 'bankgiro', number: '5050-1055' } as const;
const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

export interface KassaSeedContext {
  rng: Rng;
  today: string;
  municipality: string;
  unitIds: { nord: string; syd: string };
  staffIds: Record<string, string>;
}

export async function seedKassa(db: Kysely<Database>, ctx: KassaSeedContext): Promise<void> {
  const { rng, today, municipality } = ctx;
  const kassa = ctx.staffIds.kassa!;
  const caseworkerOf = (unitId: string) => (unitId === ctx.unitIds.nord ? ctx.staffIds['handlaggare.nord']! : ctx.staffIds['handlaggare.syd']!);
  const rows = await db
    .selectFrom('payments as p')
    .innerJoin('cases as c', 'c.id', 'p.case_id')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .innerJoin('decisions as d', 'd.id', 'p.decision_id')
    .select([
      'p.id',
      'p.case_id',
      'p.amount',
      'p.payee',
      'p.planned_date',
      'p.status',
      'c.case_number',
      'c.unit_id',
      'c.household_id',
      'u.name as unit_name',
      'd.period_start',
      'd.amount as decided',
      'd.decided_by',
    ])
    .where('c.municipality_code', '=', municipality)
    .where('d.status', '=', 'decided')
    .where('p.planned_date', '>=', addDays(today, -62))
    .orderBy('p.planned_date')
    .orderBy('p.id')
    .execute();
  if (rows.length === 0) return;
  const sent = rows.filter((p) => p.status === 'paid').slice(-60);
  const coming = rows.filter((p) => p.status === 'planned').slice(0, 5);
  // Early in a month nothing is planned yet; then a few active cases get a supplementary decision (an acute cost
  // decided yesterday) whose payment is the coming proposal.
  if (coming.length < 4) {
    const taken = new Set(coming.map((p) => p.case_id));
    const cases = await db
      .selectFrom('cases as c')
      .innerJoin('units as u', 'u.id', 'c.unit_id')
      .select(['c.id', 'c.case_number', 'c.unit_id', 'c.household_id', 'u.name as unit_name'])
      .where('c.municipality_code', '=', municipality)
      .where('c.status', '=', 'active')
      .where('c.protected_identity', '=', false)
      .orderBy('c.case_number')
      .limit(12)
      .execute();
    const decidedOn = addDays(today, -1);
    for (const [i, c] of cases
      .filter((x) => !taken.has(x.id))
      .slice(0, 4 - coming.length)
      .entries()) {
      const decisionId = rng.uuid();
      const amount = rng.int(12, 48) * 100_00;
      const decidedBy = caseworkerOf(c.unit_id);
      await db
        .insertInto('decisions')
        .values({
          id: decisionId,
          case_id: c.id,
          application_id: null,
          outcome: 'granted',
          period_start: monthStart(today),
          period_end: monthEnd(today),
          amount,
          decided_by: decidedBy,
          decided_at: at(decidedOn, 10, 0),
          status: 'decided',
          reasons: 'Bistånd till en akut kostnad enligt kostnadsförslag (tilläggsbeslut).',
        })
        .execute();
      const paymentId = rng.uuid();
      const plannedDate = onOrAfterBankingDay(addDays(today, 2 + i));
      await db.insertInto('payments').values({ id: paymentId, case_id: c.id, decision_id: decisionId, amount, payee: 'client', planned_date: plannedDate, status: 'planned', paid_at: null }).execute();
      coming.push({
        id: paymentId,
        case_id: c.id,
        amount,
        payee: 'client',
        planned_date: plannedDate,
        status: 'planned',
        case_number: c.case_number,
        unit_id: c.unit_id,
        household_id: c.household_id,
        unit_name: c.unit_name,
        period_start: monthStart(today),
        decided: amount,
        decided_by: decidedBy,
      });
    }
  }

  // One account per case and payee kind; the client's belongs to the applicant.
  const accountKey = (caseId: string, payee: string) => `${caseId}:${payee}`;
  const accounts = new Map<string, { id: string; holder: string; kind: string; clearing: string | null; number: string }>();
  const accountFor = async (p: (typeof rows)[number], verified: boolean, createdAt: string) => {
    // An unverified account is always a new one (a changed account the caseworker has not checked yet).
    const key = accountKey(p.case_id, p.payee);
    const known = verified ? accounts.get(key) : undefined;
    if (known) return known;
    let holder: string = LANDLORD.name;
    let personId: string | null = null;
    let input: { kind: 'bankAccount' | 'bankgiro'; clearing?: string; number: string } = { kind: LANDLORD.kind, number: LANDLORD.number };
    if (p.payee === 'client') {
      const person = await db
        .selectFrom('household_members as m')
        .innerJoin('persons as pe', 'pe.id', 'm.person_id')
        .select(['pe.id', 'pe.first_name', 'pe.last_name'])
        .where('m.household_id', '=', p.household_id)
        .where('m.role', '=', 'applicant')
        .executeTakeFirstOrThrow();
      holder = `${person.first_name} ${person.last_name}`;
      personId = person.id;
      input = { ...rng.pick(CLIENT_ACCOUNTS) };
    }
    const v = validatePaymentAccount(input);
    if (!v.ok) throw new Error(`ogiltigt demokonto: ${JSON.stringify(input)}`);
    const id = rng.uuid();
    const caseworker = caseworkerOf(p.unit_id);
    await db
      .insertInto('payment_accounts')
      .values({
        id,
        case_id: p.case_id,
        person_id: personId,
        payee_kind: p.payee === 'client' ? 'client' : 'landlord',
        holder_name: holder,
        kind: v.account.kind,
        clearing: v.account.clearing,
        number: v.account.number,
        bank_name: v.account.bankName,
        display: v.account.display,
        verified_by: verified ? caseworker : null,
        verified_at: verified ? createdAt : null,
        verification_note: verified ? (p.payee === 'client' ? 'Kontobevis från banken' : 'Bankgiro kontrollerat mot hyresavtalet') : null,
        created_by: caseworker,
        created_at: createdAt,
      })
      .execute();
    const account = { id, holder, kind: v.account.kind, clearing: v.account.clearing, number: v.account.number };
    if (verified) accounts.set(key, account);
    return account;
  };
  const checksFor = (p: (typeof rows)[number], holder: string) =>
    evaluatePaymentApproval({
      approverId: kassa,
      fourEyes: true,
      payment: { status: 'planned', approvedAt: null, proposedBy: caseworkerOf(p.unit_id), amount: Number(p.amount), payeeKind: p.payee === 'client' ? 'client' : 'landlord' },
      account: { verifiedAt: 'x', verifiedByName: holder, valid: true, holderIsParty: true },
      decision: { status: 'decided', amount: Number(p.decided), decidedBy: p.decided_by },
      activeSumForDecision: Number(p.amount),
    }).checks.map((c) => (c.code === 'accountVerified' ? { ...c, detail: 'Kontrollerat av handläggaren.' } : c));

  // Sent: one payment file per payment day, made the day before by the kassa and confirmed by the bank.
  const settings = paymentSettings(municipality, today);
  const accounting = accountingSettings(municipality, today);
  const debtor = validatePaymentAccount({ kind: settings.debtor.account.kind, number: settings.debtor.account.number });
  if (!debtor.ok) throw new Error('kommunens konto i konfigurationen är inte giltigt');
  const days = [...new Set(sent.map((p) => p.planned_date))];
  for (const [i, day] of days.entries()) {
    const fileId = rng.uuid();
    const sequence = i + 1;
    const messageId = `VAGEN-${municipality}-${String(sequence).padStart(6, '0')}`;
    const sentAt = at(addDays(day, -1), 13, 30);
    const inFile = sent.filter((p) => p.planned_date === day);
    const batch: Pain001Batch = { paymentInfoId: `${messageId}-1`, executionDate: day, transactions: [] };
    const csvRows = [];
    const prepared: { p: (typeof rows)[number]; account: { id: string; holder: string }; endToEnd: string }[] = [];
    for (const p of inFile) {
      const account = await accountFor(p, true, at(addDays(day, -12), 9, 0));
      const endToEnd = `V${p.id.replace(/-/g, '').slice(0, 30).toUpperCase()}`;
      const period = `${MONTHS[Number(p.period_start.slice(5, 7)) - 1]} ${p.period_start.slice(0, 4)}`;
      batch.transactions.push({
        endToEndId: endToEnd,
        amountOre: Number(p.amount),
        creditorName: account.holder,
        creditorAccount: toIso20022Account({ kind: account.kind as 'bankAccount', clearing: account.clearing, number: account.number }),
        creditorClearing: account.kind === 'bankAccount' ? account.clearing : null,
        remittance: `${settings.remittancePrefix} ${p.case_number} ${period}`,
      });
      csvRows.push({
        caseNumber: p.case_number,
        unitName: p.unit_name,
        payeeKind: p.payee === 'client' ? ('client' as const) : ('landlord' as const),
        amountOre: Number(p.amount),
        endToEndId: endToEnd,
        period: p.period_start.slice(0, 7),
      });
      prepared.push({ p, account, endToEnd });
    }
    const xml = buildPain001({
      messageId,
      createdAt: `${sentAt.slice(0, 19)}Z`,
      initiatingParty: { name: settings.debtor.name, organisationNumber: settings.debtor.organisationNumber },
      debtor: { name: settings.debtor.name, organisationNumber: settings.debtor.organisationNumber, account: toIso20022Account(debtor.account), bic: settings.debtor.bic },
      currency: settings.currency,
      categoryPurpose: settings.debtor.categoryPurpose ?? null,
      batches: [batch],
    });
    const csv = `\uFEFF${buildAccountingCsv({ settings: accounting, verificationNumber: sequence, bookingDate: addDays(day, -1), paymentFileReference: messageId, rows: csvRows })}`;
    const doc = async (kind: string, title: string, mimeType: string, text: string) => {
      const id = rng.uuid();
      const content = Buffer.from(text, 'utf8');
      await db
        .insertInto('documents')
        .values({
          id,
          case_id: null,
          municipality_code: municipality,
          kind,
          title,
          mime_type: mimeType,
          content,
          sha256: createHash('sha256').update(content).digest('hex'),
          size_bytes: content.length,
          language: 'sv',
          visible_to_client: false,
          related_type: 'paymentFile',
          related_id: fileId,
          created_by: kassa,
          created_at: sentAt,
          locked_at: sentAt,
        })
        .execute();
      return id;
    };
    const xmlDoc = await doc('paymentFile', `Betalfil ${messageId} (pain.001)`, 'application/xml', xml);
    const csvDoc = await doc('accountingExport', `Bokföringsunderlag ${messageId}`, 'text/csv; charset=utf-8', csv);
    await db
      .insertInto('payment_files')
      .values({
        id: fileId,
        municipality_code: municipality,
        sequence_number: sequence,
        message_id: messageId,
        up_to: day,
        payment_count: inFile.length,
        total_amount: inFile.reduce((s, p) => s + Number(p.amount), 0),
        xml_document_id: xmlDoc,
        accounting_document_id: csvDoc,
        status: 'confirmed',
        created_by: kassa,
        created_at: sentAt,
        confirmed_by: kassa,
        confirmed_at: at(day, 9, 0),
      })
      .execute();
    for (const { p, account, endToEnd } of prepared) {
      const proposedAt = at(addDays(day, -6), 9, 15);
      const approvedAt = at(addDays(day, -2), 10, 0);
      const paidAt = at(day, 5, 0);
      await db
        .updateTable('payments')
        .set({
          account_id: account.id,
          payee_name: account.holder,
          end_to_end_id: endToEnd,
          date_basis: 'rule',
          proposed_by: caseworkerOf(p.unit_id),
          proposed_at: proposedAt,
          approved_by: kassa,
          approved_at: approvedAt,
          approval_checks: JSON.stringify(checksFor(p, account.holder)),
          payment_file_id: fileId,
          sent_at: sentAt,
        })
        .where('id', '=', p.id)
        .execute();
      await insertPaymentHistory(db, [{ paymentId: p.id, from: null, to: 'planned', actorId: caseworkerOf(p.unit_id), reason: 'Utbetalningsdag enligt kommunens regel.' }], new Date(proposedAt));
      await insertPaymentHistory(db, [{ paymentId: p.id, from: 'planned', to: 'approved', actorId: kassa, reason: 'Kassans kontroll: alla kontroller godkända.' }], new Date(approvedAt));
      await insertPaymentHistory(db, [{ paymentId: p.id, from: 'approved', to: 'sent', actorId: kassa, reason: `Betalfil ${messageId}` }], new Date(sentAt));
      await insertPaymentHistory(db, [{ paymentId: p.id, from: 'sent', to: 'paid', actorId: kassa, reason: 'Bankens bekräftelse' }], new Date(paidAt));
    }
  }

  // Waiting for the kassa: the coming payments as proposals; the first to an account not yet verified, the last sent
  // back to the caseworker.
  const proposedAt = at(today, 8, 30);
  for (const [i, p] of coming.entries()) {
    const account = await accountFor(p, i !== 0, at(addDays(today, -1), 14, 0));
    const caseworker = caseworkerOf(p.unit_id);
    await db
      .updateTable('payments')
      .set({
        account_id: account.id,
        payee_name: account.holder,
        end_to_end_id: `V${p.id.replace(/-/g, '').slice(0, 30).toUpperCase()}`,
        date_basis: 'rule',
        proposed_by: caseworker,
        proposed_at: proposedAt,
      })
      .where('id', '=', p.id)
      .execute();
    await insertPaymentHistory(db, [{ paymentId: p.id, from: null, to: 'planned', actorId: caseworker, reason: 'Utbetalningsdag enligt kommunens regel.' }], new Date(proposedAt));
    if (i === coming.length - 1 && coming.length > 1) {
      const returnedAt = at(today, 9, 10);
      const comment = 'Kontot stämmer inte med kontobeviset i akten. Kontrollera kontot och föreslå utbetalningen igen.';
      await db.transaction().execute((tx) =>
        changePaymentStatus(tx, p.id, 'returned', {
          actor: { kind: 'staff', id: kassa },
          reason: comment,
          at: new Date(returnedAt),
          set: { returned_by: kassa, returned_at: returnedAt, return_comment: comment },
        }),
      );
      continue;
    }
    await db
      .insertInto('work_items')
      .values({
        id: rng.uuid(),
        municipality_code: municipality,
        unit_id: p.unit_id,
        case_id: p.case_id,
        kind: 'paymentApproval',
        ref_type: 'payment',
        ref_id: p.id,
        title: `Kassakontroll: utbetalning ${formatKr(Number(p.amount))} i ärende ${p.case_number}`,
        priority: 3,
        received_at: proposedAt,
        due_at: at(p.planned_date, 7, 0),
        assigned_to: null,
        assigned_role: 'cashier',
        created_at: proposedAt,
        closed_at: null,
        closed_by: null,
      })
      .execute();
  }
}
