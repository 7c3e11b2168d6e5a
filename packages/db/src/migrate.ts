import { sql, type Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import * as foundation from './migrations/0001_foundation.ts';
import * as caseworkBase from './migrations/0002_casework_base.ts';
import * as intake from './migrations/0003_intake.ts';
import * as assessment from './migrations/0004_assessment.ts';
import * as payments from './migrations/0005_payments.ts';
import * as appeals from './migrations/0006_appeals.ts';
import * as protectedFlag from './migrations/0007_case_protected_flag.ts';
import * as listIndexes from './migrations/0008_case_list_indexes.ts';
import * as coveringListIndexes from './migrations/0009_case_list_covering_indexes.ts';
import * as listCounts from './migrations/0010_case_list_counts.ts';
import * as applicantIndex from './migrations/0011_household_applicant_index.ts';
import * as applicantName from './migrations/0012_case_applicant_name.ts';
import * as recoveryGrantConditions from './migrations/0013_recovery_grant_conditions.ts';
import * as accessPolicyPaths from './migrations/0014_access_policy_paths.ts';
import * as signInFlows from './migrations/0015_sign_in_flows.ts';
import * as adminUnitContacts from './migrations/0018_admin_unit_contacts.ts';
import * as ruleVersions from './migrations/0019_rule_versions.ts';
import * as auditRequestIds from './migrations/0020_audit_request_ids.ts';
import * as paymentReturned from './migrations/0021_payment_returned.ts';

/** Migrations in order. Each is a list of SQL statements (PGlite runs one statement per query). */
const MIGRATIONS: Record<string, { statements: string[] }> = {
  '0001_foundation': foundation,
  '0002_casework_base': caseworkBase,
  '0003_intake': intake,
  '0004_assessment': assessment,
  '0005_payments': payments,
  '0006_appeals': appeals,
  '0007_case_protected_flag': protectedFlag,
  '0008_case_list_indexes': listIndexes,
  '0009_case_list_covering_indexes': coveringListIndexes,
  '0010_case_list_counts': listCounts,
  '0011_household_applicant_index': applicantIndex,
  '0012_case_applicant_name': applicantName,
  '0013_recovery_grant_conditions': recoveryGrantConditions,
  '0014_access_policy_paths': accessPolicyPaths,
  '0015_sign_in_flows': signInFlows,
  '0018_admin_unit_contacts': adminUnitContacts,
  '0019_rule_versions': ruleVersions,
  '0020_audit_request_ids': auditRequestIds,
  '0021_payment_returned': paymentReturned,
};

class InCodeMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, m] of Object.entries(MIGRATIONS)) {
      out[name] = {
        // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema as it was then, not today's Database type.
        async up(db: Kysely<any>) {
          for (const statement of m.statements) await sql.raw(statement).execute(db);
        },
      };
    }
    return out;
  }
}

/** Brings the schema up to date; safe to call from several processes at once (Kysely takes an advisory lock). */
// biome-ignore lint/suspicious/noExplicitAny: any schema version, as in Kysely's Migrator.
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new InCodeMigrationProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
