import type { Plugin } from 'vite';

/** V8's explicit compile hint (Chrome 136+): compile every function of the file as it loads. */
const allFunctionsHint = '//# allFunctionsCalledOnLoad\n';

/**
 * Marks the chunks holding the chart library for eager compilation. A chart's first drawing runs
 * much of Recharts at once, and compiling those functions one by one on first call held the page
 * for over 50 ms; with the hint, V8 compiles them on a background thread while the chunk loads
 * (after the console's first paint). Other browsers ignore the comment. It goes on after
 * minification, which would strip it, and must be the file's first line.
 */
export function compileHintsPlugin(needsHint: (moduleId: string) => boolean): Plugin {
  return {
    name: 'firedrill-compile-hints',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk' && file.moduleIds.some(needsHint)) file.code = allFunctionsHint + file.code;
      }
    },
  };
}
