import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { storeDocument } from '../src/documents/store.ts';
import { renderLetterPdf } from '../src/letters/render.ts';
import { openWorkItem, PRIORITY } from '../src/queue/work-items.ts';
import { as, auditCount, createWorld, login, type World } from './harness.ts';
import { pdfText } from './pdf-text.ts';

let w: World;
before(async () => {
  w = await createWorld();
});
after(async () => {
  await w.close();
});

let n = 0;
/** A decided decision on a case (the decision flow itself belongs to the assessment area). */
async function decision(
  caseId: string,
  o: {
    decidedAt?: string;
    outcome?: 'granted' | 'partlyRefused' | 'refused';
    amount?: number;
    status?: string;
    letter?: boolean;
    legalBasis?: { id: string; text: string; verified: boolean; appealBasis: string }[];
    items?: unknown[];
  } = {},
) {
  const id = `00000000-0000-4000-9000-${String(++n).padStart(12, '0')}`;
  await w.handle.db
    .insertInto('decisions')
    .values({
      id,
      case_id: caseId,
      application_id: null,
      outcome: o.outcome ?? 'partlyRefused',
      period_start: '2026-03-01',
      period_end: '2026-03-31',
      amount: o.amount ?? 512_300,
      decided_by: w.ids.users.nord!,
      decided_at: o.decidedAt ?? '2026-03-11T10:00:00.000Z',
      status: o.status ?? 'decided',
      ...(o.legalBasis ? { legal_basis: JSON.stringify(o.legalBasis) } : {}),
      ...(o.items ? { items: JSON.stringify(o.items) } : {}),
    })
    .execute();
  if (o.letter) {
    const pdf = await renderLetterPdf({
      sender: { municipality: 'Testkommun', unit: 'Nord' },
      date: '11 mars 2026',
      title: 'Beslut om ekonomiskt bistånd',
      blocks: [{ type: 'paragraph', text: 'Beslut.' }],
    });
    await storeDocument(
      w.handle.db,
      {
        caseId,
        municipality: '2281',
        kind: 'decisionLetter',
        title: 'Beslut om ekonomiskt bistånd mars 2026',
        mimeType: 'application/pdf',
        content: pdf,
        related: { type: 'decision', id },
        createdBy: w.ids.users.nord!,
        locked: true,
        visibleToClient: true,
      },
      new Date(o.decidedAt ?? '2026-03-11T10:00:00.000Z'),
    );
  }
  return id;
}

const register = { receivedOn: '2026-04-07', channel: 'post', text: 'Jag överklagar beslutet om hyran.\n\nJag vill få hela hyran.' };

test('an appeal in time (Easter extends the period) is registered, stored as a document and goes first in the queue', async () => {
  w.clock.now = new Date('2026-04-08T07:00:00Z');
  const nord = as(w, await login(w, 'nord'));
  const decisionId = await decision(w.ids.caseNord, { letter: true });
  // Ordinary and acute items already waiting for the same worker.
  for (const [priority, title, due] of [
    [PRIORITY.ordinary, 'Vanlig', null],
    [PRIORITY.acute, 'Akut', '2026-04-08T10:00:00Z'],
    [PRIORITY.deadline, 'Frist', '2026-04-09T10:00:00Z'],
  ] as const) {
    await openWorkItem(
      w.handle.db,
      {
        municipality: '2281',
        unitId: w.ids.unitNord,
        caseId: w.ids.caseNord,
        kind: 'assessment',
        title,
        priority,
        receivedAt: new Date('2026-04-01T08:00:00Z'),
        dueAt: due ? new Date(due) : null,
        assignedTo: w.ids.users.nord!,
      },
      w.clock.now,
    );
  }
  const before = await auditCount(w, { action: 'appeal.register', outcome: 'success' });
  const res = await nord.post(`/api/v1/decisions/${decisionId}/appeals`, register);
  assert.equal(res.statusCode, 201, res.body);
  const a = res.json();
  assert.equal(a.status, 'registered');
  assert.equal(a.notifiedOn, '2026-03-13', 'letter date 11 March + 2 days for postal delivery');
  assert.equal(a.notifiedOnBasis, 'presumed');
  assert.equal(a.nominalLastDay, '2026-04-03');
  assert.equal(a.lastDay, '2026-04-07');
  assert.equal(a.timely, true);
  assert.match(a.timelinessText, /långfredagen/);
  assert.equal(a.forwardDueOn, '2026-04-14');
  assert.equal(a.documents.length, 1);
  assert.equal(a.documents[0].kind, 'appeal');
  assert.equal(a.history[0].toStatus, 'registered');
  assert.equal(a.history[0].actorName, 'Test nord');
  assert.equal(await auditCount(w, { action: 'appeal.register', outcome: 'success' }), before + 1);

  const appealPdf = await nord.get(`/api/v1/documents/${a.documents[0].id}`);
  assert.equal(appealPdf.headers['content-type'], 'application/pdf');
  assert.match(await pdfText(appealPdf.rawPayload), /Jag vill få hela hyran/);

  const queue = (await nord.get('/api/v1/queue')).json();
  assert.equal(queue.items[0].kind, 'appeal');
  assert.equal(queue.items[0].kindLabel, 'Överklagande');
  assert.equal(queue.items[0].priority, 1);
  assert.equal(queue.items[0].caseNumber, 'EB-2026-000001');
  assert.equal(queue.items[0].sinceReceived, '1 dag');
  assert.deepEqual(
    queue.items.slice(1, 4).map((i: { title: string }) => i.title),
    ['Akut', 'Frist', 'Vanlig'],
  );

  const list = (await nord.get(`/api/v1/cases/${w.ids.caseNord}/appeals`)).json();
  assert.equal(list.items.length, 1);
  assert.equal(list.options.courtName, 'Förvaltningsrätten i Härnösand');
  assert.ok(list.appealableDecisions.some((d: { id: string; presumedNotifiedOn: string }) => d.id === decisionId && d.presumedNotifiedOn === '2026-03-13'));
});

test('a stated day of receipt on Easter Monday: the last day is the Tuesday after', async () => {
  w.clock.now = new Date('2026-04-08T07:00:00Z');
  const nord = as(w, await login(w, 'nord'));
  const decisionId = await decision(w.ids.caseNord, { decidedAt: '2026-03-12T10:00:00.000Z' });
  const a = (await nord.post(`/api/v1/decisions/${decisionId}/appeals`, { ...register, notifiedOn: '2026-03-16' })).json();
  assert.equal(a.notifiedOnBasis, 'stated');
  assert.equal(a.nominalLastDay, '2026-04-06');
  assert.equal(a.lastDay, '2026-04-07');
  assert.deepEqual(a.extendedOver, [{ date: '2026-04-06', reason: 'annandag påsk' }]);
  assert.equal(a.timely, true);
});

test('a late appeal: recorded as late, no omprövning before the outcome, dismissal stores a letter and leaves the queue', async () => {
  w.clock.now = new Date('2026-04-09T07:00:00Z');
  const nord = as(w, await login(w, 'nord'));
  const decisionId = await decision(w.ids.caseNord);
  const a = (await nord.post(`/api/v1/decisions/${decisionId}/appeals`, { ...register, receivedOn: '2026-04-08', notifiedOn: '2026-03-13' })).json();
  assert.equal(a.timely, false);
  assert.equal(a.daysLate, 1);
  assert.match(a.timelinessText, /för sent.*45 §/);
  assert.equal(a.actions.canReconsider, false);
  assert.equal(a.actions.canRecordLateOutcome, true);
  const queued = (await nord.get('/api/v1/queue')).json().items.find((i: { ref: { id: string } | null }) => i.ref?.id === a.id);
  assert.match(queued.title, /för sent/);

  const early = await nord.post(`/api/v1/appeals/${a.id}/reconsideration`, { result: 'unchanged', reason: 'Står fast.' });
  assert.equal(early.statusCode, 409);
  assert.match(early.json().message, /för sent/);

  const badException = await nord.post(`/api/v1/appeals/${a.id}/late-outcome`, { outcome: 'exception', exception: 'påhittat' });
  assert.equal(badException.statusCode, 400);
  assert.equal(badException.json().fields[0].path, '/body/exception');

  const dismissed = await nord.post(`/api/v1/appeals/${a.id}/late-outcome`, { outcome: 'dismissed', note: 'Ingen förklaring till förseningen.' });
  assert.equal(dismissed.statusCode, 200, dismissed.body);
  assert.equal(dismissed.json().status, 'dismissed');
  const letter = dismissed.json().documents.find((d: { kind: string }) => d.kind === 'appealDismissalLetter');
  const text = await pdfText((await nord.get(`/api/v1/documents/${letter.id}`)).rawPayload);
  assert.match(text, /avvisas/);
  assert.match(text, /7 april 2026/);
  assert.ok(!(await nord.get('/api/v1/queue')).json().items.some((i: { ref: { id: string } | null }) => i.ref?.id === a.id));
  assert.equal((await nord.post(`/api/v1/appeals/${a.id}/late-outcome`, { outcome: 'dismissed' })).statusCode, 409);
});

test('a late appeal with an exception goes on to omprövning', async () => {
  w.clock.now = new Date('2026-04-20T07:00:00Z');
  const nord = as(w, await login(w, 'nord'));
  const decisionId = await decision(w.ids.caseNord);
  const a = (await nord.post(`/api/v1/decisions/${decisionId}/appeals`, { ...register, receivedOn: '2026-04-17', notifiedOn: '2026-03-13' })).json();
  const ex = await nord.post(`/api/v1/appeals/${a.id}/late-outcome`, { outcome: 'exception', exception: 'wrongAppealInstructions' });
  assert.equal(ex.statusCode, 200, ex.body);
  assert.equal(ex.json().status, 'registered');
  assert.match(ex.json().lateExceptionLabel, /felaktig underrättelse/);
  assert.equal(ex.json().actions.canReconsider, true);
  const r = await nord.post(`/api/v1/appeals/${a.id}/reconsideration`, { result: 'unchanged', reason: 'Beslutet var riktigt.' });
  assert.equal(r.statusCode, 200, r.body);
  const f = await nord.post(`/api/v1/appeals/${a.id}/forward`, {});
  assert.equal(f.statusCode, 200, f.body);
  const cover = f.json().documents.find((d: { kind: string }) => d.kind === 'appealForwarding');
  assert.match(await pdfText((await nord.get(`/api/v1/documents/${cover.id}`)).rawPayload), /avvisas\s+inte/);
});

test('omprövning that changes the decision as requested creates a replacing decision and the appeal lapses', async () => {
  w.clock.now = new Date('2026-04-08T07:00:00Z');
  const nord = as(w, await login(w, 'nord'));
  const decisionId = await decision(w.ids.caseNord, { amount: 512_300 });
  const a = (await nord.post(`/api/v1/decisions/${decisionId}/appeals`, register)).json();

  const worse = await nord.post(`/api/v1/appeals/${a.id}/reconsideration`, {
    result: 'changed',
    reason: 'Ny bedömning.',
    fullyAsRequested: true,
    newDecision: { outcome: 'granted', amount: 400_000, periodStart: '2026-03-01', periodEnd: '2026-03-31' },
  });
  assert.equal(worse.statusCode, 400);
  assert.equal(worse.json().fields[0].path, '/body/newDecision/amount');
  const asText = await nord.post(`/api/v1/appeals/${a.id}/reconsideration`, {
    result: 'changed',
    reason: 'Ny bedömning.',
    fullyAsRequested: true,
    newDecision: { outcome: 'granted', amount: '650000', periodStart: '2026-03-01', periodEnd: '2026-03-31' },
  });
  assert.equal(asText.statusCode, 400);
  assert.equal(asText.json().fields[0].path, '/body/newDecision/amount');
  const missing = await nord.post(`/api/v1/appeals/${a.id}/reconsideration`, { result: 'changed', reason: 'Ny bedömning.' });
  assert.deepEqual(
    missing
      .json()
      .fields.map((f: { path: string }) => f.path)
      .sort(),
    ['/body/fullyAsRequested', '/body/newDecision'],
  );
  assert.equal((await w.handle.db.selectFrom('decisions').select('id').where('replaces_decision_id', '=', decisionId).execute()).length, 0, 'nothing saved');

  const res = await nord.post(`/api/v1/appeals/${a.id}/reconsideration`, {
    result: 'changed',
    reason: 'Hyran är skälig enligt riktlinjerna; hela hyran beviljas.',
    fullyAsRequested: true,
    newDecision: { outcome: 'granted', amount: 650_000, periodStart: '2026-03-01', periodEnd: '2026-03-31' },
  });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.equal(body.status, 'lapsed');
  assert.equal(body.reconsideration.result, 'changed');
  assert.equal(body.reconsideration.replacementDecision.amount, 650_000);
  const replacing = await w.handle.db.selectFrom('decisions').selectAll().where('replaces_decision_id', '=', decisionId).executeTakeFirstOrThrow();
  assert.equal(replacing.status, 'decided');
  assert.equal(replacing.outcome, 'granted');
  assert.equal(Number(replacing.amount), 650_000);
  assert.equal(replacing.decided_by, w.ids.users.nord);
  assert.equal(replacing.decided_at, '2026-04-08T07:00:00.000Z');
  assert.equal(replacing.case_id, w.ids.caseNord);
  const letter = body.documents.find((d: { kind: string }) => d.kind === 'reconsiderationLetter');
  const text = await pdfText((await nord.get(`/api/v1/documents/${letter.id}`)).rawPayload);
  assert.match(text, /Beslut efter omprövning/);
  assert.match(text, /6\s500 kr/);
  assert.match(text, /förfaller/);
  assert.ok(!(await nord.get('/api/v1/queue')).json().items.some((i: { ref: { id: string } | null }) => i.ref?.id === a.id), 'the appeal left the queue');
  assert.equal((await nord.post(`/api/v1/appeals/${a.id}/forward`, {})).statusCode, 409, 'a lapsed appeal is not forwarded');
  const page = (await nord.get(`/api/v1/cases/${w.ids.caseNord}`)).json();
  assert.ok(
    page.decisions.some((d: { id: string }) => d.id === replacing.id),
    'the new decision shows on the case',
  );
});

test('omprövning unchanged, then forwarding stores a cover letter listing the enclosed documents', async () => {
  w.clock.now = new Date('2026-04-08T07:00:00Z');
  const nord = as(w, await login(w, 'nord'));
  const decisionId = await decision(w.ids.caseNord, { letter: true });
  const a = (await nord.post(`/api/v1/decisions/${decisionId}/appeals`, { ...register, appellantName: 'Nora Nordin' })).json();
  assert.equal((await nord.post(`/api/v1/appeals/${a.id}/forward`, {})).statusCode, 409, 'omprövning first');
  const r = await nord.post(`/api/v1/appeals/${a.id}/reconsideration`, { result: 'unchanged', reason: 'Hyran överstiger riktlinjerna och ingen särskild omständighet finns.' });
  assert.equal(r.json().status, 'reconsidered');
  w.clock.now = new Date('2026-04-09T07:00:00Z');
  const nord2 = as(w, await login(w, 'nord'));
  const before = await auditCount(w, { action: 'appeal.forward', outcome: 'success' });
  const f = await nord2.post(`/api/v1/appeals/${a.id}/forward`, { note: 'Klaganden har begärt muntlig förhandling.' });
  assert.equal(f.statusCode, 200, f.body);
  const body = f.json();
  assert.equal(body.status, 'forwarded');
  assert.equal(body.courtName, 'Förvaltningsrätten i Härnösand');
  assert.equal(body.forwardedAt, '2026-04-09T07:00:00.000Z');
  assert.equal(body.forwardedByName, 'Test nord');
  assert.deepEqual(
    body.history.map((h: { toStatus: string }) => h.toStatus),
    ['registered', 'reconsidered', 'forwarded'],
  );
  assert.deepEqual(body.documents.map((d: { role: string }) => d.role).sort(), ['appeal', 'enclosedDecisionLetter', 'forwardingLetter', 'reconsiderationLetter']);
  const cover = body.documents.find((d: { kind: string }) => d.kind === 'appealForwarding');
  const text = await pdfText((await nord2.get(`/api/v1/documents/${cover.id}`)).rawPayload);
  assert.match(text, /Förvaltningsrätten i Härnösand/);
  assert.match(text, /Bifogade handlingar/);
  assert.match(text, /Överklagandet, inkommet 7 april 2026/);
  assert.match(text, /Beslut om ekonomiskt bistånd mars 2026/);
  assert.match(text, /Beslut efter omprövning/);
  assert.match(text, /Nora Nordin/);
  assert.match(text, /muntlig förhandling/);
  assert.equal(await auditCount(w, { action: 'appeal.forward', outcome: 'success' }), before + 1);
  assert.equal((await nord2.post(`/api/v1/appeals/${a.id}/forward`, {})).statusCode, 409, 'only once');
  assert.equal((await nord2.post(`/api/v1/appeals/${a.id}/withdraw`, {})).statusCode, 409);
});

test('partly changed: the new decision replaces the old, and the appeal still goes to the court', async () => {
  w.clock.now = new Date('2026-04-08T07:00:00Z');
  const nord = as(w, await login(w, 'nord'));
  const decisionId = await decision(w.ids.caseNord, { amount: 300_000 });
  const a = (await nord.post(`/api/v1/decisions/${decisionId}/appeals`, register)).json();
  const r = await nord.post(`/api/v1/appeals/${a.id}/reconsideration`, {
    result: 'changed',
    reason: 'Elkostnaden beviljas, hyran inte.',
    fullyAsRequested: false,
    newDecision: { outcome: 'partlyRefused', amount: 350_000, periodStart: '2026-03-01', periodEnd: '2026-03-31' },
  });
  assert.equal(r.json().status, 'reconsidered');
  const f = (await nord.post(`/api/v1/appeals/${a.id}/forward`, {})).json();
  const cover = f.documents.find((d: { kind: string }) => d.kind === 'appealForwarding');
  const text = await pdfText((await nord.get(`/api/v1/documents/${cover.id}`)).rawPayload);
  assert.match(text, /Beslutet efter omprövning/);
  assert.match(text, /3\s500 kr/);
});

test('withdrawal, access and bad input', async () => {
  w.clock.now = new Date('2026-04-08T07:00:00Z');
  const nord = as(w, await login(w, 'nord'));
  const decisionId = await decision(w.ids.caseNord);
  const bad = await nord.post(`/api/v1/decisions/${decisionId}/appeals`, { receivedOn: '2026-04-30', notifiedOn: '2026-02-01', channel: 'fax', text: '' });
  assert.equal(bad.statusCode, 400);
  const badDates = await nord.post(`/api/v1/decisions/${decisionId}/appeals`, { ...register, receivedOn: '2026-04-30', notifiedOn: '2026-02-01' });
  assert.equal(badDates.statusCode, 400);
  assert.deepEqual(
    badDates.json().fields.map((f: { path: string }) => f.path),
    ['/body/receivedOn', '/body/notifiedOn'],
  );
  assert.equal((await w.handle.db.selectFrom('appeals').select('id').where('decision_id', '=', decisionId).execute()).length, 0);

  const draft = await decision(w.ids.caseNord, { status: 'draft' });
  assert.equal((await nord.post(`/api/v1/decisions/${draft}/appeals`, register)).statusCode, 409);

  const syd = as(w, await login(w, 'syd'));
  const denied = await auditCount(w, { action: 'appeal.register', outcome: 'denied' });
  assert.equal((await syd.post(`/api/v1/decisions/${decisionId}/appeals`, register)).statusCode, 404);
  assert.equal(await auditCount(w, { action: 'appeal.register', outcome: 'denied' }), denied + 1);
  const kassa = as(w, await login(w, 'kassa'));
  assert.equal((await kassa.post(`/api/v1/decisions/${decisionId}/appeals`, register)).statusCode, 403, 'a cashier does not handle appeals');
  assert.equal((await nord.post('/api/v1/decisions/00000000-0000-4000-9000-999999999999/appeals', register)).statusCode, 404);

  const a = (await nord.post(`/api/v1/decisions/${decisionId}/appeals`, register)).json();
  assert.equal((await syd.get(`/api/v1/appeals/${a.id}`)).statusCode, 404);
  assert.equal((await syd.post(`/api/v1/appeals/${a.id}/withdraw`, {})).statusCode, 404);
  const wd = await nord.post(`/api/v1/appeals/${a.id}/withdraw`, { note: 'Klaganden ringde och återkallade.' });
  assert.equal(wd.json().status, 'withdrawn');
  assert.equal(wd.json().history.at(-1).note, 'Klaganden ringde och återkallade.');
  assert.ok(!(await nord.get('/api/v1/queue')).json().items.some((i: { ref: { id: string } | null }) => i.ref?.id === a.id));
  assert.equal((await nord.get(`/api/v1/appeals/${a.id}`)).statusCode, 200);
});

// ---- The legal basis decides how a decision can be challenged (SoL 35 kap. 1 §) ------------------------------------------

const SOL_12_1 = { id: 'SOL-12-1', text: '12 kap. 1 § socialtjänstlagen (2025:400)', verified: true, appealBasis: 'right' };
const SOL_12_2 = { id: 'SOL-12-2', text: '12 kap. 2 § socialtjänstlagen (2025:400)', verified: true, appealBasis: 'discretionary' };
const item = (key: string, label: string, legalBasisId?: string) => ({
  key,
  kind: key === 'norm' ? 'norm' : 'cost',
  label,
  applied: 100_000,
  approved: 100_000,
  refused: 0,
  reason: '',
  ...(legalBasisId ? { legalBasisId } : {}),
});

test('a förvaltningsbesvär cannot be registered against a decision under 12 kap. 2 § alone: 409 saying laglighetsprövning applies; nothing stored', async () => {
  w.clock.now = new Date('2026-04-08T07:00:00Z');
  const nord = as(w, await login(w, 'nord'));
  const decisionId = await decision(w.ids.caseNord, { legalBasis: [SOL_12_2], items: [item('cost:tv', 'Tv-apparat')] });
  const list = (await nord.get(`/api/v1/cases/${w.ids.caseNord}/appeals`)).json();
  const shown = list.appealableDecisions.find((d: { id: string }) => d.id === decisionId);
  assert.equal(shown.challenge.route, 'legalityReview');
  assert.match(shown.challenge.message, /laglighetsprövning/);
  const res = await nord.post(`/api/v1/decisions/${decisionId}/appeals`, register);
  assert.equal(res.statusCode, 409, res.body);
  const message = res.json().message;
  for (const expected of [
    /12 kap\. 2 § socialtjänstlagen \(2025:400\)/,
    /kan inte överklagas till förvaltningsrätten \(35 kap\. 1 §/,
    /laglighetsprövning enligt 13 kap\. kommunallagen \(2017:725\)/,
    /anslagstavla/,
    /Svara den enskilde/,
  ]) {
    assert.match(message, expected);
  }
  assert.equal((await w.handle.db.selectFrom('appeals').select('id').where('decision_id', '=', decisionId).execute()).length, 0);
});

test('a decision with items under both: the 12 kap. 2 § item cannot be appealed (400 on the item), the 12 kap. 1 § items can', async () => {
  w.clock.now = new Date('2026-04-08T07:00:00Z');
  const nord = as(w, await login(w, 'nord'));
  const decisionId = await decision(w.ids.caseNord, {
    legalBasis: [SOL_12_1, SOL_12_2],
    items: [item('norm', 'Riksnorm', 'SOL-12-1'), item('cost:rent', 'Hyra', 'SOL-12-1'), item('cost:tv', 'Tv-apparat', 'SOL-12-2')],
  });
  const bad = await nord.post(`/api/v1/decisions/${decisionId}/appeals`, { ...register, itemKeys: ['cost:rent', 'cost:tv'] });
  assert.equal(bad.statusCode, 400, bad.body);
  assert.deepEqual(
    bad.json().fields.map((f: { path: string }) => f.path),
    ['/body/itemKeys/1'],
  );
  assert.match(bad.json().fields[0].message, /Raden ”Tv-apparat” är beslutat enligt 12 kap\. 2 §.*laglighetsprövning/);
  const ok = await nord.post(`/api/v1/decisions/${decisionId}/appeals`, { ...register, itemKeys: ['cost:rent'] });
  assert.equal(ok.statusCode, 201, ok.body);
  const a = ok.json();
  assert.equal(a.challenge.route, 'mixed');
  assert.deepEqual(
    a.challenge.legalityReviewItems.map((i: { key: string }) => i.key),
    ['cost:tv'],
  );
  assert.match(a.history[0].note, /Överklagandet kan gälla: Hyra\. Beslutat enligt 12 kap\. 2 § socialtjänstlagen \(2025:400\) och kan bara laglighetsprövas: Tv-apparat/);
});

test('an appeal registered before the decision was known to be 12 kap. 2 § only is not forwarded to the court', async () => {
  w.clock.now = new Date('2026-04-08T07:00:00Z');
  const nord = as(w, await login(w, 'nord'));
  const decisionId = await decision(w.ids.caseNord);
  const a = (await nord.post(`/api/v1/decisions/${decisionId}/appeals`, register)).json();
  assert.equal(a.challenge.route, 'unknown', 'a decision recorded without its legal basis');
  assert.equal((await nord.post(`/api/v1/appeals/${a.id}/reconsideration`, { result: 'unchanged', reason: 'Står fast.' })).statusCode, 200);
  await w.handle.db
    .updateTable('decisions')
    .set({ legal_basis: JSON.stringify([SOL_12_2]) })
    .where('id', '=', decisionId)
    .execute();
  const f = await nord.post(`/api/v1/appeals/${a.id}/forward`, {});
  assert.equal(f.statusCode, 409, f.body);
  assert.match(f.json().message, /Det överklagade beslutet är beslutat enligt 12 kap\. 2 §.*laglighetsprövning/);
  assert.equal((await nord.get(`/api/v1/appeals/${a.id}`)).json().status, 'reconsidered');
});

test('a decision made before 1 July 2025 is appealed under the old law: the registration and the court letter cite SoL 2001:453 16 kap. 3 §', async () => {
  w.clock.now = new Date('2025-07-08T07:00:00Z');
  const nord = as(w, await login(w, 'nord'));
  const old = { id: 'SOL2001-4-1', text: '4 kap. 1 § socialtjänstlagen (2001:453)', verified: true, appealBasis: 'right' };
  const decisionId = await decision(w.ids.caseNord, { decidedAt: '2025-06-26T10:00:00.000Z', legalBasis: [old], items: [item('norm', 'Riksnorm')] });
  const res = await nord.post(`/api/v1/decisions/${decisionId}/appeals`, { ...register, receivedOn: '2025-07-07', notifiedOn: '2025-06-30' });
  assert.equal(res.statusCode, 201, res.body);
  const a = res.json();
  assert.equal(a.challenge.appealReference, '16 kap. 3 § socialtjänstlagen (2001:453)');
  assert.match(a.challenge.transitionalNote, /före den 1 juli 2025/);
  assert.match(a.history[0].note, /Överklagande enligt 16 kap\. 3 § socialtjänstlagen \(2001:453\)/);
  assert.equal((await nord.post(`/api/v1/appeals/${a.id}/reconsideration`, { result: 'unchanged', reason: 'Beslutet var riktigt.' })).statusCode, 200);
  const f = (await nord.post(`/api/v1/appeals/${a.id}/forward`, {})).json();
  const cover = f.documents.find((d: { kind: string }) => d.kind === 'appealForwarding');
  const text = (await pdfText((await nord.get(`/api/v1/documents/${cover.id}`)).rawPayload)).replace(/\s+/g, ' ');
  assert.ok(text.includes('ekonomiskt bistånd enligt socialtjänstlagen (2001:453) (överklagande enligt 16 kap. 3 § socialtjänstlagen (2001:453))'), text);
  assert.ok(text.includes('Beslutet fattades före den 1 juli 2025'), text);
});

test('the omprövning letter cites FL 39 § for the changed decision, not 46 §', async () => {
  w.clock.now = new Date('2026-04-08T07:00:00Z');
  const nord = as(w, await login(w, 'nord'));
  const decisionId = await decision(w.ids.caseNord, { amount: 300_000 });
  const a = (await nord.post(`/api/v1/decisions/${decisionId}/appeals`, register)).json();
  const r = (
    await nord.post(`/api/v1/appeals/${a.id}/reconsideration`, {
      result: 'changed',
      reason: 'Elkostnaden beviljas.',
      fullyAsRequested: false,
      newDecision: { outcome: 'partlyRefused', amount: 350_000, periodStart: '2026-03-01', periodEnd: '2026-03-31' },
    })
  ).json();
  const letter = r.documents.find((d: { kind: string }) => d.kind === 'reconsiderationLetter');
  const text = (await pdfText((await nord.get(`/api/v1/documents/${letter.id}`)).rawPayload)).replace(/\s+/g, ' ');
  assert.ok(text.includes('gäller överklagandet det nya beslutet (39 § förvaltningslagen)'), text);
  assert.ok(!text.includes('46 §'), text);
});
