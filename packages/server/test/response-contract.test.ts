import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { Type } from '@sinclair/typebox';
import { installPlainSerializer, installResponseContract } from '../src/http/response-contract.ts';

async function appWith(handler: () => unknown, requireDeclared = false) {
  const app = Fastify();
  installPlainSerializer(app);
  installResponseContract(app, { requireDeclared });
  const schema = { response: { 200: Type.Object({ name: Type.String(), amountOre: Type.Integer() }) } };
  app.get('/api/declared', { schema }, async () => handler());
  app.get('/api/undeclared', async () => handler());
  await app.ready();
  return app;
}

test('a response that matches its schema passes unchanged', async () => {
  const app = await appWith(() => ({ name: 'Hyra', amountOre: 650000 }));
  const res = await app.inject({ url: '/api/declared' });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { name: 'Hyra', amountOre: 650000 });
});

test('a field the contract does not name, or a wrong type, fails the response', async () => {
  let body: unknown = { name: 'Hyra', amountOre: 650000, secret: 'x' };
  const app = await appWith(() => body);
  assert.equal((await app.inject({ url: '/api/declared' })).statusCode, 500);
  body = { name: 'Hyra', amountOre: '6500' };
  assert.equal((await app.inject({ url: '/api/declared' })).statusCode, 500);
});

test('with requireDeclared, an API route without a response schema fails', async () => {
  assert.equal((await (await appWith(() => ({ a: 1 }), false)).inject({ url: '/api/undeclared' })).statusCode, 200);
  assert.equal((await (await appWith(() => ({ a: 1 }), true)).inject({ url: '/api/undeclared' })).statusCode, 500);
});
