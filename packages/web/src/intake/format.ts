/** Intake-specific display helpers. */

/** 3 000 min → "2 d 2 h"; under an hour → "45 min". */
export function formatDuration(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return '–';
  if (minutes < 60) return `${minutes} min`;
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days === 0) return `${hours} h ${minutes % 60} min`;
  return hours ? `${days} d ${hours} h` : `${days} d`;
}

/** Roles that see the intake pages (same as the API's intake.handle and case.assign). */
export const INTAKE_ROLES = ['intakeWorker', 'caseWorker', 'seniorCaseWorker', 'deputyUnitManager', 'unitManager'];
export const canUseIntake = (role: string | undefined) => !!role && INTAKE_ROLES.includes(role);
