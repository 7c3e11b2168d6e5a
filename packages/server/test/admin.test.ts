import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { as, auditCount, createWorld, login, PASSWORD, sessionCookie, signInThroughProvider, type Session, type World } from './harness.ts';

/** The unit of the other municipality in the harness. */
const OTHER_UNIT = '00000000-0000-4000-8000-000000000003';

let world: World;
let admin: Session, nord: Session, chef: Session;
before(async () => {
  world = await createWorld();
  admin = await login(world, 'admin');
  nord = await login(world, 'nord');
  chef = await login(world, 'chef');
});
after(() => world.close());

const put = (s: Session, url: string, payload: unknown) => world.app.inject({ method: 'PUT', url, payload: payload as never, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
const fieldsOf = (res: { json(): { fields?: { path: string; message: string }[] } }) => res.json().fields ?? [];
const newUser = (over: Record<string, unknown> = {}) => ({
  username: 'ny.handlaggare',
  displayName: 'Nora Nilsson',
  role: 'caseWorker',
  unitIds: [world.ids.unitNord],
  employedSince: '2026-03-01',
  password: 'Ett-långt-lösenord-1',
  ...over,
});

test('only the systemförvaltare reaches /api/v1/admin: caseworkers and managers get 403, nobody signed in 401', async () => {
  for (const s of [nord, chef]) {
    for (const url of ['/api/v1/admin/users', '/api/v1/admin/roles', '/api/v1/admin/units', '/api/v1/admin/municipality']) {
      assert.equal((await as(world, s).get(url)).statusCode, 403, url);
    }
    assert.equal((await as(world, s).post('/api/v1/admin/users', newUser({ username: 'smyg' }))).statusCode, 403);
    assert.equal((await put(s, `/api/v1/admin/units/${world.ids.unitNord}`, { name: 'Enhet X', contactPhone: null, postalAddress: null, eServiceUrl: null, visitingAddress: null })).statusCode, 403);
    assert.equal((await put(s, `/api/v1/admin/users/${world.ids.users.nord}`, { displayName: 'Xavier X', role: 'systemAdministrator', unitIds: [], idpUsername: null })).statusCode, 403);
  }
  assert.equal((await world.app.inject({ method: 'GET', url: '/api/v1/admin/users' })).statusCode, 401);
  const list = await as(world, admin).get('/api/v1/admin/users');
  assert.equal(list.statusCode, 200);
  const users = list.json().items as { username: string; hasPassword: boolean; units: unknown[] }[];
  assert.ok(users.some((u) => u.username === 'nord' && u.hasPassword && u.units.length === 1));
  // Only the own municipality's staff.
  assert.ok(!users.some((u) => u.username === 'annan'));
  assert.equal(await auditCount(world, { action: 'admin.users.list', outcome: 'success' }), 1);
  // The roles page reads the domain's capability table.
  const roles = (await as(world, admin).get('/api/v1/admin/roles')).json().items as { code: string; capabilities: { code: string }[] }[];
  assert.deepEqual(
    roles.find((r) => r.code === 'cashier')?.capabilities.map((c) => c.code),
    ['case.read', 'document.readMunicipal', 'payment.approve', 'recovery.manage'],
  );
});

test('creating a user: audit-logged, the new user signs in; a taken username or bad input is a 400 with field and Swedish message', async () => {
  const created = await as(world, admin).post('/api/v1/admin/users', newUser());
  assert.equal(created.statusCode, 201, created.body);
  const u = created.json();
  assert.equal(u.roleLabel, 'Socialsekreterare');
  assert.equal(u.hasPassword, true);
  assert.deepEqual(
    u.units.map((x: { name: string }) => x.name),
    ['Försörjningsstöd Nord'],
  );
  assert.equal(await auditCount(world, { action: 'admin.user.create', outcome: 'success' }), 1);
  await login(world, 'ny.handlaggare', 'Ett-långt-lösenord-1');

  const taken = await as(world, admin).post('/api/v1/admin/users', newUser({ username: 'nord' }));
  assert.equal(taken.statusCode, 400);
  assert.deepEqual(fieldsOf(taken), [{ path: '/body/username', message: 'Användarnamnet används redan. Välj ett annat.' }]);

  const bad = await as(world, admin).post('/api/v1/admin/users', newUser({ username: 'Ä B', role: 'boss', password: 'kort', displayName: '' }));
  assert.equal(bad.statusCode, 400);
  const paths = fieldsOf(bad).map((f) => f.path);
  for (const p of ['/body/username', '/body/role', '/body/password', '/body/displayName']) assert.ok(paths.includes(p), `${p} in ${paths.join()}`);
  assert.ok(fieldsOf(bad).some((f) => f.path === '/body/password' && f.message === 'Lösenordet ska ha minst 12 tecken.'));

  const otherMunicipality = await as(world, admin).post('/api/v1/admin/users', newUser({ username: 'fel.enhet', unitIds: [OTHER_UNIT] }));
  assert.equal(otherMunicipality.statusCode, 400);
  assert.equal(fieldsOf(otherMunicipality)[0]?.path, '/body/unitIds');
});

test('editing name, role and units, and deactivating: each change is logged; a deactivated user cannot sign in until reactivated', async () => {
  const id = world.ids.users.nord;
  const edited = await put(admin, `/api/v1/admin/users/${id}`, { displayName: 'Nord Nordsson', role: 'seniorCaseWorker', unitIds: [world.ids.unitNord, world.ids.unitSyd], idpUsername: null });
  assert.equal(edited.statusCode, 200, edited.body);
  assert.equal(edited.json().roleLabel, 'Förste socialsekreterare');
  assert.equal(edited.json().units.length, 2);
  const log = await world.handle.db.selectFrom('audit_log').selectAll().where('action', '=', 'admin.user.update').execute();
  assert.equal(log.length, 1);
  assert.equal(log[0]!.target_id, id);
  assert.equal(log[0]!.actor_id, world.ids.users.admin);
  assert.equal(log[0]!.purpose, 'caseWorker → seniorCaseWorker');

  // A request just before: this process now holds the session in its one-second cache.
  assert.equal((await as(world, nord).get('/api/v1/cases')).statusCode, 200);
  const off = await put(admin, `/api/v1/admin/users/${id}/active`, { active: false });
  assert.equal(off.statusCode, 200);
  assert.equal(off.json().active, false);
  assert.equal(await auditCount(world, { action: 'admin.user.deactivate', outcome: 'success' }), 1);
  // Signed out at once, and refused at the next sign-in.
  world.clock.now = new Date(world.clock.now.getTime() + 5000);
  assert.equal((await as(world, nord).get('/api/v1/cases')).statusCode, 401);
  await assert.rejects(login(world, 'nord'), /401/);

  const on = await put(admin, `/api/v1/admin/users/${id}/active`, { active: true });
  assert.equal(on.json().active, true);
  assert.equal(await auditCount(world, { action: 'admin.user.reactivate', outcome: 'success' }), 1);
  nord = await login(world, 'nord');

  const reset = await put(admin, `/api/v1/admin/users/${id}/password`, { password: 'Ett-nytt-lösenord-22' });
  assert.equal(reset.statusCode, 200);
  assert.equal(await auditCount(world, { action: 'admin.user.resetPassword', outcome: 'success' }), 1);
  await assert.rejects(login(world, 'nord'), /401/);
  nord = await login(world, 'nord', 'Ett-nytt-lösenord-22');
  // Back as it was, for the other tests.
  await put(admin, `/api/v1/admin/users/${id}`, { displayName: 'Test nord', role: 'caseWorker', unitIds: [world.ids.unitNord], idpUsername: null });
  await put(admin, `/api/v1/admin/users/${id}/password`, { password: PASSWORD });
});

test('lock-out guard: the systemförvaltare cannot take away their own role, nor deactivate themselves', async () => {
  const self = world.ids.users.admin;
  const demoted = await put(admin, `/api/v1/admin/users/${self}`, { displayName: 'Test admin', role: 'caseWorker', unitIds: [], idpUsername: null });
  assert.equal(demoted.statusCode, 400);
  assert.equal(fieldsOf(demoted)[0]?.path, '/body/role');
  assert.match(fieldsOf(demoted)[0]!.message, /egen roll som systemförvaltare/);
  const off = await put(admin, `/api/v1/admin/users/${self}/active`, { active: false });
  assert.equal(off.statusCode, 409);
  const noPassword = await put(admin, `/api/v1/admin/users/${self}/password`, { password: null });
  assert.equal(noPassword.statusCode, 409);
  // Still a systemförvaltare who can sign in.
  assert.equal((await as(world, admin).get('/api/v1/admin/roles')).statusCode, 200);
  await login(world, 'admin');
  assert.equal(await auditCount(world, { action: 'admin.user.deactivate' }), 1);
});

test('an account linked to another name at the identity provider signs in with that name', async () => {
  const linked = await put(admin, `/api/v1/admin/users/${world.ids.users.syd}`, { displayName: 'Test syd', role: 'caseWorker', unitIds: [world.ids.unitSyd], idpUsername: 'Syd.Sydsson@vagby.se' });
  assert.equal(linked.statusCode, 200, linked.body);
  assert.equal(linked.json().idpUsername, 'syd.sydsson@vagby.se');
  const callback = await signInThroughProvider(world, '/api/v1/auth/oidc/start', { username: 'syd.sydsson@vagby.se' });
  assert.equal(callback.statusCode, 302);
  const session = await world.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: sessionCookie(callback) } });
  assert.equal(session.json().user.id, world.ids.users.syd);
  // The old name no longer opens the account at the provider.
  const old = await signInThroughProvider(world, '/api/v1/auth/oidc/start', { username: 'syd' });
  assert.match(String(old.headers.location), /fel=okand/);
  // Nor may another user take the linked name.
  const clash = await put(admin, `/api/v1/admin/users/${world.ids.users.kassa}`, { displayName: 'Test kassa', role: 'cashier', unitIds: [world.ids.unitNord], idpUsername: 'syd.sydsson@vagby.se' });
  assert.equal(clash.statusCode, 400);
  assert.equal(fieldsOf(clash)[0]?.path, '/body/idpUsername');
  // A new account whose username the provider already sends for someone else would be ambiguous.
  const taken = await as(world, admin).post('/api/v1/admin/users', newUser({ username: 'syd.sydsson@vagby.se' }));
  assert.equal(taken.statusCode, 400);
  assert.equal(fieldsOf(taken)[0]?.path, '/body/username');
});

test('units and the municipality: contact details are saved and logged; bad input is a 400', async () => {
  const saved = await put(admin, `/api/v1/admin/units/${world.ids.unitSyd}`, {
    name: 'Försörjningsstöd Syd',
    contactPhone: '0123-45 67 89',
    postalAddress: 'Box 12\n123 45 Vägby',
    eServiceUrl: 'https://vagby.se/e-tjanst',
    visitingAddress: '  ',
  });
  assert.equal(saved.statusCode, 200, saved.body);
  assert.equal(saved.json().contactPhone, '0123-45 67 89');
  assert.equal(saved.json().visitingAddress, null);
  assert.equal(await auditCount(world, { action: 'admin.unit.update', outcome: 'success' }), 1);
  const units = (await as(world, admin).get('/api/v1/admin/units')).json().items as { id: string; postalAddress: string | null }[];
  assert.equal(units.find((u) => u.id === world.ids.unitSyd)?.postalAddress, 'Box 12\n123 45 Vägby');
  const missing = await put(admin, `/api/v1/admin/units/${world.ids.unitSyd}`, { name: '', contactPhone: 5 });
  assert.equal(missing.statusCode, 400);
  const paths = fieldsOf(missing).map((f) => f.path);
  for (const p of ['/body/name', '/body/contactPhone', '/body/postalAddress']) assert.ok(paths.includes(p), paths.join());
  // Another municipality's unit is not found.
  assert.equal((await put(admin, `/api/v1/admin/units/${OTHER_UNIT}`, { name: 'Enhet X', contactPhone: null, postalAddress: null, eServiceUrl: null, visitingAddress: null })).statusCode, 404);

  const m = await put(admin, '/api/v1/admin/municipality', { name: 'Vägby kommun' });
  assert.equal(m.statusCode, 200);
  assert.deepEqual(m.json(), { code: '2281', name: 'Vägby kommun' });
  assert.equal(await auditCount(world, { action: 'admin.municipality.update', outcome: 'success' }), 1);
});
