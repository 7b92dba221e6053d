import { describe, expect, it } from 'vitest';
import { advance, applyEntry, createInitialState, debriefView, playBot, replay, stateAt, stateHash, type DebriefView, type SimState } from '../../src/engine';
import type { Command, LogEntry } from '../../src/scenarios/schema';
import { partMax } from '../../src/engine/scoring/score-run';
import { keyMetrics, metricLabel } from '../../src/engine/debrief/key-metrics';
import { runFindings } from '../../src/engine/debrief/run-findings';
import { timelineWindow } from '../../src/engine/debrief/timeline-window';
import { metricCatalogue } from '../../src/scenarios/schema/metric-catalogue';
import { avroSteps } from '../support/avro-steps';
import { Sim, scenarioRun, wrongDeclaration } from '../support/sim-harness';

const s = scenarioRun('avro-schema-break');
const model = playBot(s, 'model', 1);
const modelDebrief = debriefView(s, model.state) as DebriefView;
const idle = playBot(s, 'idle', 1);
const idleDebrief = debriefView(s, idle.state) as DebriefView;

const isTyped = (part: string) => (c: Command) => c.type === 'terminal.run' && c.line.includes(part);
const resetToLatest = 'kafka-consumer-groups --bootstrap-server kafka:9092 --group orders-enricher --reset-offsets --all-topics --to-latest --execute';

/** When the model log issues its first command matching `match`. */
function modelTime(match: (c: Command) => boolean): number {
  const entry = model.log.find((e) => match(e.command));
  if (!entry) throw new Error('the model log has no such command');
  return entry.at;
}

/** The log with extra commands slipped in; at equal times the extras go first. */
function withExtra(log: readonly LogEntry[], extra: LogEntry[]): LogEntry[] {
  const ranked = [...extra.map((e, i) => ({ e, rank: i })), ...log.map((e, i) => ({ e, rank: extra.length + i }))];
  return ranked.sort((a, b) => a.e.at - b.e.at || a.rank - b.rank).map((x) => x.e);
}

const postmortem = model.log.find((e) => e.command.type === 'postmortem.submit') as LogEntry;

/**
 * A messy run: a wrong guess at the cause, offsets reset to latest, then the proper fix with an
 * overwrite replay. The bigger backfill makes the model's resolve too early (refused) and its
 * postmortem too (refused: not resolved yet), so the player resolves and writes it up later.
 */
function messyRun(): SimState {
  const dlqAt = modelTime(isTyped('ERRORS_TOLERANCE=all'));
  const log = withExtra(model.log, [
    { at: modelTime((c) => c.type === 'incident.declare-cause') - 5, command: wrongDeclaration(s, 'component') },
    { at: dlqAt - 10, command: { type: 'terminal.run', line: resetToLatest } },
    // Refused: the page is already acknowledged, so it must leave no marker.
    { at: dlqAt, command: { type: 'alert.acknowledge', alert: 'orders-fact-freshness' } },
    { at: 2400, command: { type: 'incident.resolve' } },
    { at: 2500, command: postmortem.command },
  ]);
  return replay(s, 1, log, s.clock.endS);
}

describe('debrief view', () => {
  it('stays closed while the session is running, so no hidden truth reaches the player', () => {
    const sim = new Sim(s, 1).start().waitForPage().ack().typeAll(avroSteps.readLogs);
    expect(debriefView(s, sim.state)).toBeNull();
    expect(debriefView(s, createInitialState(s, 1))).toBeNull();
  });

  it('shows the model run doing every key step at the model’s own times, at no cost', () => {
    const steps = modelDebrief.keySteps;
    // The structural steps (acknowledge, declare the cause, resolve, postmortem); typed changes are judged by what they did instead.
    expect(steps.map((k) => s.walkthrough[k.index]?.command.type)).toEqual(['alert.acknowledge', 'incident.declare-cause', 'incident.resolve', 'postmortem.submit']);
    for (const step of steps) {
      expect(step.playerAt, step.label).toBe(step.modelAt);
      expect(step.delayS).toBe(0);
      expect(step.cost).toBeNull();
    }
  });

  it('lists every key step as missed for an idle run, each with what it cost', () => {
    const steps = idleDebrief.keySteps;
    expect(steps.length).toBe(4);
    for (const step of steps) {
      expect(step.playerAt, step.label).toBeNull();
      expect(step.cost, step.label).toBeTruthy();
    }
    const costOf = (type: Command['type']) => steps.find((k) => s.walkthrough[k.index]?.command.type === type)?.cost ?? '';
    expect(costOf('alert.acknowledge')).toMatch(/acknowledge part scores 0 of 8/);
    expect(costOf('incident.declare-cause')).toMatch(new RegExp(`diagnose part scores 0 of ${partMax.diagnose}(?![0-9])`));
    expect(costOf('incident.resolve')).toMatch(/resolve part scores 0 of 8/);
    expect(costOf('postmortem.submit')).toMatch(new RegExp(`prevention part scores 0 of ${partMax.prevention} and the postmortem facts part 0 of ${partMax.postmortem}(?![0-9])`));
    expect(idleDebrief.report.missedKeyActions).toEqual([]);
    expect(idleDebrief.report.parts.find((p) => p.id === 'decisions')?.points).toBe(0);
  });

  it('reveals the model walkthrough with absolute times and readable labels', () => {
    const paged = model.state.milestones.detected as number;
    expect(modelDebrief.walkthrough).toHaveLength(s.walkthrough.length);
    modelDebrief.walkthrough.forEach((line, i) => {
      const step = s.walkthrough[i];
      expect(line.at).toBe(paged + (step?.atS ?? NaN));
      expect(line.why).toBe(step?.why);
      expect(line.label).not.toMatch(/^[a-z-]+$/);
    });
    expect(modelDebrief.walkthrough.map((w) => w.label)).toContain('Run `flink run -d -p 12 /opt/flink/usrlib/orders-enricher.jar --backfill-from 2024-03-11T06:55:00 --sink-mode overwrite`');
    expect(modelDebrief.walkthrough[1]?.label).toBe('Set the severity to SEV2');
  });

  it('puts the player’s accepted commands and the model’s on the charts as markers', () => {
    const messy = messyRun();
    const view = debriefView(s, messy) as DebriefView;
    const reset = view.playerMarkers.find((m) => m.label === `$ ${resetToLatest}`);
    expect(reset).toMatchObject({ kind: 'action', verdict: 'harmful', at: modelTime(isTyped('ERRORS_TOLERANCE=all')) - 10 });
    expect(view.playerMarkers.filter((m) => m.kind === 'ack')).toHaveLength(1);
    expect(messy.rejected.map((r) => r.command.type)).toContain('alert.acknowledge');
    const causes = view.playerMarkers.filter((m) => m.label.startsWith('Cause declared'));
    expect(causes.map((m) => m.correct)).toEqual([false, true]);
    expect(view.playerMarkers.some((m) => m.kind === 'comms' && m.detail?.startsWith('Investigating'))).toBe(true);
    // The overwrite re-read from 06:55 recovers what the reset skipped, so the model's resolve still passes; the late extras are refused.
    expect(view.playerMarkers.filter((m) => m.kind === 'resolve').map((m) => m.label)).toEqual(['Resolved', 'Postmortem submitted']);
    expect(view.playerMarkers.find((m) => m.label === 'Postmortem submitted')?.at).toBe(postmortem.at);
    expect(messy.rejected.map((r) => r.command.type)).toEqual(expect.arrayContaining(['incident.resolve', 'postmortem.submit']));
    // The ghost: one marker per change the model typed, at the model's times, and the same for both runs.
    const modelChanges = (model.state.terminal ?? []).filter((e) => e.changed !== undefined);
    expect(modelChanges.length).toBeGreaterThanOrEqual(3);
    expect(view.modelMarkers.filter((m) => m.kind === 'action').map((m) => m.at)).toEqual(modelChanges.map((e) => e.startedAt));
    expect(view.modelMarkers.filter((m) => m.kind === 'action').every((m) => m.verdict !== 'harmful')).toBe(true);
    expect(view.modelMarkers).toEqual(modelDebrief.playerMarkers);
    expect(view.model.markers).toBe(view.modelMarkers);
  });

  it('compares milestones with the model and draws the SLA lines from the scenario', () => {
    const idleRows = Object.fromEntries(idleDebrief.milestones.map((r) => [r.milestone, r]));
    expect(idleRows.impactStart?.player).toBe(idle.state.milestones.impactStart);
    expect(idleRows.impactStart?.deltaS).toBe(0);
    expect(idleRows.mitigated).toMatchObject({ player: null, model: model.state.milestones.mitigated, deltaS: null });
    const lines = Object.fromEntries(idleDebrief.sla.map((l) => [l.id, l]));
    expect(lines.deadline).toMatchObject({ at: s.briefing.deadline.atS, label: s.briefing.deadline.label });
    const m = model.state.milestones;
    expect(lines['mitigation-par']?.at).toBe(m.mitigated);
    expect(lines['resolution-par']?.at).toBe(m.resolved);
    expect(lines['first-update']?.at).toBe((idle.state.milestones.detected as number) + s.communication.firstUpdateWithinS);
    expect(idleDebrief.keyMetrics.map((k) => k.metric)).toEqual(expect.arrayContaining(['dashboard.exec-revenue.freshnessS', 'job.orders-enricher.lag', 'records.lost']));
    expect(idleDebrief.model.series.values['dashboard.exec-revenue.freshnessS']?.length).toBe(idleDebrief.model.series.times.length);
  });

  it('reveals the root cause, the player’s declarations and the follow-ups they chose', () => {
    const view = debriefView(s, messyRun()) as DebriefView;
    expect(view.rootCause.statement).toBe(s.rootCause.statement);
    expect(view.rootCause.playerDeclarations.map((d) => d.correct)).toEqual([false, true]);
    expect(view.rootCause.playerDeclarations[0]).toMatchObject({ label: 'topic orders — Schema change the reader cannot handle (incompatible or drifted schema)', parts: { component: false, mechanism: true, evidence: true }, evidence: ['AvroTypeException: No match for REFUNDED'] });
    expect(view.rootCause.modelEvidence).toEqual(['AvroTypeException: No match for REFUNDED']);
    expect(view.prevention.filter((p) => p.chosen).map((p) => p.id)).toEqual(['contract-tests', 'canary-consumer', 'dq-gates', 'fire-drill', 'enum-defaults']);
    expect(view.prevention.find((p) => p.id === 'more-restarts')).toMatchObject({ correct: false, chosen: false });
    expect(view.decisions.find((d) => d.action === resetToLatest)).toMatchObject({ typed: true, verdict: 'harmful' });
    expect(view.decisions.find((d) => d.action === resetToLatest)?.why).toMatch(/lost [\d,]+ records/);
  });

  it('counts the duplicates an overwrite replay kept out, and none when there was no such replay', () => {
    expect(modelDebrief.duplicatesAvoided).toBeGreaterThan(100_000);
    expect(modelDebrief.report.outcomes.duplicates).toBe(0);
    expect(idleDebrief.duplicatesAvoided).toBe(0);
    const appendInstead = model.log.map((e) => (e.command.type === 'terminal.run' && e.command.line.includes('--sink-mode overwrite') ? { ...e, command: { ...e.command, line: e.command.line.replace('overwrite', 'append') } } : e));
    const appended = debriefView(s, replay(s, 1, appendInstead, s.clock.endS)) as DebriefView;
    expect(appended.duplicatesAvoided).toBe(0);
    expect(appended.report.outcomes.duplicates).toBeGreaterThan(0);
  });
});

describe('scrubbing with stateAt', () => {
  const dlqAt = modelTime(isTyped('ERRORS_TOLERANCE=all'));
  const dlqDone = model.state.terminal?.find((e) => e.line.includes('ERRORS_TOLERANCE=all'))?.endsAt ?? NaN;

  /** The state as live play built it: entry by entry, then time passing, through the pure API. */
  function livePlayAt(t: number): SimState {
    let state = createInitialState(s, 1);
    for (const entry of model.log) {
      if (entry.at > t) break;
      state = applyEntry(s, state, entry);
    }
    return advance(s, state, t);
  }

  it.each([-60, 0, dlqAt - 1, dlqAt, dlqDone + 30, 1000, 1520, s.clock.endS])('gives the state the player saw at t=%i', (t) => {
    expect(stateHash(stateAt(s, 1, model.log, t))).toBe(stateHash(livePlayAt(t)));
  });

  it('shows the job FAILED before the dead-letter queue was enabled and RUNNING after', () => {
    const before = stateAt(s, 1, model.log, dlqAt - 1);
    const after = stateAt(s, 1, model.log, dlqDone + 30);
    expect(before.world.jobs['orders-enricher']?.status).toBe('FAILED');
    expect(before.world.jobs['orders-enricher']?.onError).toBe('fail');
    expect(after.world.jobs['orders-enricher']?.status).toBe('RUNNING');
    expect(after.world.jobs['orders-enricher']?.onError).toBe('dlq');
    expect(after.t).toBe(dlqDone + 30);
  });

  it('ends at the final state when scrubbed past the end', () => {
    expect(stateHash(stateAt(s, 1, model.log, s.clock.endS + 1000))).toBe(stateHash(model.state));
  });
});

describe('debrief charts: labels, choice and window', () => {
  const dst = scenarioRun('dst-repeated-hour');
  const dstModel = playBot(dst, 'model', 1);
  const dstDebrief = debriefView(dst, dstModel.state) as DebriefView;

  it('names every metric in the catalogue in words, with a unit, never as its raw name', () => {
    for (const [kind, metrics] of Object.entries(metricCatalogue)) {
      for (const metric of metrics) {
        const ref = kind === 'records' ? `records.${metric}` : `${kind}.x.${metric}${metric === 'nullRatio' ? ':col' : ''}`;
        const k = metricLabel(s, ref);
        expect(k.label, ref).not.toMatch(/[a-z][A-Z]/);
        expect(k.label, ref).not.toContain(ref);
        expect(k.unit, ref).toBeTruthy();
      }
    }
    expect(metricLabel(dst, 'table.events_hourly.missingRows')).toEqual({ metric: 'table.events_hourly.missingRows', label: 'events_hourly missing rows', unit: 'rows' });
    expect(metricLabel(dst, 'dag.dbt_test_events.failedRuns').label).toBe('DAG dbt_test_events failed runs');
    expect(metricLabel(s, 'table.page_events.costPerDayUsd')).toMatchObject({ label: 'page_events projected cost per day', unit: 'usdPerDay' });
  });

  it('charts what the DST incident is about and drops the streaming ledger’s flat duplicates next to the table’s real ones', () => {
    const charted = dstDebrief.keyMetrics.map((k) => k.metric);
    expect(charted).toEqual(['table.events_hourly.duplicates', 'table.events_hourly.missingRows', 'dag.dbt_test_events.failedRuns']);
    expect(Math.max(...(dstModel.state.series.values['table.events_hourly.duplicates'] ?? []))).toBeGreaterThan(100_000);
    // The flat job lag of an uninvolved loader is left out too.
    expect(charted).not.toContain('job.events-loader.lag');
  });

  it('keeps an accounting chart that shows damage the entity-level chart does not', () => {
    const series = dstModel.state.series;
    const worse = { ...series, values: { ...series.values, 'records.duplicates': series.times.map((_, i) => (i === series.times.length - 1 ? 400_000 : 0)) } };
    expect(keyMetrics(dst, [worse, series]).map((k) => k.metric)).toContain('records.duplicates');
    // A zero accounting line the scenario checks itself stays, when no entity-level twin is charted.
    expect(modelDebrief.keyMetrics.map((k) => k.metric)).toContain('records.lost');
  });

  it('starts the timeline an hour before the page when the impact began hours earlier, and says when it began', () => {
    const { detected, impactStart } = dstModel.state.milestones as { detected: number; impactStart: number };
    expect(detected - impactStart).toBeGreaterThan(5 * 3600);
    expect(dstDebrief.window).toEqual({
      from: detected - 3600 - 300,
      to: dstModel.state.ended?.at,
      scrubFrom: dst.clock.playerStartS,
      scrubTo: dstModel.state.ended?.at,
      impactBefore: { at: impactStart, beforePageS: detected - impactStart },
    });
  });

  it('keeps the window exactly as before when the impact began within an hour of the page', () => {
    const impact = model.state.milestones.impactStart as number;
    expect(modelDebrief.window).toEqual({
      from: Math.min(impact, s.clock.playerStartS) - 300,
      to: model.state.ended?.at,
      scrubFrom: s.clock.playerStartS,
      scrubTo: model.state.ended?.at,
      impactBefore: null,
    });
    expect(timelineWindow(s, { ...model.state.milestones, detected: null }, model.state.milestones, 100).from).toBe(Math.min(impact, s.clock.playerStartS) - 300);
  });

  it('reports the most rows ever written twice, though a dedupe left none at the end', () => {
    const dcr = scenarioRun('double-counted-revenue', 1);
    const run = playBot(dcr, 'model', 1).state;
    const view = debriefView(dcr, run) as DebriefView;
    expect(view.report.outcomes.duplicates).toBe(0);
    expect(view.duplicatesPeak).toBe(Math.max(...(run.series.values['records.duplicates'] ?? [])));
    expect(view.duplicatesPeak).toBeGreaterThan(20_000);
    expect(runFindings(dcr, run, view).wentWell.join(' ')).toMatch(/written twice at the worst point were all removed/);
    expect(dstDebrief.duplicatesPeak).toBeGreaterThan(100_000);
    expect(idleDebrief.duplicatesPeak).toBe(0);
  });
});
