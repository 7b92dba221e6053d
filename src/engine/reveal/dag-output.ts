import type { DagSpec, Scenario } from '../../scenarios/schema';
import { lookup } from '../scenario-lookup';
import type { SimState } from '../state';
import type { DagState } from '../state';
import { buildSettings } from '../world/dag-windows';
import { isoLocal, localDate, timeOfDay, utcDateHour, utcIso } from '../wall-clock';
import { columns, type Printed } from './render-reveal';

const shownRuns = 10;

/** The DAG's recent runs as a grid of task states, like the Airflow grid view. */
export function dagRunsOutput(s: Scenario, state: SimState, dagId: string): Printed {
  const spec = lookup(s).dag.get(dagId);
  const dag = state.world.dags[dagId];
  const command = `airflow dags list-runs -d ${dagId} -o table && airflow tasks states-for-dag-run ${dagId} <run_id>`;
  if (!spec || !dag) return { title: 'DAG runs', command, body: `Error: Dag id ${dagId} not found` };
  // Windowed builds also show the data interval (with its UTC offset) and the partition each run writes.
  const windowed = state.world.tables[spec.build.writes]?.windows !== undefined;
  const rows = [['RUN (LOGICAL DATE)', 'STATE', spec.sensor.task, spec.build.task, ...(windowed ? ['DATA INTERVAL START', 'PARTITION'] : [])]];
  // Newest first, as `airflow dags list-runs` prints them.
  for (const run of dag.runs.slice(-shownRuns).reverse()) {
    const extra = windowed ? windowColumns(s, spec, dag, run.logicalTime) : [];
    rows.push([runId(s, spec, run.logicalTime, run.runType, windowed), run.state, run.sensor, run.build, ...extra]);
  }
  const notes: string[] = [];
  if (dag.paused) notes.push(`# DAG ${dagId} is paused.`);
  if (dag.sensorMode !== undefined || dag.timezone !== undefined || dag.mode !== undefined) {
    notes.push(`# settings changed: sensor mode ${dag.sensorMode ?? spec.sensor.mode}, schedule timezone ${dag.timezone ?? spec.timezone ?? 'UTC'}, write mode ${dag.mode ?? spec.build.mode ?? 'append'}.`);
  }
  const stuck = dag.runs.find((r) => r.state === 'running' && (r.sensor === 'running' || r.sensor === 'up_for_reschedule'));
  if (stuck?.sensorStartedAt != null) {
    notes.push(`# ${spec.sensor.task} (${dag.sensorMode ?? spec.sensor.mode} mode) has been poking ${spec.sensor.table} for ${Math.round((state.t - stuck.sensorStartedAt) / 60)} min; timeout ${spec.sensor.timeoutS}s.`);
  }
  const lastFailed = [...dag.runs].reverse().find((r) => r.sensor === 'failed' && r.sensorStartedAt !== null);
  if (lastFailed?.sensorStartedAt != null && lastFailed.endedAt !== null) {
    notes.push(`# last sensor failure: AirflowSensorTimeout: Sensor has timed out; run duration of ${(lastFailed.endedAt - lastFailed.sensorStartedAt).toFixed(1)} seconds exceeds the specified timeout of ${spec.sensor.timeoutS.toFixed(1)}.`);
  }
  const queued = dag.runs.filter((r) => r.state === 'queued').length;
  if (queued > 0) notes.push(`# ${queued} more run(s) queued behind max_active_runs=${spec.maxActiveRuns}.`);
  return { title: `DAG ${dagId}`, command, body: [columns(rows), ...notes].join('\n') };
}

function windowColumns(s: Scenario, spec: DagSpec, dag: DagState, logicalTime: number): string[] {
  const start = Math.floor(logicalTime / spec.everyS) * spec.everyS - spec.everyS;
  if (buildSettings(spec, dag).timezone === 'local') return [isoLocal(s.clock, start), `dt=${localDate(s.clock, start)}/hr=${timeOfDay(s.clock, start).slice(0, 2)}`];
  const utc = utcDateHour(s.clock, start);
  return [isoLocal(s.clock, start), `dt_utc=${utc.date}/hr_utc=${utc.hour}`];
}

/** The run id Airflow gives a run (`scheduled__2024-03-11T08:00:00+00:00`, `manual__…`, `backfill__…`): with a known UTC offset, the UTC data-interval start, as Airflow stores it. */
export function runId(s: Scenario, spec: DagSpec, logicalTime: number, runType: 'manual' | 'backfill' | undefined, windowed: boolean): string {
  const type = runType ?? 'scheduled';
  if (s.clock.utcOffsetS === undefined) return `${type}__${localDate(s.clock, logicalTime)}T${timeOfDay(s.clock, logicalTime)}`;
  return `${type}__${utcIso(s.clock, windowed ? Math.floor(logicalTime / spec.everyS) * spec.everyS - spec.everyS : logicalTime)}`;
}
