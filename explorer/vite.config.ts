import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

// Build with `npm run build:explorer`. The page is served by src/explorerRoute.ts at GET /explore; every
// asset URL is relative (`base: './'`) and lives under `explorer-assets/`, so from `/explore` they resolve
// to `/explorer-assets/...`, and behind a path prefix (`/x/explore`) to `/x/explorer-assets/...`. Nothing
// is fetched from outside the service: no CDN, no web fonts, no map tiles.
export default defineConfig({
  root: here,
  base: './',
  publicDir: false,
  logLevel: 'warn',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: fileURLToPath(new URL('../dist/explorer', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'explorer-assets',
    // Small images stay inline (data: URLs); there are no fonts to load.
    assetsInlineLimit: 4096,
    chunkSizeWarningLimit: 2000,
    reportCompressedSize: false,
    sourcemap: false,
    target: 'es2022',
  },
});
