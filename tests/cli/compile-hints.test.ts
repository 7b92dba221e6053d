import { describe, expect, it } from 'vitest';
import { compileHintsPlugin } from '../../scripts/vite-plugin-compile-hints.ts';

type Bundle = Record<string, { type: 'chunk'; code: string; moduleIds: string[] } | { type: 'asset'; source: string }>;

function generate(bundle: Bundle): Bundle {
  const plugin = compileHintsPlugin((id) => id.includes('/node_modules/recharts/'));
  (plugin.generateBundle as unknown as (options: unknown, bundle: Bundle) => void)({}, bundle);
  return bundle;
}

describe('the compile-hints build step', () => {
  it('puts V8’s eager-compile hint on the first line of the chart library’s chunks only', () => {
    const bundle = generate({
      'CartesianChart.js': { type: 'chunk', code: 'import{a}from"./x.js";export{a};', moduleIds: ['/app/node_modules/recharts/es6/chart/CartesianChart.js', '/app/src/ui/x.ts'] },
      'index.js': { type: 'chunk', code: 'console.log(1);', moduleIds: ['/app/src/main.tsx'] },
      'style.css': { type: 'asset', source: 'body{}' },
    });
    const chart = bundle['CartesianChart.js'] as { code: string };
    expect(chart.code.split('\n')[0]).toBe('//# allFunctionsCalledOnLoad');
    expect(chart.code.endsWith('import{a}from"./x.js";export{a};')).toBe(true);
    expect((bundle['index.js'] as { code: string }).code).toBe('console.log(1);');
    expect((bundle['style.css'] as { source: string }).source).toBe('body{}');
  });
});
