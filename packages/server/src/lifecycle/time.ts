/** Swedish days in the lifecycle area: the calendar module's conversions under the names this area uses. */
export { endOfSwedishDay as stockholmEndOfDay, swedishDate as stockholmDate, swedishInstant as stockholmInstant } from '@vagen/domain';
