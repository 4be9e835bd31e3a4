import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import express from 'express';

/**
 * Serves the offline GraphiQL playground built by `npm run build:playground` (playground/ → dist/playground).
 *
 * Mount it at the service root, before the Apollo middleware: `app.use(playgroundHandler())`.
 *
 * - `GET /graphql` from a browser (the request prefers `text/html` over JSON) → the playground page.
 *   Every other request to `/graphql` (POST, GET with JSON/`*∕*` Accept) falls through to Apollo.
 * - `GET /graphql/` from a browser → redirect to `../graphql` (the page must sit at `/graphql` for its
 *   relative asset URLs to resolve).
 * - `GET /playground-assets/...` → the bundle (scripts, CSS, Monaco workers, the icon font).
 *
 * The page's asset URLs are relative (`./playground-assets/x.js`, Vite `base: './'`), so from the page
 * `/graphql` they resolve to `/playground-assets/x.js`; behind a path prefix (`/p/graphql`) they resolve
 * to `/p/playground-assets/x.js`, which is where this router answers when mounted under `/p`. Nothing in
 * the bundle names a host or an absolute path, and the page calls the API at its own URL.
 */

/** Directory (relative to the page) that holds the bundle; must match `build.assetsDir` in playground/vite.config.ts. */
export const PLAYGROUND_ASSETS_DIR = 'playground-assets';

/**
 * Content-Security-Policy of the page and its assets: everything from this origin only. Monaco injects
 * `<style>` elements (hence `'unsafe-inline'` for styles only); GraphiQL's fonts are inline `data:` URLs.
 * Workers are bundled same-origin ES module files, so `worker-src 'self'` suffices.
 */
export const PLAYGROUND_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

export interface PlaygroundOptions {
  /** The Vite build output (holds index.html). Default: `dist/playground` at the repository root. */
  distDir?: string;
}

/** `dist/playground`, whether this file runs compiled (dist/src/) or from source (src/, under ts-jest). */
function defaultDistDir(): string {
  const candidates = [
    path.resolve(__dirname, '..', 'playground'), // dist/src/playgroundRoute.js → dist/playground
    path.resolve(__dirname, '..', 'dist', 'playground'), // src/playgroundRoute.ts → dist/playground
  ];
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html'))) ?? candidates[1];
}

/** True when the client prefers an HTML page to a GraphQL (JSON) response, as a browser navigation does. */
function prefersHtml(req: express.Request): boolean {
  return (
    req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html'
  );
}

function setPageHeaders(res: express.Response): void {
  res.setHeader('Content-Security-Policy', PLAYGROUND_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
}

const MISSING_BUILD_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Collier — GraphQL playground</title></head>
<body><h1>Collier — GraphQL playground</h1>
<p>The playground has not been built. Run <code>npm run build:playground</code> (or <code>npm run build</code>)
and reload this page. The GraphQL API itself is available: POST queries to this URL.</p>
</body></html>
`;

export function playgroundHandler(opts: PlaygroundOptions = {}): express.Router {
  const distDir = path.resolve(opts.distDir ?? defaultDistDir());
  const indexFile = path.join(distDir, 'index.html');
  // Strict routing: `/graphql/` is not `/graphql` (relative asset URLs differ between the two).
  const router = express.Router({ strict: true });

  router.get('/graphql', async (req, res, next) => {
    res.vary('Accept');
    if (!prefersHtml(req)) return next();
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

  router.get('/graphql/', (req, res, next) => {
    res.vary('Accept');
    if (!prefersHtml(req)) return next();
    res.redirect(302, '../graphql');
  });

  router.use(
    `/${PLAYGROUND_ASSETS_DIR}`,
    express.static(path.join(distDir, PLAYGROUND_ASSETS_DIR), {
      index: false,
      redirect: false,
      dotfiles: 'ignore',
      fallthrough: false, // an unknown asset is a 404 here, not a request for the rest of the app
      immutable: true, // file names carry a content hash
      maxAge: '365d',
      setHeaders: (res) => setPageHeaders(res), // workers take their CSP from their own response
    }),
  );

  return router;
}
