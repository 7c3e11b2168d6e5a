/**
 * Payment files: every approved, not yet sent payment of the municipality up to a date → one ISO 20022 pain.001.001.03
 * file, checked against the XSD and Vägen's own totals rule before anything is stored; then the payments are marked
 * sent, the XML and the accounting export (CSV) are stored as locked documents, and the file is recorded.
 * A file that does not pass is not stored and the payments stay approved (422 with a Swedish message; logged).
 * The bank's confirmation (a stand-in for its camt/pain.002 answer) marks the payments paid.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ConfirmPaymentFileBody, CreatePaymentFileBody, fileResponse, PaymentFile, PaymentFileDetail, PaymentFileList } from '@vagen/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { swedishDate, buildAccountingCsv, buildPain001, hasCapability, onOrAfterBankingDay, toIso20022Account, validatePaymentAccount, verifyPain001, type Pain001Batch } from '@vagen/domain';
import { audit, auditDenied } from '../audit/log.ts';
import { requireStaff } from '../auth/sessions.ts';
import type { RequestActor } from '../context.ts';
import { storeDocument } from '../documents/store.ts';
import { conflict, forbidden, HttpProblem, notFound, ValidationFailure } from '../errors.ts';
import { newId } from '../ids.ts';
import { IdParams, insertPaymentHistory } from './common.ts';
import { loadPayments, payeeKindOf } from './json.ts';
import { accountingSettings, paymentSettings } from './settings.ts';
import { validatePain001Xsd } from './xsd.ts';

type StaffActor = Extract<RequestActor, { kind: 'staff' }>;

function requireCashier(request: FastifyRequest): StaffActor {
  const actor = requireStaff(request);
  if (!hasCapability(actor.role, 'payment.approve')) throw forbidden('Bara kassan kan hantera betalfiler.');
  return actor;
}

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

export async function paymentFileRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  async function fileOf(actor: StaffActor, id: string, action: string) {
    const f = await deps.db
      .selectFrom('payment_files as f')
      .innerJoin('staff_users as s', 's.id', 'f.created_by')
      .leftJoin('staff_users as cb', 'cb.id', 'f.confirmed_by')
      .selectAll('f')
      .select(['s.display_name as created_by_name', 'cb.display_name as confirmed_by_name'])
      .where('f.id', '=', id)
      .executeTakeFirst();
    if (!f || f.municipality_code !== actor.municipality) {
      await auditDenied(deps.db, actor, deps.now(), { action, targetType: 'paymentFile', targetId: id });
      throw notFound('Betalfilen');
    }
    return f;
  }

  const fileJson = (f: Awaited<ReturnType<typeof fileOf>>) => ({
    id: f.id,
    sequenceNumber: f.sequence_number,
    messageId: f.message_id,
    upTo: f.up_to,
    paymentCount: f.payment_count,
    totalAmount: Number(f.total_amount),
    status: f.status,
    statusLabel: f.status === 'confirmed' ? 'Bekräftad av banken' : 'Skickad',
    createdAt: f.created_at,
    createdByName: f.created_by_name,
    confirmedAt: f.confirmed_at,
    confirmedByName: f.confirmed_by_name,
    xmlUrl: `/api/v1/payment-files/${f.id}/xml`,
    csvUrl: `/api/v1/payment-files/${f.id}/csv`,
  });

  r.post(
    '/api/v1/payment-files',
    {
      schema: { tags: ['utbetalningar'], summary: 'Skapa betalfil (ISO 20022 pain.001) och bokföringsunderlag av godkända utbetalningar', body: CreatePaymentFileBody, response: { 201: PaymentFile } },
    },
    async (request, reply) => {
      const actor = requireCashier(request);
      const now = deps.now();
      const today = swedishDate(now);
      const municipality = actor.municipality;
      const settings = paymentSettings(municipality, today);
      const accounting = accountingSettings(municipality, today);

      const rows = await deps.db
        .selectFrom('payments as p')
        .innerJoin('cases as c', 'c.id', 'p.case_id')
        .innerJoin('units as u', 'u.id', 'c.unit_id')
        .innerJoin('payment_accounts as a', 'a.id', 'p.account_id')
        .leftJoin('decisions as d', 'd.id', 'p.decision_id')
        .select([
          'p.id',
          'p.case_id',
          'p.person_id',
          'p.amount',
          'p.payee',
          'p.planned_date',
          'p.end_to_end_id',
          'c.case_number',
          'u.name as unit_name',
          'a.kind',
          'a.clearing',
          'a.number',
          'a.holder_name',
          'd.period_start',
        ])
        .where('c.municipality_code', '=', municipality)
        .where('p.status', '=', 'planned')
        .where('p.approved_at', 'is not', null)
        .where('p.payment_file_id', 'is', null)
        .where('p.planned_date', '<=', request.body.upTo)
        .orderBy('p.planned_date')
        .orderBy('c.case_number')
        .orderBy('p.id')
        .execute();
      if (rows.length === 0) throw conflict(`Det finns inga godkända utbetalningar att skicka med utbetalningsdag till och med ${request.body.upTo}.`);

      const last = await deps.db
        .selectFrom('payment_files')
        .select((eb) => eb.fn.max('sequence_number').as('n'))
        .where('municipality_code', '=', municipality)
        .executeTakeFirst();
      const sequence = Number(last?.n ?? 0) + 1;
      const messageId = `VAGEN-${municipality}-${String(sequence).padStart(6, '0')}`;
      const earliest = onOrAfterBankingDay(today);
      const byDate = new Map<string, Pain001Batch>();
      const debtorAccount = validatePaymentAccount({ kind: settings.debtor.account.kind, number: settings.debtor.account.number });
      if (!debtorAccount.ok) throw new HttpProblem(503, 'CONFIGURATION_INVALID', 'Kommunens konto för utbetalningar i konfigurationen är inte giltigt. Kontakta systemförvaltaren.');
      for (const p of rows) {
        // biome-ignore lint/complexity/useMathMinMax: ISO dates compare as text
        const date = p.planned_date < earliest ? earliest : p.planned_date;
        const period = p.period_start ? `${MONTHS[Number(p.period_start.slice(5, 7)) - 1]} ${p.period_start.slice(0, 4)}` : '';
        const batch = byDate.get(date) ?? { paymentInfoId: `${messageId}-${byDate.size + 1}`, executionDate: date, transactions: [] };
        batch.transactions.push({
          endToEndId: p.end_to_end_id ?? p.id.replace(/-/g, '').slice(0, 35),
          amountOre: Number(p.amount),
          creditorName: p.holder_name,
          creditorAccount: toIso20022Account({ kind: p.kind, clearing: p.clearing, number: p.number }),
          creditorClearing: p.kind === 'bankAccount' ? p.clearing : null,
          remittance: `${settings.remittancePrefix} ${p.case_number}${period ? ` ${period}` : ''}`,
        });
        byDate.set(date, batch);
      }
      const xml = buildPain001({
        messageId,
        createdAt: `${now.toISOString().slice(0, 19)}Z`,
        initiatingParty: { name: settings.debtor.name, organisationNumber: settings.debtor.organisationNumber },
        debtor: { name: settings.debtor.name, organisationNumber: settings.debtor.organisationNumber, account: toIso20022Account(debtorAccount.account), bic: settings.debtor.bic },
        currency: settings.currency,
        categoryPurpose: settings.debtor.categoryPurpose ?? null,
        batches: [...byDate.values()].sort((a, b) => a.executionDate.localeCompare(b.executionDate)),
      });
      const problems = [...verifyPain001(xml), ...(await validatePain001Xsd(xml)).errors];
      if (problems.length) {
        request.log.error({ paymentFile: messageId, problems: problems.slice(0, 20) }, 'payment file failed validation');
        await auditDenied(deps.db, actor, now, { action: 'paymentFile.create', targetType: 'paymentFile', purpose: 'schemaValidationFailed' });
        throw new HttpProblem(
          422,
          'PAYMENT_FILE_INVALID',
          'Betalfilen klarade inte kontrollen mot ISO 20022-schemat och har inte skapats. Utbetalningarna är kvar som godkända. Kontakta systemförvaltaren.',
        );
      }
      const total = rows.reduce((s, p) => s + Number(p.amount), 0);
      const csv = buildAccountingCsv({
        settings: accounting,
        verificationNumber: sequence,
        bookingDate: today,
        paymentFileReference: messageId,
        rows: rows.map((p) => ({
          caseNumber: p.case_number,
          unitName: p.unit_name,
          payeeKind: payeeKindOf(p.payee),
          amountOre: Number(p.amount),
          endToEndId: p.end_to_end_id ?? p.id,
          period: p.period_start ? p.period_start.slice(0, 7) : '',
        })),
      });

      const fileId = newId();
      const ids = rows.map((p) => p.id);
      await deps.db.transaction().execute(async (tx) => {
        // The payments must still be approved and unsent (another cashier may have made a file meanwhile).
        const still = await tx
          .selectFrom('payments')
          .select('id')
          .where('id', 'in', ids)
          .where('status', '=', 'planned')
          .where('approved_at', 'is not', null)
          .where('payment_file_id', 'is', null)
          .forUpdate()
          .execute();
        if (still.length !== ids.length) throw conflict('Utbetalningarna ändrades medan filen skapades. Försök igen.');
        const xmlDoc = await storeDocument(
          tx,
          {
            caseId: null,
            municipality,
            kind: 'paymentFile',
            title: `Betalfil ${messageId} (pain.001)`,
            mimeType: 'application/xml',
            content: Buffer.from(xml, 'utf8'),
            related: { type: 'paymentFile', id: fileId },
            createdBy: actor.userId,
            locked: true,
          },
          now,
        );
        const csvDoc = await storeDocument(
          tx,
          {
            caseId: null,
            municipality,
            kind: 'accountingExport',
            title: `Bokföringsunderlag ${messageId}`,
            mimeType: 'text/csv; charset=utf-8',
            content: Buffer.from(`\uFEFF${csv}`, 'utf8'),
            related: { type: 'paymentFile', id: fileId },
            createdBy: actor.userId,
            locked: true,
          },
          now,
        );
        await tx
          .insertInto('payment_files')
          .values({
            id: fileId,
            municipality_code: municipality,
            sequence_number: sequence,
            message_id: messageId,
            up_to: request.body.upTo,
            payment_count: rows.length,
            total_amount: total,
            xml_document_id: xmlDoc,
            accounting_document_id: csvDoc,
            status: 'sent',
            created_by: actor.userId,
            created_at: now.toISOString(),
            confirmed_by: null,
            confirmed_at: null,
          })
          .execute();
        for (let i = 0; i < ids.length; i += 500) {
          await tx
            .updateTable('payments')
            .set({ status: 'sent', payment_file_id: fileId, sent_at: now.toISOString() })
            .where('id', 'in', ids.slice(i, i + 500))
            .execute();
        }
        await insertPaymentHistory(
          tx,
          ids.map((id) => ({ paymentId: id, from: 'approved' as const, to: 'sent' as const, actorId: actor.userId, reason: `Betalfil ${messageId}` })),
          now,
        );
        await audit(tx, actor, now, { action: 'paymentFile.create', targetType: 'paymentFile', targetId: fileId, outcome: 'success' });
        for (const p of rows) {
          await audit(tx, actor, now, { action: 'payment.send', targetType: 'payment', targetId: p.id, caseId: p.case_id, personId: p.person_id, outcome: 'success' });
        }
      });
      return reply.status(201).send(fileJson(await fileOf(actor, fileId, 'paymentFile.read')));
    },
  );

  r.get('/api/v1/payment-files', { schema: { tags: ['utbetalningar'], summary: 'Betalfiler i kommunen', response: { 200: PaymentFileList } } }, async (request) => {
    const actor = requireCashier(request);
    await audit(deps.db, actor, deps.now(), { action: 'paymentFile.list', targetType: 'paymentFileList', outcome: 'success' });
    const ids = await deps.db.selectFrom('payment_files').select('id').where('municipality_code', '=', actor.municipality).orderBy('sequence_number', 'desc').limit(100).execute();
    const items = [];
    for (const { id } of ids) items.push(fileJson(await fileOf(actor, id, 'paymentFile.list')));
    return { items };
  });

  r.get(
    '/api/v1/payment-files/:id',
    { schema: { tags: ['utbetalningar'], summary: 'En betalfil med dess utbetalningar', params: IdParams, response: { 200: PaymentFileDetail } } },
    async (request) => {
      const actor = requireCashier(request);
      const f = await fileOf(actor, request.params.id, 'paymentFile.read');
      await audit(deps.db, actor, deps.now(), { action: 'paymentFile.read', targetType: 'paymentFile', targetId: f.id, outcome: 'success' });
      return { ...fileJson(f), payments: await loadPayments(deps.db, { fileId: f.id }) };
    },
  );

  for (const [suffix, column, filename] of [
    ['xml', 'xml_document_id', 'pain001'],
    ['csv', 'accounting_document_id', 'bokforing'],
  ] as const) {
    r.get(
      `/api/v1/payment-files/:id/${suffix}`,
      {
        schema: {
          tags: ['utbetalningar'],
          summary: suffix === 'xml' ? 'Ladda ner betalfilen (XML)' : 'Ladda ner bokföringsunderlaget (CSV)',
          params: IdParams,
          response: { 200: suffix === 'xml' ? fileResponse('application/xml', 'Betalfilen (ISO 20022 pain.001.001.03)') : fileResponse('text/csv', 'Bokföringsunderlaget') },
        },
      },
      async (request, reply) => {
        const actor = requireCashier(request);
        const f = await fileOf(actor, request.params.id, `paymentFile.download.${suffix}`);
        // Logged before the content is read: a download that cannot be logged is not served.
        await audit(deps.db, actor, deps.now(), { action: `paymentFile.download.${suffix}`, targetType: 'document', targetId: f[column], outcome: 'success' });
        const doc = await deps.db.selectFrom('documents').select(['content', 'mime_type', 'sha256']).where('id', '=', f[column]).executeTakeFirstOrThrow();
        reply.header('content-type', doc.mime_type);
        reply.header('content-disposition', `attachment; filename="${f.message_id}-${filename}.${suffix}"`);
        reply.header('cache-control', 'no-store');
        reply.header('etag', `"${doc.sha256}"`);
        return reply.send(Buffer.from(doc.content));
      },
    );
  }

  r.post(
    '/api/v1/payment-files/:id/confirm',
    {
      schema: { tags: ['utbetalningar'], summary: 'Bankens bekräftelse: utbetalningarna i filen är utbetalda', params: IdParams, body: ConfirmPaymentFileBody, response: { 200: PaymentFile } },
    },
    async (request) => {
      const actor = requireCashier(request);
      const f = await fileOf(actor, request.params.id, 'paymentFile.confirm');
      const now = deps.now();
      const paidAt = request.body.paidAt ? new Date(request.body.paidAt) : now;
      if (paidAt.getTime() > now.getTime() + 60_000) {
        throw new ValidationFailure([{ path: '/body/paidAt', message: 'Tidpunkten kan inte ligga i framtiden.' }]);
      }
      try {
        await deps.db.transaction().execute(async (tx) => {
          const locked = await tx.selectFrom('payment_files').select('status').where('id', '=', f.id).forUpdate().executeTakeFirstOrThrow();
          if (locked.status !== 'sent') throw conflict('Betalfilen är redan bekräftad.');
          const payments = await tx.selectFrom('payments').select(['id', 'case_id', 'person_id']).where('payment_file_id', '=', f.id).where('status', '=', 'sent').execute();
          await tx.updateTable('payments').set({ status: 'paid', paid_at: paidAt.toISOString() }).where('payment_file_id', '=', f.id).where('status', '=', 'sent').execute();
          await insertPaymentHistory(
            tx,
            payments.map((p) => ({ paymentId: p.id, from: 'sent' as const, to: 'paid' as const, actorId: actor.userId, reason: `Bankens bekräftelse av ${f.message_id}` })),
            now,
          );
          await tx.updateTable('payment_files').set({ status: 'confirmed', confirmed_by: actor.userId, confirmed_at: now.toISOString() }).where('id', '=', f.id).execute();
          await audit(tx, actor, now, { action: 'paymentFile.confirm', targetType: 'paymentFile', targetId: f.id, outcome: 'success' });
          for (const p of payments) await audit(tx, actor, now, { action: 'payment.paid', targetType: 'payment', targetId: p.id, caseId: p.case_id, personId: p.person_id, outcome: 'success' });
        });
      } catch (e) {
        if (e instanceof HttpProblem && e.statusCode === 409) await auditDenied(deps.db, actor, now, { action: 'paymentFile.confirm', targetType: 'paymentFile', targetId: f.id, purpose: e.code });
        throw e;
      }
      return fileJson(await fileOf(actor, f.id, 'paymentFile.read'));
    },
  );
}
