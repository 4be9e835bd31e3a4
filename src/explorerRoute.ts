import express from 'express';
import { bundlePageRouter } from './http/bundlePage';

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

export function explorerHandler(opts: ExplorerOptions = {}): express.Router {
  return bundlePageRouter({
    pagePath: '/explore',
    distName: 'explorer',
    assetsDir: EXPLORER_ASSETS_DIR,
    csp: EXPLORER_CSP,
    title: 'Collier — route explorer',
    missingNote: 'The GraphQL API itself is available at <a href="graphql">graphql</a>.',
    distDir: opts.distDir,
  });
}
