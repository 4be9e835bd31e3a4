import express from 'express';
import { bundlePageRouter } from './http/bundlePage';

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

/** True when the client prefers an HTML page to a GraphQL (JSON) response, as a browser navigation does. */
function prefersHtml(req: express.Request): boolean {
  return req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
}

export function playgroundHandler(opts: PlaygroundOptions = {}): express.Router {
  return bundlePageRouter({
    pagePath: '/graphql',
    distName: 'playground',
    assetsDir: PLAYGROUND_ASSETS_DIR,
    csp: PLAYGROUND_CSP,
    title: 'Collier — GraphQL playground',
    missingNote: 'The GraphQL API itself is available: POST queries to this URL.',
    accept: prefersHtml,
    distDir: opts.distDir,
  });
}
