/** Kronor as typed by a person ("1 234", "1234,50", "1 234 kr") ↔ integer öre. */
export function parseKronor(text: string): number | null {
  const t = text.replace(/\s|kr/gi, '').replace(/\u2212/g, '-');
  if (t === '') return 0;
  const m = /^(\d+)(?:[,.](\d{1,2}))?$/.exec(t);
  if (!m) return null;
  const ore = Number(m[1]) * 100 + (m[2] ? Number(m[2].padEnd(2, '0')) : 0);
  return Number.isSafeInteger(ore) && ore <= 1_000_000_000 ? ore : null;
}

/** Öre → text for an input: "1234" or "1234,50". */
export function kronorText(ore: number): string {
  return ore % 100 === 0 ? String(ore / 100) : `${Math.floor(ore / 100)},${String(ore % 100).padStart(2, '0')}`;
}

/** "/body/costs/0/amount" → "app-costs-0-amount": a field id from an API error path. */
export function fieldIdFromPath(prefix: string, path: string): string {
  return `${prefix}${path.replace(/^\/body|^\/decision/, '').replace(/\//g, '-')}`;
}
