import { describe, expect, it } from 'vitest';
import { builtinCurveballs, withCurveballs } from '../../src/scenarios/curveballs';
import { checkCrossReferences } from '../../src/scenarios/cross-references';
import { curveballSchema } from '../../src/scenarios/schema/curveball';
import { builtinRegistry } from '../../scripts/lib/builtin-scenarios';
import { Sim } from '../support/sim-harness';

const registry = builtinRegistry();
const pack = builtinCurveballs[0];
if (!pack) throw new Error('no built-in curveball');

describe('the launch-moved-forward curveball pack', () => {
  it('drops into every built-in scenario as a facilitator inject, except the standalone one on the same theme', () => {
    expect(pack.id).toBe('curveball-launch-moved-forward');
    for (const s of registry.scenarios) {
      const has = s.injects.some((i) => i.id === pack.id);
      expect(has, s.id).toBe(!pack.exceptScenarios.includes(s.id));
      if (!has) continue;
      for (const a of pack.actions) expect(s.actions.find((x) => x.id === a.id)?.availableAfter, `${s.id} ${a.id}`).toEqual({ inject: pack.id });
      for (const m of pack.messages) expect(s.messages.map((x) => x.id), s.id).toContain(m.id);
      for (const x of pack.stakeholders) expect(s.stakeholders.map((y) => y.id), s.id).toContain(x.id);
    }
    expect(registry.byId('launch-moved-forward')?.injects.some((i) => i.id === pack.id)).toBe(false);
  });

  it('leaves every merged scenario consistent: all names it uses are defined', () => {
    for (const s of registry.scenarios) expect(checkCrossReferences(s), s.id).toEqual([]);
  });

  it('offers key and harmful decisions, so firing it is a real test of judgement', () => {
    const kinds = new Set(pack.actions.map((a) => a.verdict.kind));
    expect(kinds.has('key')).toBe(true);
    expect(kinds.has('harmful')).toBe(true);
  });

  it('lists its decisions alphabetically and words them as what they do, so neither the order nor a label tells the verdict', () => {
    const labels = pack.actions.map((a) => a.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b)));
    // Words that judge an option belong in its verdict, which only the debrief shows.
    for (const a of pack.actions) expect(`${a.id} ${a.label} ${a.outcome ?? ''}`, a.id).not.toMatch(/quietly|heroics|non-negotiable|with no alternatives|MVP|the incident comes first|a real answer/i);
    const replies = pack.actions.filter((a) => a.label.startsWith('Reply to product:'));
    expect(new Set(replies.map((a) => a.outcome)).size).toBe(1);
    expect(new Set(replies.map((a) => a.verdict.kind))).toEqual(new Set(['key', 'harmful']));
  });

  it('is skipped where one of its ids is already taken, so a scenario never changes meaning', () => {
    const avro = registry.byId('avro-schema-break');
    if (!avro) throw new Error('no avro-schema-break');
    const once = withCurveballs(avro);
    expect(withCurveballs(once)).toBe(once);
  });

  it('rejects a pack with an unknown field', () => {
    expect(curveballSchema.safeParse({ ...pack, surprise: true }).success).toBe(false);
  });

  it('delivers the product manager’s message when the facilitator fires it', () => {
    const avro = registry.byId('avro-schema-break');
    if (!avro) throw new Error('no avro-schema-break');
    const sim = new Sim(avro, 1).start().waitForPage().send({ type: 'facilitator.inject', inject: pack.id });
    expect(sim.state.rejected).toEqual([]);
    expect(sim.state.messages.at(-1)).toMatchObject({ from: 'curveball-pm', kind: 'stakeholder' });
    expect(sim.state.timeline.some((e) => e.kind === 'inject' && e.text === pack.label)).toBe(true);
  });
});
