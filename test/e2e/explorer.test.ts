/**
 * End-to-end check of the route explorer (/explore): the built bundle (dist/explorer, `npm run
 * build:explorer`) served by the real service over the demo graph, used in headless Debian Chromium as an
 * analyst would — pick an origin by typing an alias and choosing it with the keyboard, trace, read the
 * destinations, click a vessel and read its sources, switch to the map, filter, export — while every
 * request the page makes is recorded and anything outside the service fails the test.
 * Needs `chromium` (apt) at /usr/bin/chromium or $CHROMIUM_PATH.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import type { Download, Page } from 'playwright-core';

import { EXPLORER_CSP, explorerHandler } from '../../src/explorerRoute';
import { startTestService, type TestService } from '../integration/harness';
import { launchBrowser, type BrowserSession } from './browser';
import { clickVessel, poll, type Cy, waitForText } from './explorerPage';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const DIST_DIR = path.join(REPO_ROOT, 'dist', 'explorer');
const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');

let t: TestService;
let session: BrowserSession;
let queryFields: Set<string>;
/** Cypher statements per GraphQL operation the page sent (x-collier-statements), for the report. */
const statements: { operation: string; statements: number }[] = [];

beforeAll(async () => {
  if (!existsSync(path.join(DIST_DIR, 'index.html'))) {
    throw new Error(`${DIST_DIR}/index.html is missing: run \`npm run build:explorer\` first`);
  }
  t = await startTestService();
  const schema = await t.gql<{ __schema: { queryType: { fields: { name: string }[] } } }>(
    '{ __schema { queryType { fields { name } } } }',
  );
  queryFields = new Set(schema.data!.__schema.queryType.fields.map((f) => f.name));
  session = await launchBrowser({ allowedOrigins: [t.url], viewport: { width: 1280, height: 800 } });
  const { page } = session;
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
  page.on('response', (res) => {
    const req = res.request();
    if (req.method() !== 'POST' || !res.url().endsWith('/graphql')) return;
    const operation = /query (\w+)/.exec(String(JSON.parse(req.postData() ?? '{}').query ?? ''))?.[1] ?? '?';
    const n = res.headers()['x-collier-statements'];
    if (n != null) statements.push({ operation, statements: Number(n) });
  });
}, 180_000);

afterAll(async () => {
  await session?.close();
  await t?.close();
});

describe('explorer route (HTTP)', () => {
  it('serves /explore with a self-only CSP and relative asset URLs, and /explore/ redirects to it', async () => {
    const res = await fetch(`${t.url}/explore`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(EXPLORER_CSP);
    expect(EXPLORER_CSP).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    const html = await res.text();
    expect(html).toContain('<title>Collier — route explorer</title>');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    const script = /<script type="module"[^>]* src="([^"]+)"/.exec(html)?.[1];
    expect(script).toMatch(/^\.\/explorer-assets\/index-.*\.js$/);

    const redirect = await fetch(`${t.url}/explore/`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(new URL(redirect.headers.get('location') ?? '', `${t.url}/explore/`).pathname).toBe('/explore');
    expect((await fetch(`${t.url}/explorer-assets/nope.js`)).status).toBe(404);
    // The API is untouched by the page's route.
    const api = await t.gql('{ search(text: "Nampo", first: 1) { totalCount } }');
    expect(api.errors).toBeUndefined();
  });

  it('works behind a path prefix (relative asset URLs)', async () => {
    const app = express();
    app.use('/prefix', explorerHandler({ distDir: DIST_DIR }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const html = await (await fetch(`${base}/prefix/explore`)).text();
      const script = /<script type="module"[^>]* src="([^"]+)"/.exec(html)?.[1];
      const asset = await fetch(new URL(script!, `${base}/prefix/explore`));
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toMatch(/javascript/);
      expect(asset.headers.get('cache-control')).toMatch(/immutable/);
      // The bundle calls the API relative to the page, never at an absolute path or another host.
      const js = await asset.text();
      expect(js).not.toMatch(/["'`]\/graphql["'`]/);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});

describe('route explorer in headless Chromium', () => {
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

  it('traces from Nampho (typed as the alias "Nampo", chosen with the keyboard): Vietnam and Malaysia among the destinations', async () => {
    const response = await page.goto(`${t.url}/explore`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(await page.title()).toBe('Collier — route explorer');
    await page.getByText('Pick an origin port to start').waitFor();

    const origin = page.getByRole('combobox', { name: 'Origin port' });
    await origin.focus();
    await page.keyboard.type('Nampo');
    const option = page.getByRole('option', { name: /Nampho/ });
    await option.first().waitFor();
    expect(await origin.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await option.first().getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');

    const destinations = page.getByRole('region', { name: 'Destinations' });
    await waitForText(destinations, /Malaysia/);
    const text = await destinations.innerText();
    expect(text).toContain('Vietnam');
    expect(text).toContain('Malaysia');
    expect(await origin.inputValue()).toBe('Nampho');

    // The table lists the routes, most confident first, with the Wise Honest route to Ho Chi Minh City.
    const table = page.getByRole('table').first();
    await waitForText(table, /Ho Chi Minh City/);
    expect(await page.locator('p.status').innerText()).toMatch(/^\d+ routes from Nampho/);

    // The drawing: ports, vessels and the transfer; width grows with tonnage, colour with confidence.
    const graph = await page.evaluate(() => {
      const cy = (globalThis as unknown as Win).collierExplorerGraph;
      const widthOf = (sel: string) => cy.edges(sel).map((e) => Number(e.data('width')));
      return {
        ports: cy.nodes('.port').map((n) => n.data('label') as string),
        vessels: cy.nodes('.voyage').map((n) => n.data('label') as string),
        transfers: cy.nodes('.transfer').length,
        kaiXiang: widthOf('[source = "port:nampho"][target = "leg:kai-xiang:2017-08"]'),
        unknownTonnage: widthOf('[source = "port:nampho"][target = "leg:lucky-star:2019-01"]'),
        colours: [...new Set(cy.edges('.load, .land').map((e) => e.data('color') as string))],
      };
    });
    expect(graph.ports).toEqual(expect.arrayContaining(['Nampho', 'Cam Pha', 'Ho Chi Minh City port']));
    expect(graph.vessels).toEqual(expect.arrayContaining(['Wise Honest', 'Dong Thanh', 'Kai Xiang', 'Jia Feng']));
    expect(graph.transfers).toBeGreaterThanOrEqual(1);
    expect(graph.kaiXiang[0]).toBeGreaterThan(graph.unknownTonnage[0] ?? 1.5);
    expect(graph.colours.length).toBeGreaterThan(1); // 75 % legs and 60 % legs differ

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer.png') });
  });

  it('clicks a vessel in the graph and reads its details and sources (links to http addresses)', async () => {
    await clickVessel(page, 'Wise Honest');
    const details = page.locator('.details');
    await waitForText(details, /Vessel: Wise Honest/);
    await waitForText(details, /This leg/);
    expect(await details.innerText()).toMatch(/IMO\s+8905490/);
    const links = details.locator('.sources a');
    expect(await links.count()).toBeGreaterThan(0);
    const hrefs = await links.evaluateAll((as) => as.map((a) => (a as unknown as { href: string }).href));
    for (const href of hrefs) expect(href).toMatch(/^https?:\/\/[^/]+\//);
    const rels = await links.evaluateAll((as) => as.map((a) => `${a.getAttribute('target')} ${a.getAttribute('rel')}`));
    for (const rel of rels) expect(rel).toMatch(/^_blank .*noopener/);
    await details.locator('h4', { hasText: 'Sources' }).first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-vessel.png') });
  });

  it('traces from Chongjin: South Korea among the destinations, inferred links dashed', async () => {
    const origin = page.getByRole('combobox', { name: 'Origin port' });
    await origin.fill('Chongjin');
    await page
      .getByRole('option', { name: /Chongjin/ })
      .first()
      .waitFor();
    await origin.press('Enter');
    const destinations = page.getByRole('region', { name: 'Destinations' });
    await waitForText(destinations, /South Korea/);
    await waitForText(page.locator('p.status'), /routes from Chongjin/);
    const inferred = await page.evaluate(() => {
      const cy = (globalThis as unknown as Win).collierExplorerGraph;
      return cy.edges('.inferred').map((e) => e.style('line-style'));
    });
    expect(inferred.length).toBeGreaterThan(0);
    expect(new Set(inferred)).toEqual(new Set(['dashed']));
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-chongjin.png') });
  });

  it('moves through the graph with the keyboard and shows what it lands on', async () => {
    await page.locator('.graph-canvas').focus();
    await page.keyboard.press('Home'); // the origin
    await waitForText(page.locator('.details'), /Port: Chongjin/);
    await page.keyboard.press('ArrowRight'); // the next node, left to right
    await poll(
      async () => !/Port: Chongjin/.test(await page.locator('.details').innerText()),
      () => Promise.resolve('the selection to move on from Chongjin'),
    );
    expect(await page.evaluate(() => (globalThis as unknown as Win).collierExplorerGraph.$(':selected').length)).toBe(
      1,
    );
    await page.keyboard.press('Escape');
    await waitForText(page.locator('.details'), /Click a port, vessel/);
  });

  it('draws the schematic map by coordinates; its ports are keyboard buttons', async () => {
    await page.getByRole('tab', { name: 'Map' }).click();
    const map = page.getByRole('group', { name: /Schematic map/ });
    await map.waitFor();
    const kholmsk = map.getByRole('button', { name: /^Kholmsk/ });
    await kholmsk.focus();
    await page.keyboard.press('Enter');
    await waitForText(page.locator('.details'), /Port: Kholmsk/);
    await waitForText(page.locator('.details'), /Position\s+4\d\.\d+, 14\d\.\d+/);
    // Graticule labels, and no image or tile loaded to draw it.
    expect(await map.innerHTML()).toMatch(/°N/);
    // The coastline (bundled Natural Earth 1:110m land), clipped to the map's viewport.
    const coast = map.locator('path.coastline');
    expect(await coast.count()).toBe(1);
    const coastD = (await coast.getAttribute('d')) ?? '';
    expect(coastD).toMatch(/^M-?[\d.]+,-?[\d.]+L/);
    expect(coastD.split('L').length).toBeGreaterThan(100); // East Asia's shores, not a token line
    expect(await map.locator('g[clip-path^="url(#"] > path.coastline').count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-map.png') });
    await page.getByRole('tab', { name: 'Graph' }).click();
  });

  it('filters by destination country and minimum confidence (the API) and by tactic (the page)', async () => {
    const country = page.getByLabel('Destination country');
    await country.selectOption({ label: 'South Korea' });
    await waitForText(page.locator('p.status'), /routes from Chongjin/);
    await poll(
      async () => (await finalCountries(page)).every((c) => c === 'South Korea'),
      async () => `only South Korea, have ${(await finalCountries(page)).join(',')}`,
    );
    await country.selectOption({ label: 'any' });
    await poll(
      async () => new Set(await finalCountries(page)).size > 1,
      async () => `several countries again, have ${(await finalCountries(page)).join(',')}`,
    );

    // Minimum confidence 50 %: the 43 % routes drop out.
    const slider = page.getByLabel(/Min confidence/);
    await slider.fill('0.5');
    await poll(
      async () => (await routeConfidences(page)).every((c) => c >= 50),
      async () => `all ≥ 50 %, have ${(await routeConfidences(page)).join(',')}`,
    );
    await slider.fill('0');
    await poll(
      async () => (await routeConfidences(page)).some((c) => c < 50),
      async () => `some below 50 % again, have ${(await routeConfidences(page)).join(',')}`,
    );

    // Tactic (no API argument: filtered in the page from each route's tactics).
    const tactic = page.getByLabel('Tactic');
    const options = await tactic.locator('option').allInnerTexts();
    expect(options.length).toBeGreaterThan(1);
    const before = (await routeConfidences(page)).length;
    await tactic.selectOption({ index: 1 });
    await poll(
      async () => (await routeConfidences(page)).length <= before,
      () => Promise.resolve('the tactic filter to apply'),
    );
    await tactic.selectOption({ label: 'any' });
  });

  it('shows the API error message and code when the service refuses a trace', async () => {
    const origin = page.getByRole('combobox', { name: 'Origin port' });
    await origin.fill('Atlantis Harbour');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Trace', exact: true }).click();
    const alert = page.getByRole('alert');
    await waitForText(alert, /NOT_FOUND/);
    expect(await alert.innerText()).toMatch(
      /The trace failed: No port matches origin "Atlantis Harbour".*\(NOT_FOUND\)/s,
    );
  });

  it('expands a node’s neighbourhood in place (issue 4’s `neighborhood`), or says clearly that the service lacks it', async () => {
    const origin = page.getByRole('combobox', { name: 'Origin port' });
    await origin.fill('Chongjin');
    await page
      .getByRole('option', { name: /Chongjin/ })
      .first()
      .waitFor();
    await origin.press('Enter');
    await waitForText(page.locator('p.status'), /routes from Chongjin/);
    const nodesBefore = await graphCount(page);
    await clickVessel(page, 'Sky Angel');
    await waitForText(page.locator('.details'), /Vessel: Sky Angel/);
    await page.getByRole('button', { name: 'Expand neighbourhood' }).click();
    if (queryFields.has('neighborhood')) {
      await poll(
        async () => (await graphCount(page)) > nodesBefore,
        async () => `more than ${nodesBefore} nodes, have ${await graphCount(page)}`,
      );
      await waitForText(page.locator('.notice.info'), /Neighbourhood: \d+ new node/);
      await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-neighbourhood.png') });
    } else {
      const alert = page.getByRole('alert');
      await waitForText(alert, /needs the link-analysis query `neighborhood`.*GRAPHQL_VALIDATION_FAILED/s);
      expect(await graphCount(page)).toBe(nodesBefore);
    }
  });

  it('saves the picture as PNG and SVG without any request', async () => {
    const requestsBefore = session.requests.length;
    const png = await download(page, () => page.getByRole('button', { name: 'PNG', exact: true }).click());
    expect(png.suggestedFilename()).toMatch(/^collier-chongjin-graph-.*\.png$/);
    const pngBytes = readFileSync(await png.path());
    expect(pngBytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(pngBytes.length).toBeGreaterThan(5000);

    const svg = await download(page, () => page.getByRole('button', { name: 'SVG', exact: true }).click());
    const svgText = readFileSync(await svg.path(), 'utf8');
    expect(svgText).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svgText).toContain('Chongjin');

    await page.getByRole('tab', { name: 'Map' }).click();
    const mapSvg = await download(page, () => page.getByRole('button', { name: 'SVG', exact: true }).click());
    const mapText = readFileSync(await mapSvg.path(), 'utf8');
    expect(mapText).toMatch(/^<\?xml[^>]*>\n<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(mapText).toContain('Kholmsk');
    expect(mapText).toMatch(/<path class="coastline" d="M/);
    expect(mapText).toMatch(/<clipPath id="[^"]+">/);
    await page.getByRole('tab', { name: 'Graph' }).click();
    // Blob downloads only: nothing new went over the network.
    expect(session.requests.slice(requestsBefore).filter((r) => !/^(blob|data):/.test(r.url))).toEqual([]);
  });

  it('exports the subgraph through issue 4’s `exportSubgraph`, or says clearly that the service lacks it', async () => {
    await page.getByLabel('Subgraph export format').selectOption('GRAPHML');
    const button = page.getByRole('button', { name: 'Export subgraph' });
    if (queryFields.has('exportSubgraph')) {
      const file = await download(page, () => button.click());
      expect(file.suggestedFilename()).toMatch(/\.graphml$/);
      const text = readFileSync(await file.path(), 'utf8');
      expect(text).toMatch(/<graphml/);
      expect(text).toContain('Chongjin');
    } else {
      await button.click();
      await waitForText(
        page.getByRole('alert'),
        /needs the link-analysis query `exportSubgraph`.*GRAPHQL_VALIDATION_FAILED/s,
      );
    }
  });

  it('is readable on a narrow screen (400 px): one column, no sideways scrolling', async () => {
    await page.setViewportSize({ width: 400, height: 800 });
    await page.goto(`${t.url}/explore`, { waitUntil: 'load' });
    const origin = page.getByRole('combobox', { name: 'Origin port' });
    await origin.fill('Nampo');
    await page
      .getByRole('option', { name: /Nampho/ })
      .first()
      .waitFor();
    await origin.press('Enter');
    await waitForText(page.getByRole('region', { name: 'Destinations' }), /Malaysia/);
    await page.waitForTimeout(300);
    const overflow = await page.evaluate(() => {
      const root = (globalThis as unknown as Win).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    const [drawing, side] = await Promise.all([
      page.locator('.drawing').boundingBox(),
      page.locator('.side').boundingBox(),
    ]);
    expect(side!.y).toBeGreaterThanOrEqual(drawing!.y + drawing!.height - 1); // stacked, not side by side
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-narrow.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('made no request outside the service, broke no CSP rule and threw no error', async () => {
    const { requests } = session;
    const urls = requests.map((r) => `${r.method} ${r.resourceType} ${r.url}`);
    process.stderr.write(`explorer page requests (${urls.length} distinct):\n  ${urls.join('\n  ')}\n`);
    const perOperation = new Map<string, number[]>();
    for (const s of statements) perOperation.set(s.operation, [...(perOperation.get(s.operation) ?? []), s.statements]);
    process.stderr.write(
      `Cypher statements per operation:\n  ${[...perOperation].map(([op, ns]) => `${op}: ${[...new Set(ns)].sort((a, b) => a - b).join(', ')}`).join('\n  ')}\n`,
    );

    const foreign = requests.filter((r) => !r.url.startsWith(`${t.url}/`) && !/^(data|blob):/.test(r.url));
    expect(foreign).toEqual([]);
    expect(requests.every((r) => r.allowed)).toBe(true);
    expect(urls.some((u) => /script .*\/explorer-assets\/index-.*\.js$/.test(u))).toBe(true);
    expect(urls.some((u) => /stylesheet .*\/explorer-assets\/.*\.css$/.test(u))).toBe(true);
    expect(urls.some((u) => u === `POST fetch ${t.url}/graphql`)).toBe(true);

    const violations = await session.page.evaluate(
      () => (globalThis as unknown as { __cspViolations: string[] }).__cspViolations,
    );
    expect(violations).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    expect(session.consoleMessages.filter((m) => /Content Security Policy|Refused to|^error:/i.test(m))).toEqual([]);
    // Each operation the page sends costs a bounded number of Cypher statements (a trace walks one
    // statement per round, docs/trace-engine.md, then the loaders).
    for (const s of statements) expect(s.statements).toBeLessThanOrEqual(24);
  });
});

// ------------------------------------------------------------------------------------------------------

/** What the tests read from the page's window (the tests are compiled without the DOM library). */
interface Win {
  collierExplorerGraph: Cy;
  document: { documentElement: { scrollWidth: number; clientWidth: number } };
}

async function graphCount(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as Win).collierExplorerGraph.nodes().length);
}

async function finalCountries(page: Page): Promise<string[]> {
  return page
    .locator('table.routes > tbody > tr.route th .muted')
    .evaluateAll((els) => els.map((e) => e.textContent.replace(/^\s*·\s*/, '').trim()));
}

async function routeConfidences(page: Page): Promise<number[]> {
  const cells = await page.locator('table.routes > tbody > tr.route > td:nth-child(2)').allInnerTexts();
  return cells.map((c) => Number(/(\d+) %/.exec(c)?.[1]));
}

async function download(page: Page, act: () => Promise<unknown>): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), act()]);
  return file;
}
