/** Intake (mottagning): statuses, deadlines, checklists, phone interview, booking times, case weight. Pure. */
export * from './types.ts';
export * from './settings.ts';
export * from './deadline.ts';
export * from './visit-time.ts';
export * from './state.ts';
export * from './checklist.ts';
export * from './interview.ts';
export * from './workload.ts';
