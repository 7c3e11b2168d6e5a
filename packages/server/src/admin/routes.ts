/**
 * Systemförvaltning: the system administrator keeps staff users, units (with the contact details printed on their
 * letters) and the municipality's name up to date. Only `config.manage`; every read and change is audit-logged, a
 * change in the same transaction as its record.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import {
  AdminMunicipality,
  AdminRoleList,
  AdminUnit,
  AdminUnitList,
  AdminUser,
  AdminUserList,
  CreateAdminUserBody,
  IdParams,
  ProblemResponse,
  ResetPasswordBody,
  SaveMunicipalityBody,
  SaveUnitBody,
  SetUserActiveBody,
  UpdateAdminUserBody,
} from '@vagen/contract';
import { CAPABILITY_LABELS, ROLE_LABELS, STAFF_ROLES, capabilitiesOf, hasCapability } from '@vagen/domain';
import type { RequestActor } from '../context.ts';
import { audit } from '../audit/log.ts';
import { forgetCachedSessionsOf, requireStaff } from '../auth/sessions.ts';
import { hashPassword } from '../auth/passwords.ts';
import { conflict, forbidden, notFound, ValidationFailure } from '../errors.ts';
import { newId } from '../ids.ts';
import { loadAdminUnits, loadAdminUsers, type Db } from './load.ts';

type StaffActor = Extract<RequestActor, { kind: 'staff' }>;
const TAGS = ['systemförvaltning'];
const errors = { '4xx': ProblemResponse };

function requireAdmin(request: Parameters<typeof requireStaff>[0]): StaffActor {
  const actor = requireStaff(request);
  if (!hasCapability(actor.role, 'config.manage')) throw forbidden('Bara systemförvaltaren kan administrera användare och enheter.');
  return actor;
}

/** Text fields: surrounding space removed, empty text means "not given". */
const clean = (value: string | null | undefined) => {
  const v = value?.trim();
  return v ? v : null;
};

async function checkUnits(db: Db, municipality: string, unitIds: string[]) {
  const unique = [...new Set(unitIds)];
  if (!unique.length) return unique;
  const found = await db.selectFrom('units').select('id').where('id', 'in', unique).where('municipality_code', '=', municipality).execute();
  if (found.length !== unique.length) throw new ValidationFailure([{ path: '/body/unitIds', message: 'En av enheterna finns inte i kommunen.' }]);
  return unique;
}

/** The name the identity provider sends must point at one account only. */
async function checkIdpUsername(db: Db, idpUsername: string | null, userId: string | null, field = '/body/idpUsername') {
  if (!idpUsername) return;
  const taken = await db
    .selectFrom('staff_users')
    .select('id')
    .where((eb) => eb.or([eb('idp_username', '=', idpUsername), eb.and([eb('idp_username', 'is', null), eb('username', '=', idpUsername)])]))
    .where('id', '!=', userId ?? '00000000-0000-0000-0000-000000000000')
    .executeTakeFirst();
  if (taken) throw new ValidationFailure([{ path: field, message: 'En annan användare loggar redan in med det namnet hos kommunens inloggning.' }]);
}

async function userOrNotFound(db: Db, actor: StaffActor, id: string) {
  const user = await db.selectFrom('staff_users').select(['id', 'role', 'active', 'username']).where('id', '=', id).where('municipality_code', '=', actor.municipality).executeTakeFirst();
  if (!user) throw notFound('Användaren');
  return user;
}

async function oneUser(db: Db, actor: StaffActor, id: string): Promise<AdminUser> {
  const [user] = await loadAdminUsers(db, actor.municipality, id);
  if (!user) throw notFound('Användaren');
  return user;
}

export async function adminRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/api/v1/admin/users', { schema: { tags: TAGS, summary: 'Användare i kommunen', response: { 200: AdminUserList, ...errors } } }, async (request) => {
    const actor = requireAdmin(request);
    const items = await loadAdminUsers(db, actor.municipality);
    await audit(db, actor, app.deps.now(), { action: 'admin.users.list', targetType: 'staffUser', outcome: 'success' });
    return { items };
  });

  r.post('/api/v1/admin/users', { schema: { tags: TAGS, summary: 'Skapa en användare', body: CreateAdminUserBody, response: { 201: AdminUser, ...errors } } }, async (request, reply) => {
    const actor = requireAdmin(request);
    const b = request.body;
    const username = b.username.trim().toLowerCase();
    const idpUsername = clean(b.idpUsername)?.toLowerCase() ?? null;
    const id = newId();
    const passwordHash = b.password ? await hashPassword(b.password) : null;
    await db.transaction().execute(async (tx) => {
      const exists = await tx.selectFrom('staff_users').select('id').where('username', '=', username).executeTakeFirst();
      if (exists) throw new ValidationFailure([{ path: '/body/username', message: 'Användarnamnet används redan. Välj ett annat.' }]);
      const units = await checkUnits(tx, actor.municipality, b.unitIds);
      await checkIdpUsername(tx, idpUsername ?? username, null, idpUsername ? '/body/idpUsername' : '/body/username');
      await tx
        .insertInto('staff_users')
        .values({
          id,
          municipality_code: actor.municipality,
          username,
          display_name: b.displayName.trim(),
          role: b.role,
          password_hash: passwordHash,
          idp_username: idpUsername,
          employed_since: b.employedSince,
        })
        .execute();
      if (units.length)
        await tx
          .insertInto('staff_units')
          .values(units.map((unit_id) => ({ user_id: id, unit_id })))
          .execute();
      await audit(tx, actor, app.deps.now(), { action: 'admin.user.create', targetType: 'staffUser', targetId: id, purpose: b.role, outcome: 'success' });
    });
    reply.status(201);
    return oneUser(db, actor, id);
  });

  r.put(
    '/api/v1/admin/users/:id',
    { schema: { tags: TAGS, summary: 'Ändra namn, roll, enheter och inloggning', params: IdParams, body: UpdateAdminUserBody, response: { 200: AdminUser, ...errors } } },
    async (request) => {
      const actor = requireAdmin(request);
      const b = request.body;
      const idpUsername = clean(b.idpUsername)?.toLowerCase() ?? null;
      await db.transaction().execute(async (tx) => {
        const user = await userOrNotFound(tx, actor, request.params.id);
        // Lock-out guard: nobody takes away their own right to administer Vägen.
        if (user.id === actor.userId && b.role !== 'systemAdministrator') {
          throw new ValidationFailure([{ path: '/body/role', message: 'Du kan inte ta bort din egen roll som systemförvaltare. Be en annan systemförvaltare göra det.' }]);
        }
        const units = await checkUnits(tx, actor.municipality, b.unitIds);
        await checkIdpUsername(tx, idpUsername ?? user.username, user.id);
        await tx.updateTable('staff_users').set({ display_name: b.displayName.trim(), role: b.role, idp_username: idpUsername }).where('id', '=', user.id).execute();
        await tx.deleteFrom('staff_units').where('user_id', '=', user.id).execute();
        if (units.length)
          await tx
            .insertInto('staff_units')
            .values(units.map((unit_id) => ({ user_id: user.id, unit_id })))
            .execute();
        await audit(tx, actor, app.deps.now(), {
          action: 'admin.user.update',
          targetType: 'staffUser',
          targetId: user.id,
          purpose: user.role === b.role ? null : `${user.role} → ${b.role}`,
          outcome: 'success',
        });
      });
      return oneUser(db, actor, request.params.id);
    },
  );

  r.put(
    '/api/v1/admin/users/:id/active',
    { schema: { tags: TAGS, summary: 'Avaktivera eller återaktivera', params: IdParams, body: SetUserActiveBody, response: { 200: AdminUser, ...errors } } },
    async (request) => {
      const actor = requireAdmin(request);
      await db.transaction().execute(async (tx) => {
        const user = await userOrNotFound(tx, actor, request.params.id);
        if (user.id === actor.userId && !request.body.active) throw conflict('Du kan inte avaktivera ditt eget konto.');
        await tx
          .updateTable('staff_users')
          .set(request.body.active ? { active: true, failed_logins: 0, locked_until: null } : { active: false })
          .where('id', '=', user.id)
          .execute();
        // A deactivated account is signed out everywhere at once.
        if (!request.body.active) await tx.deleteFrom('sessions').where('subject_kind', '=', 'staff').where('subject_id', '=', user.id).execute();
        await audit(tx, actor, app.deps.now(), { action: request.body.active ? 'admin.user.reactivate' : 'admin.user.deactivate', targetType: 'staffUser', targetId: user.id, outcome: 'success' });
      });
      // This process may hold the signed-out sessions for up to a second; forget them now (others have the database).
      if (!request.body.active) forgetCachedSessionsOf(app.deps, request.params.id);
      return oneUser(db, actor, request.params.id);
    },
  );

  r.put(
    '/api/v1/admin/users/:id/password',
    { schema: { tags: TAGS, summary: 'Nytt lokalt lösenord (eller inget)', params: IdParams, body: ResetPasswordBody, response: { 200: AdminUser, ...errors } } },
    async (request) => {
      const actor = requireAdmin(request);
      const hash = request.body.password ? await hashPassword(request.body.password) : null;
      await db.transaction().execute(async (tx) => {
        const user = await userOrNotFound(tx, actor, request.params.id);
        if (user.id === actor.userId && !hash) throw conflict('Du kan inte ta bort ditt eget lösenord: då kan du bli utelåst.');
        await tx.updateTable('staff_users').set({ password_hash: hash, failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
        await audit(tx, actor, app.deps.now(), { action: hash ? 'admin.user.resetPassword' : 'admin.user.removePassword', targetType: 'staffUser', targetId: user.id, outcome: 'success' });
      });
      return oneUser(db, actor, request.params.id);
    },
  );

  r.get('/api/v1/admin/roles', { schema: { tags: TAGS, summary: 'Roller och vad de får göra', response: { 200: AdminRoleList, ...errors } } }, async (request) => {
    requireAdmin(request);
    return {
      items: STAFF_ROLES.map((code) => ({ code, label: ROLE_LABELS[code], capabilities: capabilitiesOf(code).map((c) => ({ code: c, label: CAPABILITY_LABELS[c] })) })),
    };
  });

  r.get('/api/v1/admin/units', { schema: { tags: TAGS, summary: 'Enheter med kontaktuppgifter', response: { 200: AdminUnitList, ...errors } } }, async (request) => {
    const actor = requireAdmin(request);
    return { items: await loadAdminUnits(db, actor.municipality) };
  });

  const unitValues = (b: SaveUnitBody) => ({
    name: b.name.trim(),
    contact_phone: clean(b.contactPhone),
    postal_address: clean(b.postalAddress),
    e_service_url: clean(b.eServiceUrl),
    visiting_address: clean(b.visitingAddress),
  });

  r.post('/api/v1/admin/units', { schema: { tags: TAGS, summary: 'Skapa en enhet', body: SaveUnitBody, response: { 201: AdminUnit, ...errors } } }, async (request, reply) => {
    const actor = requireAdmin(request);
    const id = newId();
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto('units')
        .values({ id, municipality_code: actor.municipality, ...unitValues(request.body) })
        .execute();
      await audit(tx, actor, app.deps.now(), { action: 'admin.unit.create', targetType: 'unit', targetId: id, outcome: 'success' });
    });
    reply.status(201);
    return (await loadAdminUnits(db, actor.municipality, id))[0]!;
  });

  r.put(
    '/api/v1/admin/units/:id',
    { schema: { tags: TAGS, summary: 'Ändra enhetens namn och kontaktuppgifter', params: IdParams, body: SaveUnitBody, response: { 200: AdminUnit, ...errors } } },
    async (request) => {
      const actor = requireAdmin(request);
      await db.transaction().execute(async (tx) => {
        const updated = await tx.updateTable('units').set(unitValues(request.body)).where('id', '=', request.params.id).where('municipality_code', '=', actor.municipality).executeTakeFirst();
        if (!updated.numUpdatedRows) throw notFound('Enheten');
        await audit(tx, actor, app.deps.now(), { action: 'admin.unit.update', targetType: 'unit', targetId: request.params.id, outcome: 'success' });
      });
      return (await loadAdminUnits(db, actor.municipality, request.params.id))[0]!;
    },
  );

  r.get('/api/v1/admin/municipality', { schema: { tags: TAGS, summary: 'Kommunen', response: { 200: AdminMunicipality, ...errors } } }, async (request) => {
    const actor = requireAdmin(request);
    return db.selectFrom('municipalities').select(['code', 'name']).where('code', '=', actor.municipality).executeTakeFirstOrThrow();
  });

  r.put('/api/v1/admin/municipality', { schema: { tags: TAGS, summary: 'Ändra kommunens namn', body: SaveMunicipalityBody, response: { 200: AdminMunicipality, ...errors } } }, async (request) => {
    const actor = requireAdmin(request);
    await db.transaction().execute(async (tx) => {
      await tx.updateTable('municipalities').set({ name: request.body.name.trim() }).where('code', '=', actor.municipality).execute();
      await audit(tx, actor, app.deps.now(), { action: 'admin.municipality.update', targetType: 'municipality', targetId: actor.municipality, outcome: 'success' });
    });
    return db.selectFrom('municipalities').select(['code', 'name']).where('code', '=', actor.municipality).executeTakeFirstOrThrow();
  });
}
