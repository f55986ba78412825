// Builds the web app (src/web) into dist/web, which the server serves.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/vite/compress.ts';
import { i18nChunkName, webStrings } from './scripts/vite/i18n-split.ts';
import { mantineCssPerComponent } from './scripts/vite/mantine-css.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const apiTarget = process.env.API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: path.join(here, 'src/web'),
  plugins: [react(), webStrings(), mantineCssPerComponent(), precompress()],
  css: { postcss: here },
  build: {
    outDir: path.join(here, 'dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      // Rolldown would move modules that several pages share into the entry chunk (every page
      // loads it anyway): that put modal and scroll-lock code on the public pages. Shared
      // modules stay in chunks of their own, loaded by the pages that use them.
      experimental: { chunkOptimization: { mergeCommonChunks: false } },
      output: {
        chunkFileNames: (chunk) => i18nChunkName(chunk.facadeModuleId) ?? 'assets/[name]-[hash].js',
        // Libraries every page needs, in long-cached chunks of their own. Mantine's
        // components stay with the pages that use them, so public pages load less.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 20 },
            {
              name: 'libs',
              test: /node_modules[\\/](@tanstack|i18next|react-i18next|dayjs|html-parse-stringify|void-elements|use-sync-external-store)[\\/]/,
              priority: 10,
            },
            // The rest of what every page loads first (the layout, Mantine's base), in one file
            // rather than a dozen small ones each paying for a request and its headers.
            { name: 'shell', tags: ['$initial'], priority: 5 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});
