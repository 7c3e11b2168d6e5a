/** Calendar days in Europe/Stockholm (time is stored in UTC; dates and deadlines are Swedish days). */
const ZONE = 'Europe/Stockholm';
const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

function local(at: Date) {
  const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, x.value]));
  return { y: Number(p.year), m: Number(p.month), d: Number(p.day), h: Number(p.hour), min: Number(p.minute), s: Number(p.second) };
}

/** The Swedish calendar day of an instant, 'YYYY-MM-DD'. */
export function stockholmDate(at: Date | string): string {
  const l = local(typeof at === 'string' ? new Date(at) : at);
  return `${String(l.y).padStart(4, '0')}-${String(l.m).padStart(2, '0')}-${String(l.d).padStart(2, '0')}`;
}

/** The UTC instant of a Swedish wall-clock time on a date (handles summer time). */
export function stockholmInstant(date: string, hour = 0, minute = 0, second = 0, ms = 0): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, hour, minute, second, ms);
  let guess = wall - 3_600_000;
  for (let i = 0; i < 3; i++) {
    const l = local(new Date(guess));
    const offset = Date.UTC(l.y, l.m - 1, l.d, l.h, l.min, l.s) - Math.floor(guess / 1000) * 1000;
    const next = wall - offset;
    if (next === guess) break;
    guess = next;
  }
  return new Date(guess);
}

/** The last moment of a Swedish day: a deadline "on" a date is met until then. */
export function stockholmEndOfDay(date: string): Date {
  return stockholmInstant(date, 23, 59, 59, 999);
}
