/**
 * End-to-end check of the offline playground: the built bundle (dist/playground, `npm run build:playground`)
 * served by src/playgroundRoute.ts, opened in headless Debian Chromium. A stub POST /graphql answers from
 * Collier's committed schema (schema.graphql) and refuses introspection as the production service does, so
 * no Neo4j is needed and the page must work from the schema bundled into it. Needs `chromium` (apt) at
 * /usr/bin/chromium or $CHROMIUM_PATH.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { buildSchema, graphql, NoSchemaIntrospectionCustomRule, parse, specifiedRules, validate } from 'graphql';

import { PLAYGROUND_CSP, playgroundHandler } from '../../src/playgroundRoute';
import { launchBrowser, type BrowserSession } from './browser';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const DIST_DIR = path.join(REPO_ROOT, 'dist', 'playground');
const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');

const collierSchema = buildSchema(readFileSync(path.join(REPO_ROOT, 'schema.graphql'), 'utf8'));
const STUB_COUNTRY = { code: 'KP', name: 'North Korea (stub server)' };

interface StubApp {
  server: Server;
  origin: string;
  /** Introspection queries the stub refused (the page must send none). */
  introspectionAttempts: number;
}

function startApp(distDir: string): Promise<StubApp> {
  const app = express();
  const stub = { introspectionAttempts: 0 } as StubApp;
  app.use(playgroundHandler({ distDir }));
  app.post('/graphql', express.json(), async (req, res) => {
    const { query, variables, operationName } = req.body ?? {};
    const source = String(query ?? '');
    // Like the service with GRAPHQL_INTROSPECTION off: introspection is a validation error.
    let refused: readonly { message: string }[] = [];
    try {
      refused = validate(collierSchema, parse(source), [...specifiedRules, NoSchemaIntrospectionCustomRule]);
    } catch {
      // a syntax error: graphql() below answers it
    }
    if (refused.some((e) => /introspection/i.test(e.message))) {
      stub.introspectionAttempts += 1;
      res.status(400).json({
        errors: [
          { message: 'GraphQL introspection is not allowed', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
        ],
      });
      return;
    }
    const result = await graphql({
      schema: collierSchema,
      source,
      variableValues: variables,
      operationName,
      rootValue: { country: () => STUB_COUNTRY },
    });
    res.json(result);
  });
  app.get('/graphql', (_req, res) => {
    res.status(400).json({ errors: [{ message: 'stub: GET reached the API handler' }] });
  });
  return new Promise((resolve, reject) => {
    const server = app.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      stub.server = server;
      stub.origin = `http://127.0.0.1:${port}`;
      resolve(stub);
    });
    server.on('error', reject);
  });
}

function stopServer(server: Server | undefined): Promise<void> {
  if (!server) return Promise.resolve();
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('playground route (HTTP)', () => {
  let server: Server | undefined;
  let origin = '';
  let emptyDir = '';

  beforeAll(async () => {
    emptyDir = mkdtempSync(path.join(os.tmpdir(), 'collier-no-playground-'));
    ({ server, origin } = await startApp(emptyDir));
  });
  afterAll(async () => {
    await stopServer(server);
    rmSync(emptyDir, { recursive: true, force: true });
  });

  it('tells a browser to build the playground when dist is missing', async () => {
    const res = await fetch(`${origin}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toContain('npm run build:playground');
  });

  it('lets non-browser GETs and POSTs through to the API', async () => {
    for (const accept of ['*/*', 'application/json', 'application/graphql-response+json, application/json']) {
      const res = await fetch(`${origin}/graphql?query=%7B__typename%7D`, { headers: { accept } });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ errors: [{ message: 'stub: GET reached the API handler' }] });
    }
    const post = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: BROWSER_ACCEPT },
      body: JSON.stringify({ query: '{ country(code: "KP") { code } }' }),
    });
    expect(await post.json()).toEqual({ data: { country: { code: 'KP' } } });
    // The stub refuses introspection, as the production service does.
    const introspect = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
    });
    expect(introspect.status).toBe(400);
  });

  it('redirects a browser from /graphql/ to /graphql', async () => {
    const res = await fetch(`${origin}/graphql/`, { headers: { accept: BROWSER_ACCEPT }, redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(new URL(res.headers.get('location') ?? '', `${origin}/graphql/`).pathname).toBe('/graphql');
  });
});

describe('offline playground in headless Chromium', () => {
  let stub: StubApp | undefined;
  let server: Server | undefined;
  let origin = '';
  let session: BrowserSession | undefined;

  beforeAll(async () => {
    if (!existsSync(path.join(DIST_DIR, 'index.html'))) {
      throw new Error(`${DIST_DIR}/index.html is missing: run \`npm run build:playground\` first`);
    }
    stub = await startApp(DIST_DIR);
    ({ server, origin } = stub);
    session = await launchBrowser({ allowedOrigins: [origin] });
  });

  afterAll(async () => {
    await session?.close();
    await stopServer(server);
  });

  it('serves the page with a self-only CSP', async () => {
    const res = await fetch(`${origin}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(PLAYGROUND_CSP);
    expect(res.headers.get('vary')).toMatch(/accept/i);
    const html = await res.text();
    expect(html).toContain('<title>Collier — GraphQL playground</title>');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('works behind a path prefix (relative asset URLs)', async () => {
    const app = express();
    app.use('/prefix', playgroundHandler({ distDir: DIST_DIR }));
    const prefixed = app.listen(0, '127.0.0.1');
    await new Promise((r) => prefixed.once('listening', r));
    try {
      const base = `http://127.0.0.1:${(prefixed.address() as AddressInfo).port}`;
      const page = await fetch(`${base}/prefix/graphql`, { headers: { accept: BROWSER_ACCEPT } });
      expect(page.status).toBe(200);
      const html = await page.text();
      const script = /<script type="module"[^>]* src="([^"]+)"/.exec(html)?.[1];
      expect(script).toMatch(/^\.\/playground-assets\//);
      const asset = await fetch(new URL(script!, `${base}/prefix/graphql`));
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toMatch(/javascript/);
      expect(asset.headers.get('cache-control')).toMatch(/immutable/);
      expect((await fetch(`${base}/prefix/playground-assets/nope.js`)).status).toBe(404);
    } finally {
      await stopServer(prefixed);
    }
  });

  it('renders GraphiQL from the bundled schema (no introspection), loads only from its own origin, and runs a query', async () => {
    const { page, requests } = session!;
    await page.addInitScript(() => {
      const g = globalThis as unknown as {
        __cspViolations: string[];
        addEventListener(type: string, listener: (e: { violatedDirective: string; blockedURI: string }) => void): void;
      };
      g.__cspViolations = [];
      g.addEventListener('securitypolicyviolation', (e: { violatedDirective: string; blockedURI: string }) => {
        g.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });

    const response = await page.goto(`${origin}/graphql`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(await page.title()).toBe('Collier — GraphQL playground');

    // GraphiQL and its Monaco editors are up.
    await page.locator('.graphiql-container').waitFor({ timeout: 60_000 });
    await page.locator('.graphiql-query-editor .monaco-editor').first().waitFor({ timeout: 60_000 });

    // The Docs explorer lists Collier's root fields from the schema bundled into the page, although the
    // server refuses introspection (and the page never asked).
    await page.locator('button[aria-label="Show Documentation Explorer"]').click();
    // "query: Query" at the top of the explorer: follow the Query type link.
    await page
      .locator('.graphiql-doc-explorer a.graphiql-doc-explorer-type-name', { hasText: /^Query$/ })
      .first()
      .click();
    const fieldNames = page.locator('.graphiql-doc-explorer-field-name');
    await poll(
      async () => (await fieldNames.allInnerTexts()).includes('traceCargo'),
      async () => `traceCargo in the Docs explorer, have ${JSON.stringify(await fieldNames.allInnerTexts())}`,
    );
    const docFields = await fieldNames.allInnerTexts();
    for (const field of ['traceCargo', 'traceBack', 'vessel', 'port', 'search']) {
      expect(docFields).toContain(field);
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground-docs.png') });
    await page.locator('button[aria-label="Hide Documentation Explorer"]').click();

    // The example tabs, named after their operations.
    const exampleNames = [
      ...readFileSync(path.resolve(__dirname, '../../playground/examples.ts'), 'utf8').matchAll(/^query (\w+)/gm),
    ].map((m) => m[1]);
    expect(exampleNames.length).toBeGreaterThanOrEqual(7);
    const tabs = page.locator('.graphiql-tab');
    await waitForCount(tabs, exampleNames.length);
    const tabText = (await tabs.allInnerTexts()).join(' ');
    for (const name of exampleNames) {
      expect(tabText).toContain(name);
    }

    // A new tab: replace its contents with a query and run it with the execute button.
    await page.locator('.graphiql-tab-add').click();
    await waitForCount(tabs, exampleNames.length + 1);
    const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('query Kp { country(code: "KP") { code name } }');
    await waitForText(editor.locator('.view-lines'), /^query Kp \{\s*country\(code: "KP"\) \{\s*code name\s*\}\s*\}$/);
    // GraphiQL reads the operation name 100 ms after an edit; the tab takes the name when it has.
    await waitForText(page.locator('.graphiql-tab[aria-selected="true"]'), /^\s*Kp\s*$/);
    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.result-window');
    await waitForText(result, /stub server/);
    const resultText = (await result.innerText()).replace(/\u00a0/g, ' ');
    expect(JSON.parse(resultText)).toEqual({ data: { country: STUB_COUNTRY } });

    // Let the Monaco workers settle, then take the picture.
    await page.waitForTimeout(1000);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground.png') });

    // The example tabs hold Collier's queries.
    await tabs.first().click();
    await waitForText(editor.locator('.view-lines'), /query Search \{/);
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground-examples.png') });
    process.stderr.write(`playground console:\n  ${session!.consoleMessages.join('\n  ')}\n`);

    const urls = requests.map((r) => `${r.method} ${r.resourceType} ${r.url}`);
    process.stderr.write(`playground page requests (${urls.length}):\n  ${urls.join('\n  ')}\n`);

    // Nothing but the test server: no CDN, no fonts, no workers from elsewhere.
    const foreign = requests.filter((r) => !r.url.startsWith(`${origin}/`) && !/^(data|blob):/.test(r.url));
    expect(foreign).toEqual([]);
    expect(requests.every((r) => r.allowed)).toBe(true);
    // The bundle, the stylesheet and at least the Monaco editor worker came from the service.
    expect(urls.some((u) => /script .*\/playground-assets\/index-.*\.js$/.test(u))).toBe(true);
    expect(urls.some((u) => /stylesheet .*\/playground-assets\/.*\.css$/.test(u))).toBe(true);
    expect(urls.some((u) => /\/playground-assets\/editor\.worker-.*\.js$/.test(u))).toBe(true);

    const violations = await page.evaluate(
      () => (globalThis as unknown as { __cspViolations: string[] }).__cspViolations,
    );
    expect(violations).toEqual([]);
    // The schema came from the bundle: not one introspection query reached the server.
    expect(stub!.introspectionAttempts).toBe(0);
    expect(session!.pageErrors).toEqual([]);
    expect(session!.consoleMessages.filter((m) => /Content Security Policy|Refused to/i.test(m))).toEqual([]);
  });
});

// Small polling helpers, so the test does not need @playwright/test's expect.
interface LocatorLike {
  count(): Promise<number>;
  innerText(): Promise<string>;
}

async function poll(check: () => Promise<boolean>, what: () => Promise<string>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${await what()}`);
}

function waitForCount(locator: LocatorLike, n: number): Promise<void> {
  return poll(
    async () => (await locator.count()) === n,
    async () => `${n} elements, have ${await locator.count()}`,
  );
}

function waitForText(locator: LocatorLike, re: RegExp): Promise<void> {
  // Monaco renders spaces as no-break spaces.
  const text = () =>
    locator
      .innerText()
      .then((t) => t.replace(/\u00a0/g, ' '))
      .catch(() => '');
  return poll(
    async () => re.test(await text()),
    async () => `text ${re}, have ${JSON.stringify(await text())}`,
  );
}
