// Modules generated at build time by scripts/vite-plugin-scenarios.ts from src/scenarios/*.yaml.
// Typed loosely here (an ambient module cannot import our types); builtin-scenarios.ts gives the real types.
declare module 'virtual:firedrill/catalogue' {
  /** What the catalogue shows of each built-in scenario, without loading it. */
  export const catalogue: readonly unknown[];
  /** Loads one built-in scenario (validated at build time) on demand. */
  export const loaders: Record<string, () => Promise<unknown>>;
}
