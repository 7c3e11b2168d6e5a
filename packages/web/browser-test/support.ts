/**
 * Shared helpers for the browser tests: a Vägen server with deterministic demo data, headless Chromium and axe-core.
 * Run with `npm run test:browser` (builds the web app first). Set VAGEN_SHOTS=/some/dir to save screenshots.
 */
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startDemo } from '@vagen/tools/demo.ts';
import { DEMO_PASSWORD, type DemoLogins } from '@vagen/tools/seed/index.ts';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const STAFF_PASSWORD = DEMO_PASSWORD;

export interface TestApp {
  url: string;
  demoLogins: DemoLogins;
  close(): Promise<void>;
}

/** Starts the real server (in-memory embedded database) seeded with deterministic demo households. */
export async function startApp(households = 20): Promise<TestApp> {
  const running = await startDemo({ port: 0, households, jobs: false });
  return { url: running.url, demoLogins: running.demoLogins, close: () => running.close() };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

export async function newPage(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, locale: 'sv-SE', timezoneId: 'Europe/Stockholm', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  // Fail loudly on errors in the app itself.
  page.on('pageerror', (err) => {
    console.error(`[sidfel] ${err.message}`);
  });
  return { context, page };
}

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA) on the current page and fails with a readable list of violations. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  // Evaluated through the DevTools protocol, which the pages' Content-Security-Policy (no inline scripts) allows.
  await page.evaluate(AXE_SOURCE);
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<unknown> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }),
  )) as { violations: AxeViolation[]; passes: unknown[] };
  if (result.violations.length) {
    const lines = result.violations.flatMap((v) => [
      `  ${v.id} (${v.impact ?? '–'}): ${v.help} – ${v.helpUrl}`,
      ...v.nodes.slice(0, 5).map((n) => `      ${JSON.stringify(n.target)} ${n.html.slice(0, 160)}\n        ${(n.failureSummary ?? '').replace(/\n/g, '\n        ')}`),
    ]);
    console.log(`axe: ${label}: ${result.violations.length} överträdelser\n${lines.join('\n')}`);
  } else {
    console.log(`axe: ${label}: 0 överträdelser (${result.passes.length} regler passerade)`);
  }
  assert.equal(result.violations.length, 0, `axe hittade överträdelser på ${label}: ${result.violations.map((v) => v.id).join(', ')}`);
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  const dir = process.env.VAGEN_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage });
}

export async function signInStaff(page: Page, username: string, password = STAFF_PASSWORD): Promise<void> {
  await page.goto('/logga-in');
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.waitForURL((u) => u.pathname === '/');
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/** From the start page (where sign-in lands) to the case list by the main menu, as a user goes. */
export async function openCaseList(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Ärenden', exact: true }).click();
  await page.waitForURL((u) => u.pathname === '/arenden');
  await page.locator('table.case-table tbody tr').first().waitFor();
}

/** Signs a client in through the local OpenID Connect provider's test e-ID page, as in the demo. */
export async function signInClient(page: Page, personnummer: string): Promise<void> {
  await page.goto('/mina-sidor/logga-in');
  await page.getByRole('link', { name: 'Logga in med e-legitimation' }).click();
  await page.waitForURL(/\/interaction\//);
  await page.getByLabel('Personnummer').fill(personnummer);
  await page.getByRole('button', { name: 'Legitimera' }).click();
  await page.waitForURL((u) => u.pathname === '/mina-sidor');
  await page.locator('.case-card, .notice').first().waitFor();
}

/** Signs staff in through the local OpenID Connect provider, standing in for the municipality's identity provider. */
export async function signInStaffWithProvider(page: Page, username: string): Promise<void> {
  await page.goto('/logga-in');
  await page.getByRole('link', { name: 'Logga in med kommunens inloggning' }).click();
  await page.waitForURL(/\/interaction\//);
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.waitForURL((u) => u.pathname === '/');
  await page.getByRole('heading', { level: 1 }).waitFor();
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** Personnummer (with or without century and dash) must never appear in a URL. */
export function assertNoPersonnummerInUrl(url: string): void {
  const text = decodeURIComponent(url).replace(UUID, '');
  assert.doesNotMatch(text, /\d{6}[-+]?\d{4}/, `personnummer i adressen: ${url}`);
}
