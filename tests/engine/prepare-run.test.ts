import { describe, expect, it } from 'vitest';
import { playBot, prepareRun, runInfo, seedsForVariants, stateHash, variantIndexFor } from '../../src/engine';
import type { Scenario } from '../../src/scenarios/schema';
import { scenario } from '../support/sim-harness';

const avro = scenario('avro-schema-break');

/** The built-in scenario with two root-cause variants and level-tagged items added. */
function withVariantsAndLevels(): Scenario {
  const s = structuredClone(avro);
  const [deploy, refunds] = s.faults;
  if (!deploy || !refunds) throw new Error('avro-schema-break lost its faults');
  s.variants = [
    { id: 'as-written', label: 'The scenario as written' },
    {
      id: 'no-deploy',
      label: 'Refunds without the schema change',
      faults: [refunds],
      rootCause: { components: ['scheduler'], mechanisms: ['scheduler-failure'], evidence: [{ contains: 'No alive jobs', what: 'the scheduler is down' }], statement: 'A different statement.' },
      verdicts: { 'read-runbook': { kind: 'key', why: 'In this variant the runbook is the fix.' } },
      messages: [
        { id: 'vp-eta', from: 'vp', text: 'A variant-specific chase.', trigger: { atS: 150 } },
        { id: 'variant-only', from: 'analyst', text: 'Only in this variant.', trigger: { atS: 300 } },
      ],
    },
  ];
  s.alerts.push({ ...(s.alerts[1] as Scenario['alerts'][number]), id: 'hard-only-alert', levels: ['hard'] });
  s.messages.push({ id: 'easy-only', from: 'vp', text: 'Take your time.', trigger: { atS: 60 }, levels: ['easy'] });
  return s;
}

describe('preparing a run', () => {
  it('leaves a scenario without variants as written at the normal level, less the items tagged for other levels', () => {
    const prepared = prepareRun(avro, 1);
    const atNormal = <T extends { levels?: string[] }>(items: T[]) => items.filter((x) => !x.levels || x.levels.includes('normal'));
    expect(prepared).toEqual({ ...avro, faults: atNormal(avro.faults), alerts: atNormal(avro.alerts), messages: atNormal(avro.messages), actions: atNormal(avro.actions), injects: atNormal(avro.injects) });
    expect(prepared.faults.length).toBeLessThan(avro.faults.length);
    expect(runInfo(prepared)).toEqual({ base: avro, variant: null, level: 'normal' });
  });

  it('returns the same object for the same scenario, variant and level, so caches keyed on it keep working', () => {
    const s = withVariantsAndLevels();
    const [a, b] = seedsForVariants(s);
    expect(prepareRun(s, a?.seed ?? 0, 'hard')).toBe(prepareRun(s, a?.seed ?? 0, 'hard'));
    expect(prepareRun(s, a?.seed ?? 0, 'hard')).not.toBe(prepareRun(s, b?.seed ?? 0, 'hard'));
    expect(prepareRun(prepareRun(s, 1, 'easy'), 1, 'hard')).toBe(prepareRun(s, 1, 'hard'));
  });

  it('lets the seed pick the root-cause variant and replaces only the sections the variant names', () => {
    const s = withVariantsAndLevels();
    const seed = seedsForVariants(s).find((v) => v.variant === 'no-deploy')?.seed ?? -1;
    expect(variantIndexFor(s, seed)).toBe(1);
    const prepared = prepareRun(s, seed);
    expect(runInfo(prepared).variant).toEqual({ id: 'no-deploy', label: 'Refunds without the schema change' });
    expect(prepared.faults.map((f) => f.id)).toEqual(['refunds-enabled']);
    expect(prepared.rootCause).toEqual({ components: ['scheduler'], mechanisms: ['scheduler-failure'], evidence: [{ contains: 'No alive jobs', what: 'the scheduler is down' }], statement: 'A different statement.' });
    expect(prepared.actions.find((a) => a.id === 'read-runbook')?.verdict.kind).toBe('key');
    expect(prepared.actions.find((a) => a.id === 'read-job-logs')?.verdict).toEqual(s.actions.find((a) => a.id === 'read-job-logs')?.verdict);
    expect(prepared.messages.find((m) => m.id === 'vp-eta')?.text).toBe('A variant-specific chase.');
    expect(prepared.messages.map((m) => m.id)).toContain('variant-only');
    expect(prepared.walkthrough).toBe(s.walkthrough);
    expect(prepared.variants).toEqual([]);
  });

  it('spreads consecutive seeds over every variant', () => {
    const s = withVariantsAndLevels();
    const picks = Array.from({ length: 40 }, (_, i) => variantIndexFor(s, i + 1));
    expect(new Set(picks)).toEqual(new Set([0, 1]));
  });

  it('keeps only the items tagged for the chosen level', () => {
    const s = withVariantsAndLevels();
    const ids = (p: Scenario) => [...p.alerts.map((a) => a.id), ...p.messages.map((m) => m.id)];
    expect(ids(prepareRun(s, 1, 'hard'))).toContain('hard-only-alert');
    expect(ids(prepareRun(s, 1, 'hard'))).not.toContain('easy-only');
    expect(ids(prepareRun(s, 1, 'easy'))).toContain('easy-only');
    expect(ids(prepareRun(s, 1, 'normal'))).not.toEqual(expect.arrayContaining(['hard-only-alert']));
  });

  it('makes signals quieter at easy and noisier at hard', () => {
    const noise = (level: 'easy' | 'normal' | 'hard') => prepareRun(avro, 1, level).world.producers.map((p) => p.noise);
    const normal = noise('normal');
    noise('easy').forEach((n, i) => expect(n).toBeLessThan(normal[i] as number));
    noise('hard').forEach((n, i) => expect(n).toBeGreaterThan(normal[i] as number));
    expect(stateHash(playBot(prepareRun(avro, 1, 'hard'), 'idle', 1).state)).not.toBe(stateHash(playBot(prepareRun(avro, 1, 'normal'), 'idle', 1).state));
  });
});
