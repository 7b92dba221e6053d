import { describe, expect, it } from 'vitest';
import { facilitatorView, playerView } from '../../src/engine';
import { probesFor, sharedProbes } from '../../src/engine/interview/probes';
import { rubricCriteria, sharedCriteria } from '../../src/engine/interview/rubric';
import { loadScenario } from '../../src/scenarios/load-scenario';
import { Sim, scenarioRun } from '../support/sim-harness';

const s = scenarioRun('avro-schema-break');

describe('the interviewer rubric', () => {
  it('scores the seven shared criteria and the scenario’s own, each on four anchored steps from weak to strong', () => {
    const criteria = rubricCriteria(s.rubric);
    expect(sharedCriteria.map((c) => c.title)).toEqual(['Detect and scope', 'Acknowledge and set severity', 'Diagnose from hypotheses', 'Mitigate reversibly without losing data', 'Verify', 'Communicate', 'Prevent']);
    expect(criteria).toHaveLength(sharedCriteria.length + s.rubric.length);
    const own = criteria.filter((c) => c.source === 'scenario');
    expect(own.map((c) => [c.title, c.anchors[0], c.anchors[3]])).toEqual(s.rubric.map((r) => [r.criterion, r.weak, r.strong]));
    expect(new Set(criteria.map((c) => c.id)).size).toBe(criteria.length);
    for (const c of criteria) expect(new Set(c.anchors).size).toBe(4);
  });
});

describe('probe questions', () => {
  it('puts the scenario’s probes for the current phase before the shared bank', () => {
    const triage = probesFor('triage', s.probes);
    const own = s.probes.filter((p) => p.phase === 'triage').map((p) => p.text);
    expect(own.length).toBeGreaterThan(0);
    expect(triage.map((p) => p.text)).toEqual([...own, ...sharedProbes.triage]);
    expect(probesFor('briefing', s.probes).every((p) => p.phase === 'detect')).toBe(true);
    expect(probesFor('debrief', []).map((p) => p.text)).toEqual([...sharedProbes.prevent]);
  });

  it('follows the incident’s phase in the host view and never reaches the player', () => {
    const sim = new Sim(s, 1).start().waitForPage();
    expect(facilitatorView(s, sim.state).hidden.probes[0]?.phase).toBe('detect');
    sim.ack();
    const probes = facilitatorView(s, sim.state).hidden.probes;
    expect(probes[0]).toEqual({ phase: 'triage', text: s.probes.find((p) => p.phase === 'triage')?.text, source: 'scenario' });
    const player = JSON.stringify(playerView(s, sim.state));
    for (const p of s.probes) expect(player).not.toContain(p.text);
  });

  it('refuses a probe with an unknown phase, saying where', () => {
    const text = JSON.stringify({ ...s, variants: [], probes: [{ phase: 'celebrate', text: 'Why?' }] });
    const loaded = loadScenario(text);
    expect(loaded.ok).toBe(false);
    expect(JSON.stringify(loaded)).toMatch(/probes\.0\.phase|probes\[0\]\.phase/);
  });
});
