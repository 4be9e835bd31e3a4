import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

// Build with `npm run build:playground`. The page is served by src/playgroundRoute.ts at GET /graphql
// (browsers only); every asset URL is relative (`base: './'`) and lives under `playground-assets/`,
// so from the page `/graphql` they resolve to `/playground-assets/...`, and behind a path prefix
// (`/x/graphql`) to `/x/playground-assets/...`, with no absolute path baked into the bundle.
export default defineConfig({
  root: here,
  base: './',
  publicDir: false,
  logLevel: 'warn',
  esbuild: { jsx: 'automatic' },
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('../dist/playground', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'playground-assets',
    // Fonts and small images stay inline (data: URLs); nothing is fetched from outside.
    assetsInlineLimit: 4096,
    chunkSizeWarningLimit: 6000,
    reportCompressedSize: false,
    sourcemap: false,
    target: 'es2022',
    rollupOptions: {
      onwarn(warning, warn) {
        // React libraries' "use client" / "use no memo" directives are meaningless in a bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
