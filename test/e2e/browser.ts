import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/**
 * Headless Debian Chromium (apt-get install chromium) driven by playwright-core, for end-to-end checks
 * of what a person sees. Every request any page of the context makes (documents, scripts, styles, fonts,
 * workers, fetches) is recorded; requests to an origin outside `allowedOrigins` are recorded and then
 * aborted, so a test never sends traffic off this machine.
 */

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Belt and braces: no host name but localhost resolves, whatever the browser itself tries.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1, EXCLUDE [::1]',
];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
  /** False when the request was aborted because its origin was not allowed. */
  allowed: boolean;
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Every request seen, in order (de-duplicated by url + method + resource type). */
  requests: RecordedRequest[];
  /** Messages the pages logged to their consoles (type: text), and uncaught page errors. */
  consoleMessages: string[];
  pageErrors: string[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Origins (scheme://host:port) that requests may go to; others are aborted. `data:`/`blob:` always pass. */
  allowedOrigins: string[];
  viewport?: { width: number; height: number };
}

function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'ws:' || u.protocol === 'wss:'
      ? u.origin
      : null;
  } catch {
    return null;
  }
}

export async function launchBrowser(opts: LaunchOptions): Promise<BrowserSession> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'collier-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath(),
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: opts.viewport ?? { width: 1400, height: 900 },
      serviceWorkers: 'block',
      timeout: 60_000,
    });
  } catch (err) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw err;
  }

  const allowed = new Set(opts.allowedOrigins.map((o) => new URL(o).origin));
  const requests: RecordedRequest[] = [];
  const seen = new Set<string>();
  const record = (url: string, method: string, resourceType: string): boolean => {
    const origin = originOf(url);
    const ok = origin === null ? /^(data|blob|about):/.test(url) : allowed.has(origin);
    const key = `${method} ${resourceType} ${url}`;
    if (!seen.has(key)) {
      seen.add(key);
      requests.push({ url, method, resourceType, allowed: ok });
    }
    return ok;
  };

  // Interception sees requests of pages and of their dedicated workers; the event is a second witness.
  await context.route('**/*', async (route) => {
    const req = route.request();
    if (record(req.url(), req.method(), req.resourceType())) await route.continue();
    else await route.abort('blockedbyclient');
  });
  context.on('request', (req) => {
    record(req.url(), req.method(), req.resourceType());
  });

  const consoleMessages: string[] = [];
  const pageErrors: string[] = [];
  const watch = (page: Page): void => {
    page.on('console', (msg) => consoleMessages.push(`${msg.type()}: ${msg.text()}`));
    page.on('pageerror', (err) => pageErrors.push(String(err)));
  };
  context.pages().forEach(watch);
  context.on('page', watch);

  const page = context.pages()[0] ?? (await context.newPage());

  return {
    context,
    page,
    requests,
    consoleMessages,
    pageErrors,
    async close() {
      try {
        await context.close();
      } finally {
        rmSync(userDataDir, { recursive: true, force: true });
      }
    },
  };
}
