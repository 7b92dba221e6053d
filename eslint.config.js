import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const PURE = 'src/engine is pure: state = replay(scenario, seed, log).';

// The engine must replay byte-for-byte, so anything that reads the clock, the host or
// randomness outside the seeded PRNG is kept out by lint rather than by memory.
const enginePurity = {
  name: 'firedrill/engine-purity',
  files: ['src/engine/**/*.{ts,tsx,js,mjs}'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: '^(react|react-dom|zustand|recharts)(/.*)?$',
            message: `${PURE} No UI or state-store libraries; the UI builds on the engine, never the reverse.`,
          },
          {
            regex: '(^|/)ui(/|$)',
            message: `${PURE} It must not import from src/ui; the UI depends on the engine, never the reverse.`,
          },
          {
            regex: '(^|/)scenarios(/(?!schema(/|$)).*)?$',
            message: `${PURE} It may import only the scenario schema (src/scenarios/schema/**); scenarios are data passed in, not modules imported.`,
          },
        ],
      },
    ],
    'no-restricted-globals': [
      'error',
      ...[
        ['Date', 'Use sim time from the state, not the wall clock.'],
        ['performance', 'Use sim time from the state, not the wall clock.'],
        ['window', 'No DOM or host access; the engine runs in Node, workers and tests alike.'],
        ['document', 'No DOM or host access; the engine runs in Node, workers and tests alike.'],
        ['globalThis', 'No host access; pass what the engine needs in as input.'],
        ['localStorage', 'No storage; persistence belongs to the UI layer.'],
        ['sessionStorage', 'No storage; persistence belongs to the UI layer.'],
        ['fetch', 'No I/O; load data outside the engine and pass it in.'],
        ['setTimeout', 'No timers; advance sim time with commands instead.'],
        ['setInterval', 'No timers; advance sim time with commands instead.'],
        ['clearTimeout', 'No timers; advance sim time with commands instead.'],
        ['clearInterval', 'No timers; advance sim time with commands instead.'],
        ['setImmediate', 'No timers; advance sim time with commands instead.'],
        ['queueMicrotask', 'No timers; advance sim time with commands instead.'],
        ['requestAnimationFrame', 'No timers; advance sim time with commands instead.'],
        ['cancelAnimationFrame', 'No timers; advance sim time with commands instead.'],
        ['crypto', 'No host randomness; use the seeded PRNG held in state.'],
      ].map(([name, why]) => ({ name, message: `${PURE} ${why}` })),
    ],
    'no-restricted-properties': [
      'error',
      {
        object: 'Math',
        property: 'random',
        message: `${PURE} Use the seeded PRNG held in state so a log replays exactly.`,
      },
    ],
  },
};

// The rooms' protocol is shared by the browser and the server: plain TypeScript and zod only.
const roomsProtocol = {
  name: 'firedrill/rooms-protocol',
  files: ['src/rooms/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { regex: '^node:', message: 'src/rooms runs in the browser too: no Node APIs.' },
          { regex: '^(react|react-dom|zustand|@colyseus/.*|colyseus\\.js)$', message: 'src/rooms is the wire protocol only: no UI or transport libraries.' },
          { regex: '(^|/)ui(/|$)', message: 'src/rooms must not import from src/ui.' },
        ],
      },
    ],
  },
};

// The server drives the engine and never reaches into the browser's code.
const serverBoundary = {
  name: 'firedrill/server-boundary',
  files: ['server/**/*.ts'],
  languageOptions: { globals: { ...globals.node } },
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)src/ui(/|$)', message: 'The server imports src/engine, src/scenarios and src/rooms, never src/ui.' }] }],
  },
};

export default defineConfig(
  globalIgnores(['dist/', 'node_modules/', 'playwright-report/', 'test-results/', 'coverage/']),
  js.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['scripts/**', 'tests/**', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  enginePurity,
  roomsProtocol,
  serverBoundary,
);
