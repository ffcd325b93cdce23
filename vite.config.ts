import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app (web/) is built into dist/web, which the server serves at `/` with an SPA fallback.
 * In development, `vite` serves the app and forwards /api to a running server (KK_DEV_API).
 */
export default defineConfig({
  root: 'web',
  publicDir: 'public',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    sourcemap: false,
    // Everything is served from our own origin; no inline assets that a strict CSP would have to allow.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: {
      '/api': { target: process.env.KK_DEV_API ?? 'http://127.0.0.1:8080', changeOrigin: false },
    },
  },
});
