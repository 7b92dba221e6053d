import type { DagSpec, Scenario } from '../../scenarios/schema';
import type { DagRun, DagState, SimState } from '../state';
import { buildSettings, recordWindowMarks, windowedTotals, writeWindow } from './dag-windows';

/** How many runs a DAG keeps for its grid. */
export const dagRunHistory = 24;

interface Waiting {
  dag: DagSpec;
  run: DagRun;
  task: 'sensor' | 'build';
  order: number;
}

/**
 * Advances every DAG by one tick: schedules runs, hands free worker slots to queued tasks
 * first come first served, pokes sensors and finishes builds. Poke-mode sensors hold their
 * slot while they wait, so stuck sensors starve other DAGs of workers.
 */
export function stepDags(s: Scenario, state: SimState): void {
  const t = state.t;
  const scheduler = state.world.scheduler;
  // A stalled scheduler creates no runs and starts no tasks; tasks already on workers carry on.
  const alive = !scheduler || scheduler.running;
  if (scheduler?.running) scheduler.lastHeartbeatAt = t;
  s.world.dags.forEach((spec) => {
    const dag = state.world.dags[spec.id];
    if (!dag) return;
    recordWindowMarks(state, spec);
    if (alive) schedule(spec, dag, t);
    finishTasks(s, state, spec, dag);
  });
  if (alive) assignSlots(s, state);
}

/** The sensor mode a DAG runs with now (`dag.set` overrides the declared one). */
export function sensorModeOf(spec: DagSpec, dag: DagState | undefined): 'poke' | 'reschedule' {
  return dag?.sensorMode ?? spec.sensor.mode;
}

function schedule(spec: DagSpec, dag: DagState, t: number): void {
  while (!dag.paused && dag.nextRunAt <= t) {
    dag.runs.push({ logicalTime: dag.nextRunAt, state: 'queued', sensor: 'none', build: 'none', sensorStartedAt: null, buildStartedAt: null, queuedAt: dag.nextRunAt, endedAt: null, sourceThrough: null });
    dag.nextRunAt += spec.everyS;
  }
  if (dag.paused) dag.nextRunAt = Math.max(dag.nextRunAt, Math.ceil(t / spec.everyS) * spec.everyS);
  let active = 0;
  let finished = 0;
  for (const run of dag.runs) {
    if (run.state === 'running') active += 1;
    else if (run.state === 'success' || run.state === 'failed') finished += 1;
  }
  for (const run of dag.runs) {
    if (active >= spec.maxActiveRuns) break;
    // A backfill started from the CLI runs whether or not the DAG is paused.
    if (run.state === 'queued' && (!dag.paused || run.runType === 'backfill')) {
      run.state = 'running';
      run.sensor = 'queued';
      run.queuedAt = t;
      active += 1;
    }
  }
  // Counted, not listed, on every tick (starting a queued run finishes none); the oldest finished runs go past the history.
  if (finished > dagRunHistory) {
    let drop = finished - dagRunHistory;
    dag.runs = dag.runs.filter((r) => {
      if (drop > 0 && (r.state === 'success' || r.state === 'failed')) {
        drop -= 1;
        return false;
      }
      return true;
    });
  }
}

function finishTasks(s: Scenario, state: SimState, spec: DagSpec, dag: DagState): void {
  const t = state.t;
  const source = state.world.tables[spec.sensor.table];
  for (const run of dag.runs) {
    if (run.state !== 'running') continue;
    if (run.sensor === 'running' || run.sensor === 'up_for_reschedule') {
      const started = run.sensorStartedAt ?? t;
      const pokeDue = (t - started) % spec.sensor.pokeS < s.clock.tickS;
      if (source && pokeDue && source.loadedThrough >= run.logicalTime) {
        run.sensor = 'success';
        run.build = 'queued';
        run.queuedAt = t;
      } else if (t - started >= spec.sensor.timeoutS) {
        run.sensor = 'failed';
        run.build = 'upstream_failed';
        run.state = 'failed';
        run.endedAt = t;
        dag.failedRuns += 1;
      } else if (sensorModeOf(spec, dag) === 'reschedule') {
        run.sensor = 'up_for_reschedule';
      }
    } else if (run.build === 'running' && run.buildStartedAt !== null && t - run.buildStartedAt >= spec.build.durationS) {
      if (spec.build.kind === 'test' && testsFail(state, spec.sensor.table)) {
        run.build = 'failed';
        run.state = 'failed';
        run.endedAt = t;
        dag.failedRuns += 1;
        continue;
      }
      run.build = 'success';
      run.state = 'success';
      run.endedAt = t;
      const target = state.world.tables[spec.build.writes];
      if (target && run.sourceThrough !== null) {
        target.loadedThrough = Math.max(target.loadedThrough, run.sourceThrough);
        target.lastLoadAt = t;
        if (target.windows) {
          const every = target.windows.everyS;
          writeWindow(s, target.windows, buildSettings(spec, dag), Math.floor(run.logicalTime / every) * every - every);
          target.rows = windowedTotals(target.windows).rows;
        } else {
          target.rows = source?.rows ?? target.rows;
        }
      }
    }
  }
}

function assignSlots(s: Scenario, state: SimState): void {
  let busy = 0;
  const waiting: Waiting[] = [];
  s.world.dags.forEach((spec, order) => {
    const dag = state.world.dags[spec.id];
    if (!dag) return;
    for (const run of dag.runs) {
      if (run.state !== 'running') continue;
      if (run.sensor === 'running' && sensorModeOf(spec, dag) === 'poke') busy += 1;
      if (run.build === 'running') busy += 1;
      if (run.sensor === 'queued') waiting.push({ dag: spec, run, task: 'sensor', order });
      if (run.build === 'queued') waiting.push({ dag: spec, run, task: 'build', order });
    }
  });
  const slots = state.world.scheduler?.slots ?? s.world.workerSlots;
  waiting.sort((a, b) => a.run.queuedAt - b.run.queuedAt || a.order - b.order || a.run.logicalTime - b.run.logicalTime);
  for (const w of waiting) {
    const holdsSlot = w.task === 'build' || sensorModeOf(w.dag, state.world.dags[w.dag.id]) === 'poke';
    if (holdsSlot && busy >= slots) break;
    if (holdsSlot) busy += 1;
    if (w.task === 'sensor') {
      w.run.sensor = 'running';
      w.run.sensorStartedAt = state.t;
    } else {
      w.run.build = 'running';
      w.run.buildStartedAt = state.t;
      const through = state.world.tables[w.dag.sensor.table]?.loadedThrough ?? null;
      // A backfill run rebuilds its own past period, not today's data.
      w.run.sourceThrough = through !== null && w.run.runType === 'backfill' ? Math.min(through, w.run.logicalTime) : through;
    }
  }
}

/** A DAG's queued and running tasks over its active runs (a rescheduled sensor counts as running), in one pass. */
export function taskCounts(dag: DagState): { queued: number; running: number } {
  let queued = 0;
  let running = 0;
  for (const run of dag.runs) {
    if (run.state !== 'running') continue;
    if (run.sensor === 'queued') queued += 1;
    else if (run.sensor === 'running' || run.sensor === 'up_for_reschedule') running += 1;
    if (run.build === 'queued') queued += 1;
    else if (run.build === 'running') running += 1;
  }
  return { queued, running };
}

// A data-test task fails when the table it tests holds duplicate rows or misses rows it should hold.
function testsFail(state: SimState, table: string): boolean {
  const windows = state.world.tables[table]?.windows;
  if (windows) {
    const totals = windowedTotals(windows);
    return totals.duplicates > 0 || totals.missing > 0;
  }
  return (state.metrics[`table.${table}.duplicates`] ?? 0) > 0;
}
