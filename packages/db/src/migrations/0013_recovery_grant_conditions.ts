/**
 * Återkrav under the repayment grounds that must be stated when assistance is granted needs two facts the schema
 * did not hold:
 * - decisions.served_on / served_method: the day and the way the written decision was served on the person
 *   (delgivning). Only a recorded service counts; the presumed receipt used for appeal deadlines is not proof of it.
 * - recovery_claims.granted_on: the day the assistance was granted. It decides which law the claim follows (the old
 *   socialtjänstlag for assistance granted before it was replaced), so it is kept with the claim.
 */
export const statements: string[] = [
  `alter table decisions add column served_on date`,
  `alter table decisions add column served_method text check (served_method in ('receipt', 'inPerson', 'simplified'))`,
  `alter table decisions add column served_recorded_by uuid references staff_users(id)`,
  `alter table decisions add column served_recorded_at timestamptz`,
  `alter table recovery_claims add column granted_on date`,
];
