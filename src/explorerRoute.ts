import { readFile } from 'node:fs/promises';
import path from 'node:path';
import express from 'express';

/**
 * Serves the offline route explorer built by `npm run build:explorer` (explorer/ → dist/explorer).
 *
 * Mount it at the service root, next to the playground: `app.use('/', explorerHandler())`.
 *
 * - `GET /explore` → the page. `GET /explore/` → redirect to `../explore` (the page must sit at
 *   `/explore` for its relative URLs to resolve).
 * - `GET /explorer-assets/...` → the bundle (script and stylesheet, content-hashed names).
 *
 * The page's asset URLs are relative (`./explorer-assets/x.js`, Vite `base: './'`) and it calls the API
 * at `graphql` relative to itself, so behind a path prefix (`/p/explore`) it loads `/p/explorer-assets/…`
 * and queries `/p/graphql`. Nothing in the bundle names a host or an absolute path.
 */

/** Directory (relative to the page) that holds the bundle; must match `build.assetsDir` in explorer/vite.config.ts. */
export const EXPLORER_ASSETS_DIR = 'explorer-assets';

/**
 * Content-Security-Policy of the page and its assets: this origin only, with no inline script or
 * style at all (cytoscape's one inline rule is in the bundled stylesheet; React and cytoscape set
 * element styles through the CSSOM, which CSP does not restrict). `img-src data: blob:` is for the
 * PNG the page draws for download; `connect-src 'self'` is the GraphQL API.
 */
export const EXPLORER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

export interface ExplorerOptions {
  /** The Vite build output (holds index.html). Default: `dist/explorer` at the repository root. */
  distDir?: string;
}

/**
 * `dist/explorer`, whether this file runs compiled (dist/src/explorerRoute.js) or from source
 * (src/explorerRoute.ts, under ts-jest). Decided by where this file is, not by which folder holds an
 * index.html: the source folder `explorer/` has one too (Vite's entry), which must never be served.
 */
function defaultDistDir(): string {
  const compiled = path.basename(path.resolve(__dirname, '..')) === 'dist';
  return compiled ? path.resolve(__dirname, '..', 'explorer') : path.resolve(__dirname, '..', 'dist', 'explorer');
}

function setPageHeaders(res: express.Response): void {
  res.setHeader('Content-Security-Policy', EXPLORER_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
}

const MISSING_BUILD_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Collier — route explorer</title></head>
<body><h1>Collier — route explorer</h1>
<p>The route explorer has not been built. Run <code>npm run build:explorer</code> (or <code>npm run build</code>)
and reload this page. The GraphQL API itself is available at <a href="graphql">graphql</a>.</p>
</body></html>
`;

export function explorerHandler(opts: ExplorerOptions = {}): express.Router {
  const distDir = path.resolve(opts.distDir ?? defaultDistDir());
  const indexFile = path.join(distDir, 'index.html');
  // Strict routing: `/explore/` is not `/explore` (relative URLs differ between the two).
  const router = express.Router({ strict: true });

  router.get('/explore', async (_req, res) => {
    setPageHeaders(res);
    res.setHeader('Cache-Control', 'no-cache');
    let html: string;
    try {
      html = await readFile(indexFile, 'utf8');
    } catch {
      res.status(503).type('html').send(MISSING_BUILD_PAGE);
      return;
    }
    res.status(200).type('html').send(html);
  });

  router.get('/explore/', (_req, res) => {
    res.redirect(302, '../explore');
  });

  router.use(
    `/${EXPLORER_ASSETS_DIR}`,
    express.static(path.join(distDir, EXPLORER_ASSETS_DIR), {
      index: false,
      redirect: false,
      dotfiles: 'ignore',
      fallthrough: false, // an unknown asset is a 404 here, not a request for the rest of the app
      immutable: true, // file names carry a content hash
      maxAge: '365d',
      setHeaders: (res) => setPageHeaders(res),
    }),
  );

  return router;
}
