/**
 * Serves a page bundled at build time by Vite (the playground, the route explorer): the page at a
 * fixed path, its content-hashed assets from a folder next to it, every response with the page's
 * Content-Security-Policy. Asset URLs in the bundles are relative, so the same router works behind a
 * path prefix.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import express from 'express';

export interface BundlePage {
  /** Where the page answers ("/graphql", "/explore"); "<path>/" redirects there. */
  pagePath: string;
  /** The Vite build output under dist/ ("playground", "explorer"). */
  distName: string;
  /** Folder of the assets, relative to the page; must match `build.assetsDir` in its vite.config.ts. */
  assetsDir: string;
  csp: string;
  title: string;
  /** What the "not built yet" page says after telling how to build it. */
  missingNote: string;
  /** Serve the page only to these requests (others go on to the next handler); default all. */
  accept?: (req: express.Request) => boolean;
  /** Override the build output folder (tests). */
  distDir?: string;
}

/**
 * `dist/<name>`, whether this code runs compiled (dist/src/http/) or from source (src/http/, under
 * ts-jest). Decided by where this file is, never by which folder holds an index.html: the source
 * folders (playground/, explorer/) hold one too (Vite's entry), which must never be served.
 */
export function bundleDistDir(name: string): string {
  const srcDir = path.resolve(__dirname, '..');
  const compiled = path.basename(path.resolve(srcDir, '..')) === 'dist';
  return compiled ? path.resolve(srcDir, '..', name) : path.resolve(srcDir, '..', 'dist', name);
}

export function bundlePageRouter(page: BundlePage): express.Router {
  const distDir = path.resolve(page.distDir ?? bundleDistDir(page.distName));
  const indexFile = path.join(distDir, 'index.html');
  const accept = page.accept ?? (() => true);
  const setPageHeaders = (res: express.Response) => {
    res.setHeader('Content-Security-Policy', page.csp);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
  };
  const missing = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${page.title}</title></head>
<body><h1>${page.title}</h1>
<p>This page has not been built. Run <code>npm run build:${page.distName}</code> (or <code>npm run build</code>)
and reload it. ${page.missingNote}</p>
</body></html>
`;
  // Strict routing: "/x/" is not "/x" (relative asset URLs differ between the two).
  const router = express.Router({ strict: true });

  router.get(page.pagePath, async (req, res, next) => {
    res.vary('Accept');
    if (!accept(req)) return next();
    setPageHeaders(res);
    res.setHeader('Cache-Control', 'no-cache');
    let html: string;
    try {
      html = await readFile(indexFile, 'utf8');
    } catch {
      res.status(503).type('html').send(missing);
      return;
    }
    res.status(200).type('html').send(html);
  });

  router.get(`${page.pagePath}/`, (req, res, next) => {
    res.vary('Accept');
    if (!accept(req)) return next();
    res.redirect(302, `..${page.pagePath}`);
  });

  router.use(
    `/${page.assetsDir}`,
    express.static(path.join(distDir, page.assetsDir), {
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
