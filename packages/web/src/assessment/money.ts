/** "/body/costs/0/amount" → "app-costs-0-amount": a field id from an API error path. */
export function fieldIdFromPath(prefix: string, path: string): string {
  return `${prefix}${path.replace(/^\/body|^\/decision/, '').replace(/\//g, '-')}`;
}
