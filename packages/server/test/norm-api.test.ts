import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { ValidationFailure } from '../src/errors.ts';
import { installPlainSerializer, installResponseContract } from '../src/http/response-contract.ts';
import { installValidators } from '../src/http/validation.ts';
import { normRoutes } from '../src/norm/routes.ts';

/**
 * A bare app: the app's validators, rate limiting (global: false), the norm routes and a minimal error mapping; every
 * response is checked against the route's response schema, as in the whole app's tests.
 */
async function buildTestApp(): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  installValidators(app);
  installPlainSerializer(app);
  installResponseContract(app, { requireDeclared: true });
  app.setErrorHandler((error: FastifyError | Error, _request, reply) => {
    if (error instanceof ValidationFailure) return reply.status(400).send({ error: 'VALIDATION', message: error.message, fields: error.fields });
    const status = (error as FastifyError).statusCode ?? 500;
    if (status === 429) return reply.status(429).send({ error: 'RATE_LIMITED', message: 'För många förfrågningar.' });
    return reply.status(status).send({ error: 'ERROR', message: error.message });
  });
  await app.register(rateLimit, { global: false });
  await app.register(normRoutes);
  await app.ready();
  return app;
}

const app = await buildTestApp();
after(() => app.close());

const post = (payload: unknown, ip = '10.0.0.1') => app.inject({ method: 'POST', url: '/api/v1/norm-calculations', payload: payload as object, remoteAddress: ip });

test('200: single adult 2025 → norm 5 180 kr, without sign-in', async () => {
  const res = await post({ month: '2025-05', adults: [{ id: 'a1', role: 'applicant' }] });
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.totals.norm, 518000);
  assert.equal(body.totals.assistance, 518000);
  assert.equal(body.proposal.outcome, 'granted');
  assert.equal(body.normTable.id, 'riksnorm-2025');
  assert.equal(body.lines[0].rule, 'RN-ADULT-SINGLE');
  assert.equal(body.lines[0].source.cell, 'adults.single');
});

test('200: the contract example (2026, verified table, capped rent, shared household)', async () => {
  const res = await post({
    month: '2026-03',
    municipality: '2281',
    adults: [
      { id: 'a1', role: 'applicant' },
      { id: 'a2', role: 'coApplicant' },
    ],
    children: [{ id: 'c1', birthDate: '2021-05-10', daysAtHome: 31, lunchAtPreschool: true }],
    householdSize: 5,
    costs: [{ type: 'rent', amount: 850000 }],
    incomes: [{ type: 'childAllowance', person: 'a1', amount: 125000 }],
    jobStimulus: ['a1'],
  });
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.deepEqual([body.normTable.id, body.normTable.provisional, body.normTable.verified], ['riksnorm-2026', false, true]);
  assert.equal(body.totals.norm, 1121800);
  assert.equal(body.totals.costs, 619200);
  assert.equal(body.totals.assistance, 1121800 + 619200 - 125000);
  assert.equal(body.proposal.outcome, 'partlyRefused');
  assert.ok(body.warnings.some((w: { type: string }) => w.type === 'EXPENSE_CAPPED'));
  assert.ok(!body.warnings.some((w: { type: string }) => w.type === 'PROVISIONAL_TABLE'));
});

test('200: January 2027 under the reform, with the new facts; the provisional lines are named', async () => {
  const res = await post({
    month: '2027-01',
    adults: [{ id: 'a1', role: 'applicant', lawfullyResident: true, reducedWorkCapacityDueToIllness: true }],
    costs: [{ type: 'rent', amount: 500000, secondHand: true, subletApproved: false }],
    emergencyAid: false,
  });
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.deepEqual([body.normTable.id, body.normTable.regime, body.normTable.provisional], ['riksnorm-2027', 'SoL2025:400-2027', true]);
  assert.equal(body.totals.costs, 0);
  assert.equal(body.lines[2].rule, 'COST-SUBLET-NOT-APPROVED');
  const types = body.warnings.map((w: { type: string }) => w.type);
  for (const t of ['PROVISIONAL_LINES', 'SUBLET_NOT_APPROVED', 'EXPECTED_DOCUMENT']) assert.ok(types.includes(t), `${t} in ${types}`);
  // The new fields are validated: a string for a boolean is a 400 with the field's path.
  const bad = await post({ month: '2027-01', adults: [{ id: 'a1', role: 'applicant', lawfullyResident: 'ja' }], costs: [{ type: 'electricity', amount: 1, secondHand: true }] });
  assert.equal(bad.statusCode, 400);
  const paths = bad.json().fields.map((f: { path: string }) => f.path);
  assert.ok(paths.includes('/body/adults/0/lawfullyResident'), paths.join());
});

test('400 with field paths: schema errors (floats for öre, negative, unknown role, unknown field)', async () => {
  const res = await post({
    month: '2025-05',
    adults: [{ id: 'a1', role: 'boss' }],
    costs: [
      { type: 'rent', amount: 100.5 },
      { type: 'rent', amount: -1 },
    ],
    color: 'blue',
  });
  assert.equal(res.statusCode, 400);
  const body = res.json();
  assert.equal(body.error, 'VALIDATION');
  const paths = body.fields.map((f: { path: string }) => f.path);
  for (const p of ['/body/adults/0/role', '/body/costs/0/amount', '/body/costs/1/amount', '/body/color']) assert.ok(paths.includes(p), `${p} in ${paths}`);
  // A number sent as text is an error, not converted.
  const text = await post({ month: '2025-05', adults: [{ id: 'a1', role: 'applicant' }], costs: [{ type: 'rent', amount: '5000' }] });
  assert.equal(text.statusCode, 400);
});

test('400 with field paths: domain errors (coApplicant without applicant, child older than 20, missing table)', async () => {
  const co = await post({ month: '2025-05', adults: [{ id: 'a2', role: 'coApplicant' }] });
  assert.equal(co.statusCode, 400);
  assert.deepEqual(
    co.json().fields.map((f: { path: string }) => f.path),
    ['/body/adults/0/role'],
  );

  const old = await post({ month: '2025-05', adults: [{ id: 'a1', role: 'applicant' }], children: [{ id: 'c1', birthDate: '2001-01-01' }] });
  assert.equal(old.statusCode, 400);
  assert.equal(old.json().fields[0].path, '/body/children/0/birthDate');
  assert.match(old.json().fields[0].message, /24 år/);

  const missing = await post({ month: '2031-01', adults: [{ id: 'a1', role: 'applicant' }] });
  assert.equal(missing.statusCode, 400);
  assert.equal(missing.json().fields[0].path, '/body/month');
  assert.match(missing.json().message, /ingen riksnormstabell för januari 2031/);

  const badMonth = await post({ month: '2025-13', adults: [{ id: 'a1', role: 'applicant' }] });
  assert.equal(badMonth.statusCode, 400);
  assert.equal(badMonth.json().fields[0].path, '/body/month');
});

test('rate-limited: 120 requests a minute per client, then 429', async () => {
  const ip = '10.9.9.9';
  const input = { month: '2025-05', adults: [{ id: 'a1', role: 'applicant' }] };
  for (let i = 0; i < 120; i++) {
    const res = await post(input, ip);
    assert.equal(res.statusCode, 200, `request ${i + 1}`);
  }
  const limited = await post(input, ip);
  assert.equal(limited.statusCode, 429);
  // Another client is not affected.
  assert.equal((await post(input, '10.9.9.10')).statusCode, 200);
});
