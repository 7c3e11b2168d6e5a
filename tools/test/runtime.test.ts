import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const root = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  devDependencies: Record<string, string>;
  engines: { node: string };
};

test('the suite runs on the Node.js LTS that npm ci installs, not on the machine’s own Node', () => {
  const pinned = Number(/\d+/.exec(root.devDependencies.node ?? '')?.[0]);
  const running = Number(process.versions.node.split('.')[0]);
  assert.ok(pinned >= 22 && pinned % 2 === 0, `package.json pins an LTS line of Node.js (even, 22 or newer), not ${pinned}`);
  assert.equal(running, pinned, `npm scripts run on Node.js ${pinned} from node_modules/.bin, but this is ${process.version}`);
  assert.equal(root.engines.node, `>=${pinned}`);
});
