import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { RULES_CHECK_MS } from '../src/rules/live.ts';
import { as, auditCount, createWorld, login, type Session, type World } from './harness.ts';

/**
 * The systemförvaltare's rule documents (/api/v1/admin/rules): a new dated version of the municipality's guideline
 * caps is drafted, previewed, published, and from its first day the norm calculation uses it; earlier months keep the
 * version before it.
 */
let w: World;
let admin: Session;
before(async () => {
  w = await createWorld();
  admin = await login(w, 'admin');
});
after(() => w.close());

/** The rent line of a trial calculation for one adult with the given rent (öre): the amount that counts. */
async function rentAllowed(month: string, rent = 900000): Promise<{ amount: number; guidelines: string | null }> {
  const res = await w.app.inject({
    method: 'POST',
    url: '/api/v1/norm-calculations',
    payload: { month, municipality: '2281', adults: [{ id: 'a1', role: 'applicant' }], costs: [{ type: 'rent', amount: rent }] },
  });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  return { amount: body.lines.find((l: { costType?: string }) => l.costType === 'rent').amount, guidelines: body.guidelines?.id ?? null };
}

type Version = {
  id: string;
  status: string;
  validFrom: string;
  validTo: string | null;
  applies: boolean;
  appliesTo: string | null;
  data: { caps: { rent: { rows: { amount: unknown }[] } } } & Record<string, unknown>;
  problems: { path: string; message: string }[];
};

async function draftOfGuidelines(validFrom: string, validTo: string | null, rentSingle: number): Promise<Version> {
  const api = as(w, admin);
  const created = await api.post('/api/v1/admin/rules/documents/guidelines-2281-2026/drafts', { fromVersion: 'file', validFrom, validTo, source: 'Socialnämndens beslut 2026-05-20 § 45' });
  assert.equal(created.statusCode, 201, created.body);
  const draft = created.json() as Version;
  assert.equal(draft.status, 'draft');
  assert.equal(draft.data.caps.rent.rows[0]!.amount, 4474, 'the draft is a copy of the version it was made from');
  draft.data.caps.rent.rows[0]!.amount = rentSingle;
  const saved = await w.app.inject({
    method: 'PATCH',
    url: `/api/v1/admin/rules/versions/${draft.id}`,
    payload: { validFrom, validTo, source: 'Socialnämndens beslut 2026-05-20 § 45', data: draft.data },
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
  });
  assert.equal(saved.statusCode, 200, saved.body);
  assert.deepEqual(saved.json().problems, []);
  return saved.json();
}

test('only a systemförvaltare sees the rule documents; the list shows validity and source', async () => {
  const worker = await login(w, 'nord');
  const denied = await as(w, worker).get('/api/v1/admin/rules');
  assert.equal(denied.statusCode, 403);
  assert.equal(await auditCount(w, { action: 'rules.list', outcome: 'denied' }), 1);

  const res = await as(w, admin).get('/api/v1/admin/rules');
  assert.equal(res.statusCode, 200);
  const docs = res.json().documents as { documentId: string; kind: string; versions: { validFrom: string; validTo: string | null; source: string; applies: boolean }[] }[];
  const caps = docs.find((d) => d.documentId === 'guidelines-2281-2026')!;
  assert.equal(caps.kind, 'municipalGuidelines');
  assert.equal(caps.versions[0]!.validFrom, '2026-01-01');
  assert.equal(caps.versions[0]!.validTo, '2026-12-31');
  assert.match(caps.versions[0]!.source, /EXEMPEL/);
  for (const id of [
    'riksnorm-2027',
    'decision-letter-2281-2025',
    'delegation-2281-2025',
    'four-eyes-2281-2025',
    'payment-settings-2281-2025',
    'reason-phrases-2281-2025',
    'legal-references-national-2025-07',
  ]) {
    assert.ok(
      docs.some((d) => d.documentId === id),
      id,
    );
  }
  assert.equal(await auditCount(w, { action: 'rules.list', outcome: 'success' }), 1);
});

test('a new rent cap from 1 July: the preview uses it, and after publishing the calculation from July does, June does not', async () => {
  assert.equal((await rentAllowed('2026-07')).amount, 447400);
  const draft = await draftOfGuidelines('2026-07-01', '2026-12-31', 5000);
  const api = as(w, admin);

  // Not yet published: the calculation is unchanged, the preview shows the draft.
  const preview = await api.post(`/api/v1/admin/rules/versions/${draft.id}/preview/norm`, { month: '2026-07', adults: [{ id: 'a1', role: 'applicant' }], costs: [{ type: 'rent', amount: 900000 }] });
  assert.equal(preview.statusCode, 200, preview.body);
  assert.equal(preview.json().lines.find((l: { costType?: string }) => l.costType === 'rent').amount, 500000);
  assert.equal((await rentAllowed('2026-07')).amount, 447400);

  const published = await api.post(`/api/v1/admin/rules/versions/${draft.id}/publish`);
  assert.equal(published.statusCode, 200, published.body);
  assert.equal(published.json().status, 'published');
  assert.equal(await auditCount(w, { action: 'rules.publish' }), 1);

  const july = await rentAllowed('2026-07');
  assert.equal(july.amount, 500000);
  assert.equal(july.guidelines, 'guidelines-2281-2026@2026-07-01');
  assert.equal((await rentAllowed('2026-06')).amount, 447400, 'a month before the new version keeps the old cap');

  // The list shows which version applies when: the file's version now ends the day before.
  const doc = (await api.get('/api/v1/admin/rules/documents/guidelines-2281-2026')).json();
  const file = doc.versions.find((v: Version) => v.id === 'file');
  assert.equal(file.appliesTo, '2026-06-30');
  assert.equal(file.validTo, '2026-12-31', 'the shipped version itself is not changed');

  // A published version is never changed, nor withdrawn.
  const edit = await w.app.inject({
    method: 'PATCH',
    url: `/api/v1/admin/rules/versions/${draft.id}`,
    payload: { validFrom: '2026-07-01', validTo: null, source: 'x', data: draft.data },
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
  });
  assert.equal(edit.statusCode, 409);
  assert.equal((await api.post(`/api/v1/admin/rules/versions/${draft.id}/withdraw`)).statusCode, 409);
});

test('next year from 1 January 2027: 2027 gets the new caps, December 2026 keeps its own', async () => {
  const draft = await draftOfGuidelines('2027-01-01', '2027-12-31', 5200);
  assert.equal((await as(w, admin).post(`/api/v1/admin/rules/versions/${draft.id}/publish`)).statusCode, 200);
  assert.equal((await rentAllowed('2027-01')).amount, 520000);
  assert.equal((await rentAllowed('2026-12')).amount, 500000);
});

test('a draft with a bad amount cannot be published: 400 with the field and a Swedish message', async () => {
  const api = as(w, admin);
  const draft = await draftOfGuidelines('2027-06-01', '2027-12-31', 5300);
  draft.data.caps.rent.rows[1]!.amount = 'femtusen';
  const saved = await w.app.inject({
    method: 'PATCH',
    url: `/api/v1/admin/rules/versions/${draft.id}`,
    payload: { validFrom: '2027-06-01', validTo: '2027-12-31', source: 'Beslut', data: draft.data },
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
  });
  assert.equal(saved.statusCode, 200, 'a draft may be saved with faults, so work is not lost');
  assert.ok(
    saved.json().problems.some((p: { path: string }) => p.path === '/data/caps/rent/rows/1/amount'),
    saved.body,
  );

  const publish = await api.post(`/api/v1/admin/rules/versions/${draft.id}/publish`);
  assert.equal(publish.statusCode, 400);
  const field = publish.json().fields.find((f: { path: string }) => f.path === '/data/caps/rent/rows/1/amount');
  assert.ok(field, publish.body);
  assert.match(publish.json().message, /kan inte publiceras/);

  // A validity that does not start on the first of a month is refused the same way.
  draft.data.caps.rent.rows[1]!.amount = 5600;
  await w.app.inject({
    method: 'PATCH',
    url: `/api/v1/admin/rules/versions/${draft.id}`,
    payload: { validFrom: '2027-06-15', validTo: '2027-12-31', source: 'Beslut', data: draft.data },
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
  });
  const again = await api.post(`/api/v1/admin/rules/versions/${draft.id}/publish`);
  assert.equal(again.statusCode, 400);
  assert.ok(
    again.json().fields.some((f: { message: string }) => /första dagen/.test(f.message)),
    again.body,
  );

  const withdrawn = await api.post(`/api/v1/admin/rules/versions/${draft.id}/withdraw`);
  assert.equal(withdrawn.statusCode, 200);
  assert.equal(withdrawn.json().status, 'withdrawn');
  assert.equal((await rentAllowed('2027-07')).amount, 520000);
});

test('a letter template draft is previewed with example values', async () => {
  const api = as(w, admin);
  const created = await api.post('/api/v1/admin/rules/documents/decision-letter-2281-2025/drafts', { fromVersion: 'file', validFrom: '2027-01-01', validTo: null, source: 'Nämndens beslut' });
  assert.equal(created.statusCode, 201, created.body);
  const preview = await api.post(`/api/v1/admin/rules/versions/${created.json().id}/preview/letter`);
  assert.equal(preview.statusCode, 200, preview.body);
  const granted = preview.json().texts.find((t: { path: string }) => t.path === '/outcomeText/granted');
  assert.equal(granted.text, 'Du får ekonomiskt bistånd med 8 450 kr för april 2027.');
});

test('a version published by another server process is used within a second', async () => {
  const db = w.handle.db;
  const file = (await as(w, admin).get('/api/v1/admin/rules/documents/guidelines-2281-2026')).json();
  const data = structuredClone(file.versions.find((v: Version) => v.id === 'file').data);
  data.caps.rent.rows[0]!.amount = 6100;
  // As another process would: the version and the raised revision in one transaction.
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('rule_versions')
      .values({
        id: '00000000-0000-4000-8000-00000000a001',
        family: 'norm',
        kind: 'municipalGuidelines',
        document_id: 'guidelines-2281-2026',
        municipality_code: '2281',
        valid_from: '2026-10-01',
        valid_to: '2026-12-31',
        source: 'Beslut i annan process',
        data: JSON.stringify(data),
        status: 'published',
        created_by: w.ids.users.admin!,
        created_at: '2026-03-10T09:00:00Z',
        updated_at: '2026-03-10T09:00:00Z',
        published_by: w.ids.users.admin!,
        published_at: '2026-03-10T09:00:00Z',
      })
      .execute();
    await tx
      .updateTable('rule_revision')
      .set((eb) => ({ revision: eb('revision', '+', 1) }))
      .execute();
  });
  await new Promise((r) => setTimeout(r, RULES_CHECK_MS + 50));
  assert.equal((await rentAllowed('2026-10')).amount, 610000);
  assert.equal((await rentAllowed('2026-09')).amount, 500000);
});

test('next year’s riksnorm table is loaded as a new version in December, without a developer', async () => {
  const api = as(w, admin);
  const created = await api.post('/api/v1/admin/rules/documents/riksnorm-2027/drafts', {
    fromVersion: 'file',
    validFrom: '2028-01-01',
    validTo: '2028-12-31',
    source: 'SoF 2025:468 12 kap. 2 § i lydelse från 1 januari 2028',
  });
  assert.equal(created.statusCode, 201, created.body);
  const draft = created.json() as { id: string; data: { title: string; adults: { single: number } } & Record<string, unknown> };
  draft.data.title = 'Riksnormen för försörjningsstöd 2028';
  draft.data.adults.single = 4100;
  const saved = await api.patch(`/api/v1/admin/rules/versions/${draft.id}`, {
    validFrom: '2028-01-01',
    validTo: '2028-12-31',
    source: 'SoF 2025:468 12 kap. 2 § i lydelse från 1 januari 2028',
    data: draft.data,
  });
  assert.equal(saved.statusCode, 200, saved.body);
  assert.deepEqual(saved.json().problems, []);

  const before = await w.app.inject({ method: 'POST', url: '/api/v1/norm-calculations', payload: { month: '2028-01', adults: [{ id: 'a1', role: 'applicant' }] } });
  assert.equal(before.statusCode, 400, 'no table for 2028 yet');
  assert.equal((await api.post(`/api/v1/admin/rules/versions/${draft.id}/publish`)).statusCode, 200);

  const after2028 = await w.app.inject({ method: 'POST', url: '/api/v1/norm-calculations', payload: { month: '2028-01', adults: [{ id: 'a1', role: 'applicant' }] } });
  assert.equal(after2028.statusCode, 200, after2028.body);
  assert.equal(after2028.json().lines[0].amount, 410000);
  assert.equal(after2028.json().normTable.id, 'riksnorm-2027@2028-01-01');
  const dec2027 = await w.app.inject({ method: 'POST', url: '/api/v1/norm-calculations', payload: { month: '2027-12', adults: [{ id: 'a1', role: 'applicant' }] } });
  assert.equal(dec2027.json().normTable.id, 'riksnorm-2027');
});
