import { describe, expect, it } from 'vitest';
import { facilitatorView, playerView, prepareRun, seedsForVariants, type PlayerView, type SimState, type TimelineEntry } from '../../src/engine';
import { isAccountingMetric, type Scenario } from '../../src/scenarios/schema';
import { builtinRegistry } from '../../scripts/lib/builtin-scenarios';
import { avroSteps } from '../support/avro-steps';
import { Sim, scenarioRun } from '../support/sim-harness';

/** How long after the first page the model walkthrough is played before the views are compared. */
const firstMinutesS = 300;

const bases = builtinRegistry().scenarios;

/**
 * Starts a session and plays the first minutes of a walkthrough after the first page: the page
 * that fired is acknowledged (whichever it is), then the walkthrough's investigations, actions
 * and updates at their times, then a premature resolve. Declarations are left out: they quote
 * what this world's tools printed, and another world refuses evidence it never showed.
 */
function firstMinutes(s: Scenario, seed: number, walkthrough: Scenario['walkthrough']): Sim {
  const sim = new Sim(s, seed).start().waitForPage().ack();
  const pagedAt = sim.state.milestones.detected ?? sim.state.t;
  for (const step of walkthrough) {
    if (step.atS > firstMinutesS || step.command.type === 'alert.acknowledge' || step.command.type === 'incident.declare-cause') continue;
    sim.advance(Math.max(0, pagedAt + step.atS - sim.state.t)).send(step.command);
  }
  return sim.advance(Math.max(0, pagedAt + firstMinutesS - sim.state.t)).send({ type: 'incident.resolve' });
}

function accountingKeys(view: Pick<PlayerView, 'metrics' | 'series'>): string[] {
  return [...Object.keys(view.metrics), ...Object.keys(view.series.values)].filter(isAccountingMetric);
}

// The kinds of timeline entry the responder's own commands write; the others record what the world did.
const ownEntries = new Set<TimelineEntry['kind']>(['action-started', 'action-completed', 'declaration', 'note', 'hint']);

/**
 * The view with the world's readings reduced to which instruments there are: metric and series
 * values, alert states, tools' output, stakeholders' messages, rejections and milestone times
 * are what the platform shows, and may differ between root causes.
 */
function withoutReadings(view: PlayerView) {
  const { metrics, series, alerts, outputs, terminal, sql, messages, timeline, milestones, rejected, ...rest } = view;
  const typedChanges = new Set(terminal.flatMap((e) => e.changed ?? []));
  return {
    ...rest,
    metrics: Object.keys(metrics).sort(),
    series: { stepS: series.stepS, samples: series.times.length, values: Object.keys(series.values).sort() },
    alerts: Object.keys(alerts).sort(),
    outputs: outputs.map((o) => ({ action: o.action, kind: o.kind, command: o.command })),
    terminal: terminal.map((e) => e.line),
    sql: sql.map((e) => e.line),
    messages: messages.filter((m) => m.kind === 'status-update'),
    // A typed line notes what it changed only when the world had something to change (a clear with nothing running changes nothing): that is the tool's reading.
    timeline: timeline.filter((e) => ownEntries.has(e.kind) && !typedChanges.has(e.text)).map((e) => e.kind),
    milestones: Object.keys(milestones).sort(),
    rejected: rejected.map((r) => r.command),
  };
}

/** Keys and list lengths, with every number, string and flag replaced by its type. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, shape(v)]));
  return value === null ? 'null' : typeof value;
}

describe('the data accounting in the player view', () => {
  const moments = bases.flatMap((base) =>
    seedsForVariants(base).map(({ variant, seed }) => {
      const s = prepareRun(base, seed, 'normal');
      return { name: `${base.id}${variant ? `/${variant}` : ''}`, start: new Sim(s, seed).start().state, later: firstMinutes(s, seed, s.walkthrough).state, s };
    }),
  );

  it.each(moments.map((m) => [m.name, m] as const))('is absent from the start and after the first minutes, and in the facilitator view (%s)', (_name, { s, start, later }) => {
    for (const state of [start, later]) {
      expect(Object.keys(state.metrics)).toContain('records.lost');
      expect(accountingKeys(playerView(s, state))).toEqual([]);
      const facilitator = facilitatorView(s, state);
      expect(facilitator.metrics['records.lost']).toBe(state.metrics['records.lost']);
      expect(facilitator.series.values['records.duplicates']).toBe(state.series.values['records.duplicates']);
    }
  });

  it('does not show the records a skip loses, while the engine counts them', () => {
    const s = scenarioRun('avro-schema-break');
    const sim = new Sim(s, 1).start().waitForPage().ack().typeAll(avroSteps.skipBadRecords).advance(300);
    expect(sim.metric('records.lost')).toBeGreaterThan(0);
    const view = playerView(s, sim.state);
    expect(view.metrics['records.lost']).toBeUndefined();
    expect(JSON.stringify(view)).not.toMatch(/"records\.[a-z]+"/);
    expect(view.metrics['job.orders-enricher.dlqDepth']).toBe(sim.metric('job.orders-enricher.dlqDepth'));
  });

  it('keeps the per-table duplicate and missing-row counts for the debrief only', () => {
    const s = scenarioRun('dst-repeated-hour');
    const state: SimState = new Sim(s, 1).start().waitForPage().state;
    expect(state.metrics['table.events_hourly.duplicates']).toBeGreaterThan(0);
    expect(Object.keys(state.metrics)).toContain('table.events_hourly.missingRows');
    const view = playerView(s, state);
    expect(view.metrics['table.events_hourly.duplicates']).toBeUndefined();
    expect(view.metrics['table.events_hourly.missingRows']).toBeUndefined();
    expect(view.metrics['table.events_hourly.volumeRatio']).toBe(state.metrics['table.events_hourly.volumeRatio']);
  });
});

describe('a resolution that fails verification', () => {
  it.each(bases.filter((b) => b.variants.length > 1).map((b) => [b.id, b] as const))('tells the player it failed, not which checks failed, whatever the cause (%s)', (_id, base) => {
    const seen = seedsForVariants(base).map(({ seed }) => {
      const s = prepareRun(base, seed, 'normal');
      const state = new Sim(s, seed).start().send({ type: 'incident.resolve' }).state;
      const failures = state.resolveAttempts[0]?.failures ?? [];
      expect(failures.length).toBeGreaterThan(0);
      expect(facilitatorView(s, state).hidden.resolveAttempts).toEqual(state.resolveAttempts);
      const view = playerView(s, state);
      expect(JSON.stringify(view)).not.toContain(JSON.stringify(failures[0]));
      return { attempts: view.resolveAttempts.map((a) => a.verified), said: view.timeline.at(-1)?.text, failures };
    });
    expect(new Set(seen.map((x) => JSON.stringify(x.failures))).size).toBe(seen.length);
    for (const other of seen.slice(1)) expect({ attempts: other.attempts, said: other.said }).toEqual({ attempts: seen[0]?.attempts, said: seen[0]?.said });
    expect(seen[0]?.attempts).toEqual([false]);
  });
});

describe('the player view across root-cause variants', () => {
  const withVariants = bases.filter((base) => base.variants.length > 1);

  const cases = withVariants.flatMap((base) => (['easy', 'normal', 'hard'] as const).map((level) => [`${base.id} (${level})`, base, level] as const));

  it.each(cases)('has the same scenario and the same shape whatever the cause, at the start and after the first minutes (%s)', (_name, base, level) => {
    const runs = seedsForVariants(base).map(({ variant, seed }) => ({ variant, seed, s: prepareRun(base, seed, level) }));
    // Every variant's opening moves, played on every variant: the same responder meeting each cause.
    for (const script of runs) {
      const views = runs.map(({ variant, seed, s }) => {
        const start = playerView(s, new Sim(s, seed).start().state);
        const later = playerView(s, firstMinutes(s, seed, script.s.walkthrough).state);
        return { variant, start, later };
      });
      const [first, ...others] = views;
      if (!first) throw new Error(`${base.id} has no variants`);
      for (const other of others) {
        const which = `${script.variant}'s opening on ${first.variant} vs ${other.variant}`;
        expect(other.start.scenario, which).toEqual(first.start.scenario);
        expect(other.later.scenario, which).toEqual(first.later.scenario);
        expect(shape(withoutReadings(other.start)), which).toEqual(shape(withoutReadings(first.start)));
        expect(shape(withoutReadings(other.later)), which).toEqual(shape(withoutReadings(first.later)));
      }
    }
  });
});
