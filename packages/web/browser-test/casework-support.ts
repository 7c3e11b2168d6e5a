/**
 * Helpers for the end-to-end casework scenario (casework-scenario.test.ts): a demo server whose database can be
 * asked whether a personnummer is taken, Stockholm calendar arithmetic from the real clock, money as the app shows
 * it, and a watch on every URL a browser context opens.
 */
import assert from 'node:assert/strict';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { makePersonnummer } from '@vagen/domain/personnummer.ts';
import { startDemo } from '@vagen/tools/demo.ts';
import { assertNoPersonnummerInUrl, type TestApp } from './support.ts';

export interface ScenarioApp extends TestApp {
  /** Read-only look-up before the scenario starts: is this personnummer already in the demo data? */
  personnummerInUse(personnummer: string): Promise<boolean>;
}

/** Like `startApp` (real server, in-memory database, 20 demo households), with a look-up in the person register. */
export async function startScenarioApp(households = 20): Promise<ScenarioApp> {
  const running = await startDemo({ port: 0, households, jobs: false });
  const db = running.database.db;
  return {
    url: running.url,
    demoLogins: running.demoLogins,
    close: () => running.close(),
    async personnummerInUse(personnummer) {
      const row = await db.selectFrom('persons').select('id').where('personnummer', '=', personnummer).executeTakeFirst();
      return row !== undefined;
    },
  };
}

/** A valid synthetic personnummer (Luhn) for `birthDate` that the demo data does not use. */
export async function unusedPersonnummer(app: ScenarioApp, birthDate: string, sex: 'K' | 'M'): Promise<string> {
  // Serials 900–999 are far from the demo generator's usual draws; the parity of the last serial digit is the legal sex.
  for (let serial = 998 + (sex === 'M' ? 1 : 0); serial >= 900; serial -= 2) {
    const pnr = makePersonnummer(birthDate, serial);
    if (!(await app.personnummerInUse(pnr))) return pnr;
  }
  throw new Error(`Inget ledigt personnummer för ${birthDate}`);
}

// ---- Dates in Europe/Stockholm, from the real clock --------------------------------------------------------------

const ymd = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in Stockholm, YYYY-MM-DD. */
export function stockholmToday(now = new Date()): string {
  return ymd.format(now);
}

/** Calendar arithmetic on YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The first Monday–Friday strictly after `date` plus `minDays - 1` days (minDays ≥ 1). */
export function nextWeekday(date: string, minDays = 1): string {
  let d = addDays(date, minDays);
  while (isoWeekday(d) > 5) d = addDays(d, 1);
  return d;
}

// ---- Money as the web app shows it ------------------------------------------------------------------------------

/** 123400 öre → "1234" / 123450 → "1234,50": what a person types in an amount field. */
export function kronorInput(ore: number): string {
  return ore % 100 === 0 ? String(ore / 100) : `${Math.floor(ore / 100)},${String(ore % 100).padStart(2, '0')}`;
}

/** "6 500", "6 500,50 kr", "-1 234 kr" → öre. */
export function parseKronor(text: string): number {
  const t = text.replace(/[\s\u00a0\u202f]|kr/gi, '').replace('\u2212', '-');
  const m = /^(-)?(\d+)(?:,(\d{1,2}))?$/.exec(t);
  assert.ok(m, `inte ett belopp: ${JSON.stringify(text)}`);
  const ore = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -ore : ore;
}

/**
 * A pattern source for an amount as formatMoney (web) or formatKronor (letters) writes it: "1 234 kr",
 * "1 234,50 kr", with any kind of space (no-break and narrow no-break included) between the digit groups.
 */
export function moneySource(ore: number): string {
  const kr = Math.floor(Math.abs(ore) / 100);
  const groups: string[] = [];
  for (let s = String(kr); s.length; s = s.slice(0, -3)) groups.unshift(s.slice(-3));
  const decimals = ore % 100 === 0 ? '' : `,${String(Math.abs(ore) % 100).padStart(2, '0')}`;
  return `${ore < 0 ? '[-\u2212]' : ''}${groups.join('\\s?')}${decimals}\\s?kr`;
}

export function moneyPattern(ore: number): RegExp {
  return new RegExp(moneySource(ore));
}

/** "7345.50": an ISO 20022 amount. */
export function isoAmount(ore: number): string {
  return `${Math.floor(ore / 100)}.${String(ore % 100).padStart(2, '0')}`;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

// ---- URLs -----------------------------------------------------------------------------------------------------------

/**
 * Records every request URL (pages, API calls, documents) and every main-frame navigation in a browser context, so
 * the test can assert at the end that no personnummer was ever put in an address.
 */
export class UrlWatch {
  readonly urls = new Set<string>();

  watch(context: BrowserContext, page: Page): void {
    context.on('request', (req) => {
      this.urls.add(req.url());
    });
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) this.urls.add(frame.url());
    });
  }

  /** A URL fetched outside the page's own requests (documents through `page.request`); returns it resolved. */
  add(page: Page, href: string): string {
    const url = new URL(href, page.url()).href;
    this.urls.add(url);
    return url;
  }

  /** Adds the live location (history API changes are not navigations). */
  async snapshot(page: Page): Promise<void> {
    this.urls.add(await page.evaluate(() => location.href));
  }

  assertClean(personnummer: readonly string[]): void {
    assert.ok(this.urls.size > 0, 'inga adresser registrerades');
    for (const url of this.urls) {
      assertNoPersonnummerInUrl(url);
      const digits = decodeURIComponent(url).replace(UUID, '').replace(/\D/g, '');
      for (const p of personnummer) assert.ok(!digits.includes(p.slice(2)), `personnumret finns i adressen: ${url}`);
    }
  }
}

// ---- Form helpers ---------------------------------------------------------------------------------------------------

/** Selects the option of `select` whose text starts with `prefix` (option texts carry counts that change). */
export async function selectOptionStartingWith(select: Locator, prefix: string): Promise<string> {
  const options = await select.locator('option').evaluateAll((els) => els.map((e) => ({ value: (e as HTMLOptionElement).value, text: e.textContent ?? '' })));
  const match = options.find((o) => o.text.startsWith(prefix));
  assert.ok(match, `inget alternativ som börjar med ”${prefix}” bland: ${options.map((o) => o.text).join(' | ')}`);
  await select.selectOption(match.value);
  return match.text;
}

/** Whitespace of every kind (PDF text has line breaks and narrow no-break spaces) folded to one space. */
export function foldSpace(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}
