/** The intake interview's answers carry into the first application: the caseworker does not type them again. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createIntakeWorld, intakeWorker, registration, singleAdultInterview, type IntakeWorld } from './intake-fixtures.ts';

let w: IntakeWorld;
before(async () => {
  w = await createIntakeWorld();
});
after(async () => {
  await w.close();
});

test('the first application is pre-filled from the interview: housing, incomes, costs, children’s days at home', async () => {
  const m = await intakeWorker(w);
  const reg = await m.post('/api/v1/intake', registration(w, { periodMonth: '2026-03' }));
  assert.equal(reg.statusCode, 201, reg.body);
  const r = reg.json();
  const before = (await m.get(`/api/v1/applications/${r.applicationId}`)).json();
  assert.equal(before.content.housing.rent, 0);
  const interview = {
    ...singleAdultInterview,
    housing: { tenure: 'secondHand', monthlyCost: 650000, note: 'Hyr i andra hand av en kusin' },
    household: { coApplicant: false, children: [{ birthDate: '2018-04-02', daysAtHome: 12 }] },
    incomes: [{ type: 'childAllowance', person: 'applicant', amount: 125000 }],
    otherCosts: [{ type: 'electricity', amount: 38000 }],
  };
  const saved = await m.post(`/api/v1/intake/${r.id}/interview`, interview);
  assert.equal(saved.statusCode, 200, saved.body);
  const a = (await m.get(`/api/v1/applications/${r.applicationId}`)).json();
  assert.equal(a.filled, false);
  assert.equal(a.content.housing.tenure, 'secondHand');
  assert.equal(a.content.housing.rent, 650000);
  assert.equal(a.content.housing.note, 'Hyr i andra hand av en kusin');
  assert.deepEqual(
    a.content.incomes.map((x: { type: string; amount: number }) => [x.type, x.amount]),
    [['childAllowance', 125000]],
  );
  assert.deepEqual(
    a.content.costs.map((x: { type: string; amount: number }) => [x.type, x.amount]),
    [['electricity', 38000]],
  );
  assert.equal(a.content.children.length, 1);
  assert.equal(a.content.children[0].daysAtHome, 12);
  assert.deepEqual(a.content.period, { start: '2026-03-01', end: '2026-03-31' });
});
