import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

/**
 * The domain core imports no framework, database, server, clock or I/O: dependencies point inward only. The one
 * library it may use is the Temporal polyfill, for the calendar's time-zone rules (pure computation, no clock).
 */
const ALLOWED_PACKAGES = new Set(['temporal-polyfill']);
const root = new URL('../src', import.meta.url).pathname;
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });

test('the domain package imports only itself', () => {
  const offenders: string[] = [];
  for (const file of files(root)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const spec = m[1] ?? m[2]!;
      if (!spec.startsWith('.') && !ALLOWED_PACKAGES.has(spec)) offenders.push(`${relative(root, file)} imports ${spec}`);
    }
  }
  assert.deepEqual(offenders, []);
});

test('the domain package reads no clock and does no I/O', () => {
  const offenders: string[] = [];
  for (const file of files(root)) {
    const text = readFileSync(file, 'utf8')
      .replace(/\/\/.*$/gm, '')
      .replace(/\/\*[\s\S]*?\*\//g, '');
    if (/new Date\(\s*\)|Date\.now\(|performance\.now\(|process\.|require\(|fetch\(/.test(text)) offenders.push(relative(root, file));
  }
  assert.deepEqual(offenders, []);
});

test('the database layer does not import the server, and the server does not import the web app', () => {
  const check = (dir: string, forbidden: RegExp) => files(new URL(dir, import.meta.url).pathname).filter((f) => forbidden.test(readFileSync(f, 'utf8')));
  assert.deepEqual(check('../../db/src', /from ['"](@vagen\/server|\.\.\/\.\.\/server|fastify)/), []);
  assert.deepEqual(check('../../server/src', /from ['"](@vagen\/web|\.\.\/\.\.\/web|react)/), []);
});
