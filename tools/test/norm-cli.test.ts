import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'tools/src/norm-cli.ts');
let dir = '';

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'vagen-norm-cli-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI the way `npm run --silent norm -- <file>` does. */
function run(args: string[], stdin?: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, encoding: 'utf8', input: stdin, timeout: 60_000 });
}

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

test('prints the result JSON on stdout (adult sharing a 5-person household, 2025: 4 372 kr)', () => {
  const res = run([file('ok.json', { month: '2025-03', adults: [{ id: 'a1', role: 'applicant' }], householdSize: 5 })]);
  assert.equal(res.status, 0, res.stderr);
  assert.equal(res.stderr, '');
  const out = JSON.parse(res.stdout);
  assert.equal(out.totals.norm, 437200);
  assert.equal(out.normTable.id, 'riksnorm-2025');
  assert.equal(out.lines[1].rule, 'RN-COMMON-SHARED');
});

test('reads standard input with "-"', () => {
  const res = run(
    ['-'],
    JSON.stringify({
      month: '2026-01',
      adults: [
        { id: 'a1', role: 'applicant' },
        { id: 'a2', role: 'coApplicant' },
      ],
    }),
  );
  assert.equal(res.status, 0, res.stderr);
  const out = JSON.parse(res.stdout);
  assert.equal(out.totals.norm, 851000);
  assert.equal(out.normTable.provisional, false);
  assert.equal(out.normTable.verified, true);
});

test('January 2027 runs now and says which of its lines are provisional', () => {
  const res = run(['-'], JSON.stringify({ month: '2027-01', adults: [{ id: 'a', role: 'applicant' }] }));
  assert.equal(res.status, 0, res.stderr);
  const out = JSON.parse(res.stdout);
  assert.equal(out.normTable.id, 'riksnorm-2027');
  assert.equal(out.totals.norm, 522000);
  assert.ok(out.lines.every((l: { source: { status: string } }) => l.source.status === 'provisional'));
  const w = out.warnings.find((x: { type: string }) => x.type === 'PROVISIONAL_LINES');
  assert.match(w.message, /rad 1 \(personliga kostnader a, riksnorm-2027 adults\.single\); rad 2 \(gemensamma hushållskostnader/);
});

test('invalid input → exit code ≠ 0, field paths on stderr, nothing on stdout', () => {
  const res = run([file('bad.json', { month: '2025-03', adults: [{ id: 'a2', role: 'coApplicant' }], costs: [{ type: 'rent', amount: 12.5 }] })]);
  assert.equal(res.status, 1);
  assert.equal(res.stdout, '');
  assert.match(res.stderr, /\/adults\/0\/role/);
  assert.match(res.stderr, /\/costs\/0\/amount/);
});

test('missing table → exit code ≠ 0 with a clear message', () => {
  const res = run([file('future.json', { month: '2031-01', adults: [{ id: 'a1', role: 'applicant' }] })]);
  assert.equal(res.status, 1);
  assert.equal(res.stdout, '');
  assert.match(res.stderr, /ingen riksnormstabell för januari 2031/);
});

test('not JSON, missing file, no argument → exit code 2', () => {
  assert.equal(run([file('broken.json', '{ "month": ')]).status, 2);
  assert.equal(run([join(dir, 'does-not-exist.json')]).status, 2);
  const usage = run([]);
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /Användning/);
});
