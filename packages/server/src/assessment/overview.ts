/** GET /api/v1/cases/:id/assessment — everything the case page shows in "Ansökan", "Beräkning" and "Beslut". */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AssessmentOverview, AssessmentQuery, IdParams } from '@vagen/contract';
import type { FastifyInstance } from 'fastify';
import {
  swedishDate,
  ASSET_KINDS,
  ASSET_LABELS,
  COST_TYPES,
  COST_TYPE_LABELS,
  hasCapability,
  INCOME_TYPES,
  INCOME_TYPE_LABELS,
  TENURE_FORMS,
  TENURE_LABELS,
  COMMUNICATION_CHANNELS,
  COMMUNICATION_CHANNEL_LABELS,
} from '@vagen/domain';
import { audit } from '../audit/log.ts';
import { guardCase } from '../cases/guard.ts';
import { applicationJson } from './applications.ts';
import { calculationJson } from './calculations.ts';
import { fourEyes } from '../decisions/config.ts';
import { caseRow, currentCalculation, loadApplication } from './store.ts';
import { contentFor } from '../decisions/drafts.ts';
import { decisionJson, toDecision } from '../decisions/store.ts';

export async function overviewRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = app;

  r.get(
    '/api/v1/cases/:id/assessment',
    {
      schema: {
        tags: ['bedömning'],
        summary: 'Ärendets ansökningar med innehåll, aktuella beräkningar, beslut och kommuniceringar',
        params: IdParams,
        querystring: AssessmentQuery,
        response: { 200: AssessmentOverview },
      },
    },
    async (request) => {
      const { actor, facts } = await guardCase(app, request, request.params.id, 'assessment.read');
      const now = deps.now();
      await audit(deps.db, actor, now, {
        action: 'assessment.read',
        targetType: 'case',
        targetId: request.params.id,
        caseId: request.params.id,
        personId: facts.applicantPersonId,
        outcome: 'success',
      });
      const c = await caseRow(deps.db, request.params.id);
      const apps = await deps.db
        .selectFrom('applications')
        .select('id')
        .where('case_id', '=', c.id)
        .orderBy('period_month', 'desc')
        .orderBy('submitted_at', 'desc')
        .limit(request.query.limit)
        .execute();
      const applications = [];
      for (const { id } of apps) {
        const a = (await loadApplication(deps.db, id))!;
        const calc = await currentCalculation(deps.db, id);
        const decisionRows = await deps.db.selectFrom('decisions').selectAll().where('application_id', '=', id).orderBy('decided_at', 'desc').execute();
        const content = await contentFor(deps.db, a);
        const decisions = [];
        for (const row of decisionRows) decisions.push(await decisionJson(deps.db, toDecision(row), { municipality: c.municipality_code, content, now, actorRole: actor.role }));
        applications.push({
          application: await applicationJson(deps.db, a),
          calculation: calc ? await calculationJson(deps.db, calc, c.municipality_code) : null,
          decisions,
        });
      }
      return {
        caseId: c.id,
        caseNumber: c.case_number,
        applications,
        fourEyes: fourEyes(c.municipality_code, swedishDate(now)),
        permissions: { canEdit: hasCapability(actor.role, 'assessment.write'), canDecide: hasCapability(actor.role, 'decision.make') },
        choices: {
          tenure: TENURE_FORMS.map((v) => ({ value: v, label: TENURE_LABELS[v] })),
          costTypes: COST_TYPES.filter((t) => t !== 'rent').map((v) => ({ value: v, label: COST_TYPE_LABELS[v] })),
          incomeTypes: INCOME_TYPES.map((v) => ({ value: v, label: INCOME_TYPE_LABELS[v] })),
          assetKinds: ASSET_KINDS.map((v) => ({ value: v, label: ASSET_LABELS[v] })),
          communicationChannels: COMMUNICATION_CHANNELS.map((v) => ({ value: v, label: COMMUNICATION_CHANNEL_LABELS[v] })),
        },
      };
    },
  );
}
