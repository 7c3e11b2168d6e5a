/** The API contract. Each area's schemas live in their own module; this file re-exports them. */
export * from './common.ts';
export * from './cases.ts';
export * from './journal.ts';
export * from './staff.ts';
export * from './audit-log.ts';
export * from './norm.ts';
export * from './intake.ts';
export * from './assessment.ts';
export * from './decisions.ts';
export * from './payments.ts';
export * from './appeals.ts';
export * from './lifecycle.ts';
export * from './auth.ts';
export * from './rules.ts';
export * from './follow-up.ts';
export * from './start.ts';
export * from './admin.ts';
