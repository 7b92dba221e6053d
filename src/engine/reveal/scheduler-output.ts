import type { Scenario } from '../../scenarios/schema';
import type { SimState } from '../state';
import { formatDuration, logTimestamp } from '../wall-clock';
import { sensorModeOf, taskCounts } from '../world/step-dags';
import { columns, type Printed } from './render-reveal';

/** `airflow jobs check --job-type SchedulerJob` and `airflow pools list`: is the scheduler alive, and who holds the worker slots. */
export function schedulerStatusOutput(s: Scenario, state: SimState): Printed {
  const command = 'airflow jobs check --job-type SchedulerJob --limit 1 && airflow pools list';
  const scheduler = state.world.scheduler;
  const slots = scheduler?.slots ?? s.world.workerSlots;
  const heartbeatAge = scheduler ? state.t - scheduler.lastHeartbeatAt : 0;
  const lines: string[] = [];
  if (!scheduler || heartbeatAge <= 30) {
    lines.push('Found one alive job.');
  } else {
    lines.push('No alive jobs found.');
    lines.push(`# The scheduler does not appear to be running. Last heartbeat was received ${formatDuration(heartbeatAge)} ago (${logTimestamp(s.clock, scheduler.lastHeartbeatAt, 0).slice(0, 19)}).`);
    lines.push('# The DAGs list may not update, and new tasks will not be scheduled.');
  }
  let running = 0;
  let queued = 0;
  const holders: string[][] = [['DAG', 'RUNNING (slots held)', 'QUEUED', 'SENSOR MODE']];
  for (const spec of s.world.dags) {
    const dag = state.world.dags[spec.id];
    if (!dag) continue;
    let held = 0;
    for (const run of dag.runs) {
      if (run.state !== 'running') continue;
      if (run.sensor === 'running' && sensorModeOf(spec, dag) === 'poke') held += 1;
      if (run.build === 'running') held += 1;
    }
    const q = taskCounts(dag).queued;
    running += held;
    queued += q;
    if (held > 0 || q > 0) holders.push([spec.id, String(held), String(q), sensorModeOf(spec, dag)]);
  }
  lines.push('', columns([['pool', 'slots', 'running', 'queued', 'open', 'description'], ['default_pool', String(slots), String(running), String(queued), String(Math.max(0, slots - running)), 'Default pool']]));
  if (holders.length > 1) lines.push('', '# task instances by DAG (airflow tasks states-for-dag-run, summarised):', columns(holders));
  return { title: 'Scheduler and pools', command, body: lines.join('\n') };
}
