import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { formatDuration, playerView, relativeTime, stateAt, timeOfDay, type DebriefMarker, type DebriefView, type KeyMetric, type PlayerView, type SimState } from '../../../engine';
import type { Scenario } from '../../../scenarios/schema';
import { DashboardsPanel } from '../../console/charts/DashboardsPanel';
import { Pager } from '../../console/pager/Pager';
import { TimelinePanel } from '../../console/timeline/TimelinePanel';
import { ToolsPanel } from '../../console/tools/ToolsPanel';
import { FrozenViewContext } from '../../hooks/use-session';
import { debriefUnit } from './debrief-units';
import { branchRun } from '../../store/session-actions';
import { useSessionStore } from '../../store/session-store';

const axisTick = { fontSize: 11, fill: 'var(--fg-muted)' };

interface Row {
  t: number;
  you?: number;
  model?: number;
}

/** The rows of one metric's chart: the player's samples and the model's, by sim time, in the window. */
function metricRows(debrief: DebriefView, metric: string, from: number, to: number): Row[] {
  const rows = new Map<number, Row>();
  const add = (times: number[], values: number[] | undefined, key: 'you' | 'model') => {
    if (!values) return;
    times.forEach((t, i) => {
      if (t < from || t > to) return;
      const row = rows.get(t) ?? { t };
      row[key] = values[i];
      rows.set(t, row);
    });
  };
  add(debrief.player.series.times, debrief.player.series.values[metric], 'you');
  add(debrief.model.series.times, debrief.model.series.values[metric], 'model');
  return [...rows.values()].sort((a, b) => a.t - b.t);
}

/** Five or six whole-ten-minute ticks across the window. */
function timeTicks(from: number, to: number): number[] {
  const span = to - from;
  const step = [300, 600, 900, 1200, 1800, 3600].find((s) => span / s <= 7) ?? 3600;
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  return ticks;
}

interface MetricChartProps {
  scenario: Scenario;
  metric: KeyMetric;
  rows: Row[];
  domain: [number, number];
  ticks: number[];
  playerMarkers: DebriefMarker[];
  modelMarkers: DebriefMarker[];
  cursor: number;
  /** Whether the impact began left of the window: the left edge is then drawn as a red dashed line. */
  impactNote: boolean;
}

/** One key metric over sim time: your run, the model's ghost, both runs' actions, and the scrub cursor. */
const MetricChart = memo(function MetricChart({ scenario, metric, rows, domain, ticks, playerMarkers, modelMarkers, cursor, impactNote }: MetricChartProps) {
  const unit = debriefUnit(metric.unit);
  // Round ticks from zero, as on the console's dashboards, rather than the chart library's halvings (9.5k, 19k, 38k).
  const scale = useMemo(() => {
    const values = rows.flatMap((r) => [r.you, r.model].filter((v): v is number => v !== undefined));
    return unit.scale(values.length > 0 ? Math.min(...values) : 0, Math.max(0, ...values));
  }, [unit, rows]);
  return (
    <div className="debrief-metric">
      <p className="debrief-metric__title" title={metric.label}>
        {metric.label}
      </p>
      <div className="debrief-metric__chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%" minWidth={0} minHeight={0} initialDimension={{ width: 360, height: 120 }}>
          <ComposedChart data={rows} margin={{ top: 4, right: 18, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid stroke="var(--chart-grid)" />
            <XAxis
              dataKey="t"
              type="number"
              domain={domain}
              ticks={ticks}
              interval={0}
              allowDataOverflow
              tickFormatter={(t: number) => timeOfDay(scenario.clock, t).slice(0, 5)}
              tick={axisTick}
              tickLine={false}
              axisLine={{ stroke: 'var(--border-strong)' }}
              height={16}
            />
            <YAxis width={40} domain={[scale.min, scale.max]} ticks={scale.ticks} interval={0} allowDataOverflow tick={axisTick} tickLine={false} axisLine={false} tickFormatter={(v: number) => unit.axis(v)} />
            {impactNote && (
              <ReferenceLine x={domain[0]} stroke="var(--danger)" strokeWidth={2} strokeDasharray="3 2" />
            )}
            {modelMarkers.map((m, i) => (
              <ReferenceLine key={`m${i}`} x={m.at} stroke="var(--fg-muted)" strokeOpacity={0.5} strokeDasharray="2 3" />
            ))}
            {playerMarkers.map((m, i) => (
              <ReferenceLine key={`p${i}`} x={m.at} stroke="var(--chart-2)" strokeOpacity={0.65} />
            ))}
            <Line dataKey="model" name="Model (ghost)" stroke="var(--fg-muted)" strokeDasharray="5 3" strokeWidth={1.5} dot={false} activeDot={false} isAnimationActive={false} connectNulls />
            <Line dataKey="you" name="You" stroke="var(--chart-1)" strokeWidth={2} dot={false} activeDot={false} isAnimationActive={false} connectNulls />
            <ReferenceLine x={cursor} stroke="var(--focus)" strokeWidth={2} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
});

// stateAt replays the log from the start, so the moments already visited are kept per run.
const visited = new WeakMap<SimState, Map<number, PlayerView>>();

/** The player's view of their run at sim time t, replayed from the log (memoised per run). */
function frozenViewAt(scenario: Scenario, state: SimState, t: number): PlayerView {
  let moments = visited.get(state);
  if (!moments) {
    moments = new Map();
    visited.set(state, moments);
  }
  const hit = moments.get(t);
  if (hit) return hit;
  const view = playerView(scenario, stateAt(scenario, state.seed, state.log, t));
  if (moments.size >= 200) moments.clear();
  moments.set(t, view);
  return view;
}

/** The value a series had at time t (the last sample at or before it). */
function valueAt(series: DebriefView['player']['series'], metric: string, t: number): number | undefined {
  const values = series.values[metric];
  if (!values) return undefined;
  let found: number | undefined;
  series.times.forEach((time, i) => {
    if (time <= t) found = values[i];
  });
  return found;
}

/**
 * The timeline: the incident's key metrics over sim time for your run and the model's ghost,
 * both runs' actions as markers, and a scrubber that replays your log to any moment and shows
 * the console's panels as they were then, read-only.
 */
export function DebriefTimeline({ debrief, scenario, state }: { debrief: DebriefView; scenario: Scenario; state: SimState }) {
  const { clock } = scenario;
  // One window for the charts and the scrubber: an impact that began hours before the page is noted at the left edge, not drawn to scale.
  const { from, to, scrubFrom: min, scrubTo: max, impactBefore } = debrief.window;
  const impactText = impactBefore && `Impact began at ${timeOfDay(clock, impactBefore.at).slice(0, 5)}, ${formatDuration(impactBefore.beforePageS)} before the first page; the charts start an hour before the page, at the dashed red edge.`;
  const domain = useMemo<[number, number]>(() => [from, to], [from, to]);
  const ticks = useMemo(() => timeTicks(from, to), [from, to]);
  const charts = useMemo(() => debrief.keyMetrics.map((metric) => ({ metric, rows: metricRows(debrief, metric.metric, from, to) })), [debrief, from, to]);

  // The input moves at once; the replay behind the panels follows at most once per frame.
  const [value, setValue] = useState(min);
  const [shownAt, setShownAt] = useState(min);
  const frame = useRef<number | null>(null);
  const pending = useRef(min);
  // The replayed console stays folded until the reader scrubs or opens it.
  const [consoleOpen, setConsoleOpen] = useState(false);
  const scrubTo = useCallback((t: number) => {
    setValue(t);
    setConsoleOpen(true);
    pending.current = t;
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      setShownAt(pending.current);
    });
  }, []);
  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );

  const frozen = useMemo(() => frozenViewAt(scenario, state, shownAt), [scenario, state, shownAt]);
  const hintsOn = useSessionStore((s) => s.session?.hintsOn ?? true);

  const wall = timeOfDay(clock, value);
  const playerNear = debrief.playerMarkers.filter((m) => m.at <= shownAt).at(-1);
  const readings = debrief.keyMetrics
    .map((m) => `${m.label}: ${debriefUnit(m.unit).text(valueAt(debrief.player.series, m.metric, shownAt))}`)
    .join('; ');

  return (
    <section className="result__section debrief-section debrief-timeline" aria-labelledby="debrief-timeline-title">
      <h2 id="debrief-timeline-title" className="result__heading">
        Timeline
      </h2>
      <figure className="debrief-figure">
        <div className="debrief-timeline__legend" aria-hidden="true">
          <span className="debrief-key debrief-key--you">You</span>
          <span className="debrief-key debrief-key--model">Model (ghost)</span>
          <span className="debrief-key debrief-key--action">Your actions</span>
          <span className="debrief-key debrief-key--ghost-action">Model’s actions</span>
          <span className="debrief-key debrief-key--cursor">Scrubber</span>
        </div>
        {impactText && (
          <p className="debrief-timeline__impact">
            <span aria-hidden="true">◂ </span>
            {impactText}
          </p>
        )}
        <div className="debrief-timeline__grid">
          {charts.map(({ metric, rows }) => (
            <MetricChart
              key={metric.metric}
              scenario={scenario}
              metric={metric}
              rows={rows}
              domain={domain}
              ticks={ticks}
              playerMarkers={debrief.playerMarkers}
              modelMarkers={debrief.modelMarkers}
              cursor={value}
              impactNote={impactBefore !== null}
            />
          ))}
        </div>
        <figcaption className="visually-hidden">
          {debrief.keyMetrics.map((m) => m.label).join(', ')} from {timeOfDay(clock, domain[0])} to {timeOfDay(clock, domain[1])}, your run as solid lines and the
          model’s as dashed ghost lines.{impactText ? ` ${impactText}` : ''} You took {debrief.playerMarkers.length} recorded step(s); the model took {debrief.modelMarkers.length}. The lists below give every
          step with its time.
        </figcaption>
      </figure>

      <details className="debrief-markers">
        <summary>Every step on the timeline, yours and the model’s</summary>
        <div className="debrief-markers__cols">
          {(
            [
              ['Your steps', debrief.playerMarkers],
              ['The model’s steps', debrief.modelMarkers],
            ] as const
          ).map(([title, markers]) => (
            <div key={title}>
              <h3 className="result__subheading">{title}</h3>
              <ol className="debrief-markers__list">
                {markers.map((m, i) => (
                  <li key={`${m.at}-${i}`}>
                    <button type="button" className="debrief-markers__jump" onClick={() => scrubTo(Math.min(max, Math.max(min, m.at)))}>
                      <span className="mono">{timeOfDay(clock, m.at)}</span>
                      <span className="visually-hidden">: show the console at this moment:</span> {m.label}
                    </button>
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </div>
      </details>

      <div className="debrief-scrubber">
        <label htmlFor="debrief-scrubber" className="debrief-scrubber__label">
          Scrub the incident timeline
        </label>
        <input
          id="debrief-scrubber"
          type="range"
          min={min}
          max={max}
          step={clock.tickS}
          value={value}
          aria-valuetext={`${wall} (${relativeTime(value)})`}
          onChange={(e) => scrubTo(Number(e.currentTarget.value))}
        />
        <output htmlFor="debrief-scrubber" className="debrief-scrubber__value mono" aria-live="off">
          {wall} <span className="debrief-sub">{relativeTime(value)}</span>
        </output>
      </div>

      <div className="debrief-frozen" aria-labelledby="debrief-frozen-title" role="region">
        <h3 id="debrief-frozen-title" className="debrief-frozen__title">
          State at {timeOfDay(clock, shownAt)}
        </h3>
        <p className="debrief-frozen__note">
          The console as you saw it then, replayed from your log (read-only).
          {playerNear ? ` Your last step before it: ${playerNear.label} at ${timeOfDay(clock, playerNear.at)}.` : ' You had taken no step yet.'}
          <span className="visually-hidden"> Readings: {readings}.</span>
        </p>
        <div className="debrief-frozen__branch">
          <button type="button" className="btn" disabled={frozen.ended !== null} aria-describedby="debrief-branch-help" onClick={() => branchRun(scenario, state, shownAt, hintsOn)}>
            Start a drill from here
          </button>
          <span id="debrief-branch-help" className="debrief-sub">
            {frozen.ended !== null ? 'The incident was over by then: pick an earlier moment.' : `A new run from ${timeOfDay(clock, shownAt)}: the same seed and your steps up to here, paused, to try another choice. This debrief stays as it is.`}
          </span>
        </div>
        <details className="debrief-disclosure" open={consoleOpen} onToggle={(e) => setConsoleOpen(e.currentTarget.open)}>
          <summary className="debrief-disclosure__summary">Show the console at this moment</summary>
          <FrozenViewContext.Provider value={frozen}>
            <div className="debrief-frozen__grid">
              {/* The pager grows with its alerts; here its cell scrolls, so it takes the keyboard focus. */}
              <div className="debrief-frozen__cell debrief-frozen__cell--pager" role="group" aria-label="Pager at this moment (scrollable)" tabIndex={0}>
                <Pager />
              </div>
              <div className="debrief-frozen__cell debrief-frozen__cell--dashboards">
                <DashboardsPanel />
              </div>
              <div className="debrief-frozen__cell debrief-frozen__cell--tools">
                <ToolsPanel />
              </div>
              <div className="debrief-frozen__cell debrief-frozen__cell--timeline">
                <TimelinePanel />
              </div>
            </div>
          </FrozenViewContext.Provider>
        </details>
      </div>
    </section>
  );
}
