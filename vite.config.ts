import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { scenarioPlugin } from './scripts/vite-plugin-scenarios.ts';

// Vite serves and builds the game; Vitest shares this config so tests resolve modules the same way.
// The scenario plugin validates the YAML at build time with the app's own loader, so everything it
// imports (scripts/, src/scenarios/) names its files with extensions, as Node's loader needs.
export default defineConfig({
  plugins: [react(), scenarioPlugin()],
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
