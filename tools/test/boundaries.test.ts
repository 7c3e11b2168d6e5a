import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { test } from 'node:test';

/**
 * The workspaces' boundaries. Dependencies point inward: the domain core uses no other workspace; the API contract
 * and the database layer only the domain; the server the contract, the database layer and the domain; the web app
 * the contract and the domain; tools (seed data, demo start, benchmarks) may use everything. A workspace reaches
 * another one only by its package name (never by a relative path out of its own folder) and declares every workspace
 * it imports in its package.json.
 */
const repo = resolve(new URL('../..', import.meta.url).pathname);

interface Workspace {
  name: string;
  dir: string;
}

/** Where production code may reach. */
const MAY_IMPORT: Record<string, string[]> = {
  domain: [],
  contract: ['domain'],
  db: ['domain'],
  server: ['contract', 'db', 'domain'],
  web: ['contract', 'domain'],
  'identity-provider': ['domain'],
  tools: ['contract', 'db', 'domain', 'server', 'web', 'identity-provider'],
};

/**
 * Test code may in addition start outer parts as stand-ins (as devDependencies): the web app's end-to-end tests
 * start the whole system (server, demo data), and the server's tests may sign in through the local identity provider.
 */
const TESTS_MAY_ALSO_IMPORT: Record<string, string[]> = {
  server: ['identity-provider', 'tools'],
  web: ['server', 'tools', 'identity-provider'],
};

function workspaces(): Workspace[] {
  const root = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { workspaces: string[] };
  return root.workspaces.map((dir) => {
    const pkg = JSON.parse(readFileSync(join(repo, dir, 'package.json'), 'utf8')) as { name: string };
    assert.match(pkg.name, /^@vagen\//, `${dir}/package.json`);
    return { name: pkg.name.slice('@vagen/'.length), dir: join(repo, dir) };
  });
}

function packageJson(ws: Workspace): { dependencies?: Record<string, string>; devDependencies?: Record<string, string> } {
  return JSON.parse(readFileSync(join(ws.dir, 'package.json'), 'utf8'));
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    if (f === 'node_modules' || f === 'dist') return [];
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.(ts|tsx|js|mjs)$/.test(f) ? [p] : [];
  });
}

/** Every module specifier a file imports or re-exports, statically or dynamically; comments are skipped. */
export function importsOf(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found: string[] = [];
  for (const m of code.matchAll(/\b(?:import|export)\s[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    found.push((m[1] ?? m[2] ?? m[3])!);
  }
  return found;
}

function isTestCode(ws: Workspace, file: string): boolean {
  const inWs = relative(ws.dir, file).split(sep);
  return inWs[0] === 'test' || inWs[0] === 'browser-test';
}

interface Use {
  file: string;
  spec: string;
  test: boolean;
}

function uses(ws: Workspace, all: Workspace[]): Use[] {
  // A workspace's folder holds only its own files: leave out workspaces nested inside it.
  const nested = all.filter((o) => o !== ws && o.dir.startsWith(ws.dir + sep)).map((o) => o.dir + sep);
  return sourceFiles(ws.dir)
    .filter((file) => !nested.some((d) => file.startsWith(d)))
    .flatMap((file) => importsOf(readFileSync(file, 'utf8')).map((spec) => ({ file, spec, test: isTestCode(ws, file) })));
}

test('importsOf finds static, type-only, side-effect, re-exported and dynamic imports, not commented ones', () => {
  const text = [
    "import a from 'a';",
    "import type { B } from 'b';",
    "import {\n  c,\n  d,\n} from 'c';",
    "import 'd';",
    "export { e } from 'e';",
    "export * from 'f';",
    "const g = await import('g');",
    "// import h from 'h';",
    "/* import i from 'i'; */",
  ].join('\n');
  assert.deepEqual(importsOf(text), ['a', 'b', 'c', 'd', 'e', 'f', 'g']);
});

test('no relative import leaves its workspace: other workspaces are reached by package name', () => {
  const all = workspaces();
  const offenders: string[] = [];
  for (const ws of all) {
    for (const use of uses(ws, all)) {
      if (!use.spec.startsWith('.')) continue;
      const target = resolve(dirname(use.file), use.spec);
      if (target !== ws.dir && !target.startsWith(ws.dir + sep)) offenders.push(`${relative(repo, use.file)} imports ${use.spec}`);
    }
  }
  assert.deepEqual(offenders, []);
});

test('dependencies point inward: production code imports only the workspaces its layer may use, tests a few more', () => {
  const all = workspaces();
  const offenders: string[] = [];
  for (const ws of all) {
    const may = MAY_IMPORT[ws.name];
    assert.ok(may, `MAY_IMPORT says nothing about the workspace ${ws.name}`);
    for (const use of uses(ws, all)) {
      const m = /^@vagen\/([^/]+)/.exec(use.spec);
      if (!m || m[1] === ws.name) continue;
      const allowed = use.test ? [...may, ...(TESTS_MAY_ALSO_IMPORT[ws.name] ?? [])] : may;
      if (!allowed.includes(m[1]!)) offenders.push(`${relative(repo, use.file)} imports ${use.spec}`);
    }
  }
  assert.deepEqual(offenders, []);
});

test('every workspace declares the workspaces it imports, and declares only ones its layer may use', () => {
  const all = workspaces();
  const offenders: string[] = [];
  for (const ws of all) {
    const pkg = packageJson(ws);
    const runtime = Object.keys(pkg.dependencies ?? {});
    const declared = new Set([...runtime, ...Object.keys(pkg.devDependencies ?? {})]);
    for (const use of uses(ws, all)) {
      const m = /^(@vagen\/[^/]+)/.exec(use.spec);
      if (!m || m[1] === `@vagen/${ws.name}`) continue;
      const needed = use.test ? 'dependencies or devDependencies' : 'dependencies';
      const ok = use.test ? declared.has(m[1]!) : runtime.includes(m[1]!);
      if (!ok) offenders.push(`${relative(repo, ws.dir)}/package.json: ${relative(repo, use.file)} imports ${m[1]}, not in its ${needed}`);
    }
    const may = MAY_IMPORT[ws.name] ?? [];
    for (const dep of declared) {
      if (!dep.startsWith('@vagen/')) continue;
      const name = dep.slice('@vagen/'.length);
      const allowed = runtime.includes(dep) ? may : [...may, ...(TESTS_MAY_ALSO_IMPORT[ws.name] ?? [])];
      if (!allowed.includes(name)) offenders.push(`${relative(repo, ws.dir)}/package.json declares ${dep}`);
    }
  }
  assert.deepEqual([...new Set(offenders)], []);
});
