/**
 * Payee accounts on a case: the client's (or co-applicant's) own account, a landlord's bankgiro/plusgiro, or another
 * payee. Validated on entry (400 with the field and a Swedish message); verified by a caseworker, who records how.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { NewAccountBody, PaymentAccount, PaymentAccountList, VerifyAccountBody } from '@vagen/contract';
import type { FastifyInstance } from 'fastify';
import { validatePaymentAccount } from '@vagen/domain';
import { audit } from '../audit/log.ts';
import { guardCase } from '../cases/guard.ts';
import { conflict, notFound, ValidationFailure } from '../errors.ts';
import { newId } from '../ids.ts';
import { IdParams, refusalsAudited } from './common.ts';
import { loadAccounts } from './json.ts';

/** The household members who can be paid as "the client": applicant and co-applicant. */
export async function casePartyPersons(app: FastifyInstance, caseId: string) {
  return app.deps.db
    .selectFrom('cases as c')
    .innerJoin('household_members as hm', 'hm.household_id', 'c.household_id')
    .innerJoin('persons as p', 'p.id', 'hm.person_id')
    .select(['p.id', 'p.first_name', 'p.last_name', 'hm.role'])
    .where('c.id', '=', caseId)
    .where('hm.role', 'in', ['applicant', 'coApplicant'])
    .orderBy('hm.role')
    .execute();
}

export async function paymentAccountRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  r.get(
    '/api/v1/cases/:id/payment-accounts',
    {
      schema: { tags: ['utbetalningar'], summary: 'Konton för utbetalning i ärendet', params: IdParams, response: { 200: PaymentAccountList } },
    },
    async (request) => {
      const { actor, facts } = await guardCase(app, request, request.params.id, 'paymentAccount.list');
      await audit(deps.db, actor, deps.now(), {
        action: 'paymentAccount.list',
        targetType: 'case',
        targetId: request.params.id,
        caseId: request.params.id,
        personId: facts.applicantPersonId,
        outcome: 'success',
      });
      return { items: await loadAccounts(deps.db, { caseId: request.params.id }) };
    },
  );

  r.post(
    '/api/v1/cases/:id/payment-accounts',
    {
      schema: {
        tags: ['utbetalningar'],
        summary: 'Registrera ett konto för utbetalning (kontrolleras mot bankernas regler)',
        params: IdParams,
        body: NewAccountBody,
        response: { 201: PaymentAccount },
      },
    },
    async (request, reply) => {
      const caseId = request.params.id;
      const { actor, facts } = await guardCase(app, request, caseId, 'paymentAccount.create', 'payment.propose');
      const b = request.body;
      const errors: { path: string; message: string }[] = [];
      let holderName = b.holderName?.trim() ?? '';
      let personId: string | null = null;
      if (b.payeeKind === 'client') {
        const parties = await casePartyPersons(app, caseId);
        const person = parties.find((p) => p.id === b.personId);
        if (!b.personId) errors.push({ path: '/body/personId', message: 'Välj vems konto det är (sökande eller medsökande).' });
        else if (!person) errors.push({ path: '/body/personId', message: 'Personen är inte sökande eller medsökande i ärendet.' });
        else {
          personId = person.id;
          holderName = `${person.first_name} ${person.last_name}`;
        }
      } else if (!holderName) {
        errors.push({ path: '/body/holderName', message: 'Ange mottagarens namn.' });
      }
      if (b.kind !== 'bankAccount' && b.clearing) errors.push({ path: '/body/clearing', message: 'Clearingnummer anges bara för bankkonto.' });
      const v = validatePaymentAccount({ kind: b.kind, clearing: b.clearing ?? null, number: b.number });
      if (!v.ok) for (const e of v.errors) errors.push({ path: `/body/${e.field}`, message: e.message });
      if (errors.length || !v.ok) throw new ValidationFailure(errors);
      const account = v.account;
      const now = deps.now();
      const id = newId();
      await refusalsAudited(deps.db, actor, now, { action: 'paymentAccount.create', targetType: 'paymentAccount', targetId: id, caseId }, async () => {
        await deps.db.transaction().execute(async (tx) => {
          let dup = tx
            .selectFrom('payment_accounts')
            .select('id')
            .where('case_id', '=', caseId)
            .where('kind', '=', account.kind)
            .where('number', '=', account.number)
            .where('payee_kind', '=', b.payeeKind);
          dup = account.clearing === null ? dup.where('clearing', 'is', null) : dup.where('clearing', '=', account.clearing);
          dup = personId === null ? dup.where('person_id', 'is', null) : dup.where('person_id', '=', personId);
          if (await dup.executeTakeFirst()) throw conflict('Kontot finns redan registrerat för den här mottagaren i ärendet.');
          await tx
            .insertInto('payment_accounts')
            .values({
              id,
              case_id: caseId,
              person_id: personId,
              payee_kind: b.payeeKind,
              holder_name: holderName,
              kind: account.kind,
              clearing: account.clearing,
              number: account.number,
              bank_name: account.bankName,
              display: account.display,
              verified_by: null,
              verified_at: null,
              verification_note: null,
              created_by: actor.userId,
              created_at: now.toISOString(),
            })
            .execute();
          await audit(tx, actor, now, { action: 'paymentAccount.create', targetType: 'paymentAccount', targetId: id, caseId, personId: personId ?? facts.applicantPersonId, outcome: 'success' });
        });
      });
      const [json] = await loadAccounts(deps.db, { ids: [id] });
      return reply.status(201).send(json!);
    },
  );

  r.post(
    '/api/v1/payment-accounts/:id/verify',
    {
      schema: { tags: ['utbetalningar'], summary: 'Markera kontot som kontrollerat (vem, när, hur)', params: IdParams, body: VerifyAccountBody, response: { 200: PaymentAccount } },
    },
    async (request) => {
      const row = await deps.db.selectFrom('payment_accounts').select(['id', 'case_id', 'person_id']).where('id', '=', request.params.id).executeTakeFirst();
      if (!row) throw notFound('Kontot');
      const { actor, facts } = await guardCase(app, request, row.case_id, 'paymentAccount.verify', 'payment.propose');
      const now = deps.now();
      await refusalsAudited(deps.db, actor, now, { action: 'paymentAccount.verify', targetType: 'paymentAccount', targetId: row.id, caseId: row.case_id }, async () => {
        await deps.db.transaction().execute(async (tx) => {
          const locked = await tx.selectFrom('payment_accounts').select('verified_at').where('id', '=', row.id).forUpdate().executeTakeFirstOrThrow();
          if (locked.verified_at) throw conflict('Kontot är redan kontrollerat.');
          await tx.updateTable('payment_accounts').set({ verified_by: actor.userId, verified_at: now.toISOString(), verification_note: request.body.note.trim() }).where('id', '=', row.id).execute();
          await audit(tx, actor, now, {
            action: 'paymentAccount.verify',
            targetType: 'paymentAccount',
            targetId: row.id,
            caseId: row.case_id,
            personId: row.person_id ?? facts.applicantPersonId,
            outcome: 'success',
          });
        });
      });
      const [json] = await loadAccounts(deps.db, { ids: [row.id] });
      return json;
    },
  );
}
