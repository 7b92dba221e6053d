import type { Scenario } from '../../scenarios/schema';
import type { SimState } from '../state';
import { buildSettings, windowedTotals } from '../world/dag-windows';
import { sensorModeOf, taskCounts } from '../world/step-dags';

interface Keys {
  scheduler: { heartbeatAgeS: string; slots: string; freeSlots: string; queuedTasks: string; runningTasks: string } | null;
  dags: { id: string; pokeSensors: string; localTime: string; appendMode: string }[];
  windowed: { id: string; rows: string; duplicates: string; missingRows: string; volumeRatio: string }[];
}

const cache = new WeakMap<Scenario, Keys>();

// Only scenarios that declare a scheduler or windowed builds get these keys, so other scenarios' states stay byte-identical.
function keysFor(s: Scenario): Keys {
  const hit = cache.get(s);
  if (hit) return hit;
  const w = s.world;
  const id = w.scheduler?.id ?? 'main';
  const keys: Keys = {
    scheduler: w.scheduler
      ? { heartbeatAgeS: `scheduler.${id}.heartbeatAgeS`, slots: `scheduler.${id}.slots`, freeSlots: `scheduler.${id}.freeSlots`, queuedTasks: `scheduler.${id}.queuedTasks`, runningTasks: `scheduler.${id}.runningTasks` }
      : null,
    dags: w.scheduler ? w.dags.map((d) => ({ id: d.id, pokeSensors: `dag.${d.id}.pokeSensors`, localTime: `dag.${d.id}.localTime`, appendMode: `dag.${d.id}.appendMode` })) : [],
    windowed: w.dags
      .filter((d) => d.build.mode !== undefined && d.build.kind !== 'test')
      .map((d) => {
        const t = d.build.writes;
        return { id: t, rows: `table.${t}.rows`, duplicates: `table.${t}.duplicates`, missingRows: `table.${t}.missingRows`, volumeRatio: `table.${t}.volumeRatio` };
      }),
  };
  cache.set(s, keys);
  return keys;
}

/** Scheduler health, worker slots, DAG settings and per-window table totals, written into the metrics record. */
export function orchestrationMetrics(s: Scenario, state: SimState, m: Record<string, number>): void {
  const k = keysFor(s);
  const w = state.world;
  for (const tk of k.windowed) {
    const windows = w.tables[tk.id]?.windows;
    if (!windows) continue;
    const totals = windowedTotals(windows);
    m[tk.rows] = totals.rows;
    m[tk.duplicates] = totals.duplicates;
    m[tk.missingRows] = totals.missing;
    m[tk.volumeRatio] = totals.expected > 0 ? Math.round((totals.rows / totals.expected) * 10_000) / 10_000 : 1;
  }
  if (!k.scheduler || !w.scheduler) return;
  let busy = 0;
  let queued = 0;
  let running = 0;
  s.world.dags.forEach((spec, i) => {
    const dag = w.dags[spec.id];
    const dk = k.dags[i];
    if (!dag || !dk) return;
    let poking = 0;
    for (const run of dag.runs) {
      if (run.state !== 'running') continue;
      if (run.sensor === 'running' && sensorModeOf(spec, dag) === 'poke') poking += 1;
      if (run.build === 'running') busy += 1;
    }
    busy += poking;
    const tasks = taskCounts(dag);
    queued += tasks.queued;
    running += tasks.running;
    const settings = buildSettings(spec, dag);
    m[dk.pokeSensors] = poking;
    m[dk.localTime] = settings.timezone === 'local' ? 1 : 0;
    m[dk.appendMode] = settings.mode === 'append' ? 1 : 0;
  });
  const sk = k.scheduler;
  m[sk.heartbeatAgeS] = Math.max(0, state.t - w.scheduler.lastHeartbeatAt);
  m[sk.slots] = w.scheduler.slots;
  m[sk.freeSlots] = Math.max(0, w.scheduler.slots - busy);
  m[sk.queuedTasks] = queued;
  m[sk.runningTasks] = running;
}
