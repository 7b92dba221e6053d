import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { compileHintsPlugin } from './scripts/vite-plugin-compile-hints.ts';
import { scenarioPlugin } from './scripts/vite-plugin-scenarios.ts';

// Vite serves and builds the game; Vitest shares this config so tests resolve modules the same way.
// The scenario plugin validates the YAML at build time with the app's own loader, so everything it
// imports (scripts/, src/scenarios/) names its files with extensions, as Node's loader needs.
export default defineConfig({
  plugins: [
    react(),
    scenarioPlugin(),
    compileHintsPlugin((id) => /node_modules[\\/]recharts[\\/]/.test(id)),
    // Solo play needs no server: after the first visit a service worker serves the whole build from
    // its precache, so the game opens offline and can be installed. A new build waits for the
    // player's "Reload to update" (src/ui/pwa/UpdatePrompt.tsx) instead of mixing versions.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg'],
      manifest: {
        name: 'Firedrill — incident response practice',
        short_name: 'Firedrill',
        description: 'Practise detecting, triaging, mitigating and preventing data-platform incidents.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#0d1117',
        theme_color: '#0d1117',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // The console's chunk is larger than Workbox's 2 MiB default; leaving it out would break offline play.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        // Every screen is a fragment of index.html, so any navigation is answered with it.
        navigateFallback: 'index.html',
        // The room server's matchmaking endpoints are never the app shell.
        navigateFallbackDenylist: [/^\/matchmake/],
      },
    }),
  ],
  server: {
    port: 5173,
    strictPort: true,
  },
  build: {
    rolldownOptions: {
      output: {
        // Validation libraries are only needed when a file is imported or history is read: keep them off the first screen.
        codeSplitting: {
          groups: [{ name: 'validation', test: /node_modules[\\/](zod|yaml)[\\/]/ }],
        },
      },
    },
  },
  preview: {
    port: 4173,
  },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**', 'dist/**'],
    // UI tests opt in per file with `// @vitest-environment jsdom`.
    environment: 'node',
    // Generous: jsdom renders of the whole debrief plus an axe scan take seconds on a busy 2-core machine.
    testTimeout: 30_000,
  },
});
