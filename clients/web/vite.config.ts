import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const page = (path: string) => fileURLToPath(new URL(path, import.meta.url));
/** Paths the gateway answers itself: the service worker never serves the app shell for them. */
const gatewayPaths = [/^\/graphql/, /^\/api\//, /^\/webhooks\//, /^\/healthz/, /^\/readyz/, /^\/metrics/, /^\/media\//, /^\/\.well-known\//, /^\/approve\//];

/**
 * Two documents: the staff PWA (`index.html`) and the customer's approval page (`approve/index.html`),
 * built apart so the customer page loads none of the staff code. `npm run build` writes static files
 * to `dist/`, served by the gateway at `/` or from a CDN (then list the CDN's origin in CORS_ORIGINS
 * and point the app at the gateway).
 */
export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icon.svg', 'icon-192.png', 'icon-512.png'],
      manifest: {
        name: 'Courtesy Inspection',
        short_name: 'Inspections',
        description: 'Digital courtesy inspections: shop board, inspection sheets, recommendations and live dashboards.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f5f7fa',
        theme_color: '#0b5fff',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        globIgnores: ['approve/**'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: gatewayPaths,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    target: 'es2022',
    manifest: true,
    sourcemap: false,
    rollupOptions: {
      input: { staff: page('./index.html'), approve: page('./approve/index.html') },
    },
  },
  server: {
    proxy: { '/graphql': { target: process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000', ws: true } },
  },
});
