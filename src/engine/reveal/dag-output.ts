import type { Scenario } from '../../scenarios/schema';
import { lookup } from '../scenario-lookup';
import type { SimState } from '../state';
import { timeOfDay } from '../wall-clock';
import { columns, type Printed } from './render-reveal';

const shownRuns = 10;

/** The DAG's recent runs as a grid of task states, like the Airflow grid view. */
export function dagRunsOutput(s: Scenario, state: SimState, dagId: string): Printed {
  const spec = lookup(s).dag.get(dagId);
  const dag = state.world.dags[dagId];
  const command = `airflow dags list-runs -d ${dagId} -o table && airflow tasks states-for-dag-run ${dagId} <run_id>`;
  if (!spec || !dag) return { title: 'DAG runs', command, body: `Error: Dag id ${dagId} not found` };
  const rows = [['RUN (LOGICAL DATE)', 'STATE', spec.sensor.task, spec.build.task]];
  // Newest first, as `airflow dags list-runs` prints them.
  for (const run of dag.runs.slice(-shownRuns).reverse()) {
    rows.push([`scheduled__${s.clock.dateAtZero}T${timeOfDay(s.clock, run.logicalTime)}`, run.state, run.sensor, run.build]);
  }
  const notes: string[] = [];
  if (dag.paused) notes.push(`# DAG ${dagId} is paused.`);
  const stuck = dag.runs.find((r) => r.state === 'running' && (r.sensor === 'running' || r.sensor === 'up_for_reschedule'));
  if (stuck?.sensorStartedAt != null) {
    notes.push(`# ${spec.sensor.task} (${spec.sensor.mode} mode) has been poking ${spec.sensor.table} for ${Math.round((state.t - stuck.sensorStartedAt) / 60)} min; timeout ${spec.sensor.timeoutS}s.`);
  }
  const lastFailed = [...dag.runs].reverse().find((r) => r.sensor === 'failed' && r.sensorStartedAt !== null);
  if (lastFailed?.sensorStartedAt != null && lastFailed.endedAt !== null) {
    notes.push(`# last sensor failure: AirflowSensorTimeout: Sensor has timed out; run duration of ${(lastFailed.endedAt - lastFailed.sensorStartedAt).toFixed(1)} seconds exceeds the specified timeout of ${spec.sensor.timeoutS.toFixed(1)}.`);
  }
  const queued = dag.runs.filter((r) => r.state === 'queued').length;
  if (queued > 0) notes.push(`# ${queued} more run(s) queued behind max_active_runs=${spec.maxActiveRuns}.`);
  return { title: `DAG ${dagId}`, command, body: [columns(rows), ...notes].join('\n') };
}
