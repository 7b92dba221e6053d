import { describe, expect, it } from 'vitest';
import { fillPalette, playerView, prepareRun, seedsForVariants, type PaletteEntry } from '../../src/engine';
import { runLine } from '../../src/engine/terminal/run-line';
import { Sim, scenario } from '../support/sim-harness';
import { builtinRegistry } from '../../scripts/lib/builtin-scenarios';

const ids = builtinRegistry().scenarios.map((s) => s.id);

// A value a person would type into each kind of typed blank.
function typed(s: ReturnType<typeof scenario>, name: string): string {
  const date = s.clock.dateAtZero;
  const values: Record<string, string> = {
    version: '1', from: name === 'from' ? `${date}T00:00:00` : '1', to: 'latest', id: '1', start: `${date}T00:00:00`, end: `${date}T01:00:00`,
    parallelism: '2', since: '15m', replicas: '2', setting: 'MAX_POLL_RECORDS=100', value: 'PT1H',
  };
  return values[name] ?? 'x';
}

function filled(s: ReturnType<typeof scenario>, entry: PaletteEntry): string {
  const values = Object.fromEntries(entry.params.map((p) => [p.name, p.choices ? (p.choices[0] as string) : typed(s, p.name)]));
  if (entry.does.startsWith('compare two schema versions')) Object.assign(values, { from: '1', to: 'latest' });
  return fillPalette(entry, values).line;
}

describe('the command palette', () => {
  it('is the same for every root-cause variant of a scenario, and absent at hard', () => {
    for (const id of ids) {
      const base = scenario(id);
      const palettes = seedsForVariants(base).map(({ seed }) => JSON.stringify(playerView(prepareRun(base, seed, "normal"), new Sim(prepareRun(base, seed, "normal"), seed).state).scenario.palette));
      expect(new Set(palettes).size, id).toBe(1);
      const hard = prepareRun(base, 1, 'hard');
      expect(playerView(hard, new Sim(hard, 1).state).scenario.palette, id).toBeNull();
    }
  });

  it('lists its forms by tool, then alphabetically by what they do', () => {
    const s = prepareRun(scenario('avro-schema-break'), 1, 'easy');
    const palette = playerView(s, new Sim(s, 1).state).scenario.palette ?? [];
    expect(palette.length).toBeGreaterThan(20);
    const keys = palette.map((e) => `${e.tool}\u0000${e.does}`);
    expect(keys).toEqual([...keys].sort((a, b) => a.localeCompare(b)));
  });

  it('builds lines every tool accepts, in every scenario', () => {
    for (const id of ids) {
      const s = prepareRun(scenario(id), 1, 'normal');
      const sim = new Sim(s, 1).start();
      for (const entry of playerView(s, sim.state).scenario.palette ?? []) {
        const line = filled(s, entry);
        expect(line, `${id}: ${entry.does}`).not.toMatch(/\{\w+\}/);
        const result = runLine({ s, state: sim.state }, line);
        expect(result.exit, `${id}: ${line}\n${result.output}`).not.toBe(127);
        expect(result.output, `${id}: ${line}`).not.toMatch(/unrecognized|Unrecognized|invalid choice|unknown command|not a recognized option|Usage:/);
      }
    }
  });

  it('builds every line the typed walkthroughs type, for every root-cause variant', () => {
    const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const id of ['stale-revenue-table', 'dst-repeated-hour', 'late-mobile-events', 'small-files-cost', 'cdc-column-rename']) {
      for (const { seed } of seedsForVariants(scenario(id))) {
        const s = prepareRun(scenario(id), seed, 'normal');
        const palette = playerView(s, new Sim(s, seed).state).scenario.palette ?? [];
        const forms = palette.map((e) => new RegExp(`^${e.template.split(/(\{\w+\})/).map((part) => {
          const param = e.params.find((p) => `{${p.name}}` === part);
          if (!param) return escape(part);
          return param.choices ? `(?:${param.choices.map(escape).join('|')})` : '\\S+';
        }).join('')}$`));
        for (const step of s.walkthrough) {
          if (step.command.type !== 'terminal.run') continue;
          const line = step.command.line;
          expect(forms.some((f) => f.test(line)), `${id} (seed ${seed}): ${line}`).toBe(true);
        }
      }
    }
  });

  it('builds every command line the typed walkthroughs of the consumer incidents type, in every variant', () => {
    // A form builds a line when its template, with each blank as a wildcard, matches it, every picked value is one it
    // offers and no typed value smuggles in a pipe of its own.
    const builds = (entry: PaletteEntry, line: string): boolean => {
      const names: string[] = [];
      const pattern = entry.template.split(/\{(\w+)\}/).map((part, i) => (i % 2 === 1 ? (names.push(part), '(.+?)') : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
      const m = new RegExp(`^${pattern}$`).exec(line);
      return m !== null && names.every((name, i) => entry.params.find((p) => p.name === name)?.choices?.includes(m[i + 1] as string) ?? !/\s\|\s|<\(|>/.test(m[i + 1] as string));
    };
    for (const id of ['consumer-lag-storm', 'double-counted-revenue']) {
      for (const { seed } of seedsForVariants(scenario(id))) {
        const s = prepareRun(scenario(id), seed, 'easy');
        const palette = playerView(s, new Sim(s, seed).state).scenario.palette ?? [];
        const lines = s.walkthrough.flatMap((step) => (step.command.type === 'terminal.run' ? [step.command.line] : []));
        expect(lines.length, id).toBeGreaterThan(3);
        for (const line of lines) expect(palette.some((entry) => builds(entry, line)), `${id}: ${line}`).toBe(true);
      }
    }
  });

  it('leaves a blank that is still empty in the line, and names it', () => {
    const entry: PaletteEntry = { tool: 'kubectl', does: 'scale', template: 'kubectl scale deployment/{deployment} --replicas={replicas}', params: [{ name: 'deployment', label: 'Deployment', choices: ['a'] }, { name: 'replicas', label: 'Replicas' }] };
    expect(fillPalette(entry, { deployment: 'a' })).toEqual({ line: 'kubectl scale deployment/a --replicas={replicas}', missing: ['Replicas'] });
    expect(fillPalette(entry, { deployment: 'a', replicas: ' 3 ' })).toEqual({ line: 'kubectl scale deployment/a --replicas=3', missing: [] });
  });
});
