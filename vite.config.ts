import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * `virtual:minnow-firmware-manifest`: public/firmware/manifest.json as a module (null when absent), so the
 * gauge knows the shipped firmware sizes offline and from the first frame. Vite does not let code import
 * files from public/ directly.
 */
function firmwareManifest(): Plugin {
  const id = 'virtual:minnow-firmware-manifest';
  const file = resolve(import.meta.dirname, 'public/firmware/manifest.json');
  return {
    name: 'minnow-firmware-manifest',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      if (existsSync(file)) this.addWatchFile(file);
      return `export default ${existsSync(file) ? readFileSync(file, 'utf8') : 'null'};`;
    },
  };
}

export default defineConfig({
  // Relative asset URLs: the built site works from any static host and any sub-path.
  base: './',
  plugins: [
    react(),
    firmwareManifest(),
    VitePWA({
      strategies: 'generateSW',
      registerType: 'autoUpdate',
      injectRegister: false,
      manifest: {
        name: 'Minnow — tiny neural networks on microcontrollers',
        short_name: 'Minnow',
        description:
          'Design a neural network, see whether it fits your microcontroller, train it and flash it.',
        theme_color: '#1d4ed8',
        background_color: '#f8fafc',
        display: 'standalone',
        start_url: '.',
        scope: '.',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        // Everything the app needs offline, Monaco's workers and fonts included.
        globPatterns: ['**/*.{js,css,html,svg,png,ttf,woff2,json,webmanifest}'],
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 5000 },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
  },
});
