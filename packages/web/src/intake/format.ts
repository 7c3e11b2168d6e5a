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

/** "4 000" / "4000" / "4 000,50" kronor → öre; null when not a non-negative amount. */
export function kronorToOre(text: string): number | null {
  const t = text.replace(/[\s\u00a0]/g, '').replace(/kr$/i, '').replace(',', '.');
  if (t === '') return 0;
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  return Math.round(Number(t) * 100);
}

export function oreToKronorText(ore: number | null | undefined): string {
  if (!ore) return '';
  return Number.isInteger(ore / 100) ? String(ore / 100) : (ore / 100).toFixed(2).replace('.', ',');
}

/** Roles that see the intake pages (same as the API's intake.handle and case.assign). */
export const INTAKE_ROLES = ['intakeWorker', 'caseWorker', 'seniorCaseWorker', 'deputyUnitManager', 'unitManager'];
export const canUseIntake = (role: string | undefined) => !!role && INTAKE_ROLES.includes(role);
