import type { Scenario } from '../../scenarios/schema';
import type { SimState } from '../state';
import { formatDuration } from '../wall-clock';
import type { Printed } from './render-reveal';

interface Node {
  label: string;
  health: string;
}

/**
 * The dashboard's upstream path (dashboard ← table ← DAG ← table ← job ← topic ← producer),
 * each node with its health, followed by the other pipelines for comparison.
 */
export function lineageOutput(s: Scenario, state: SimState, dashboardId: string): Printed {
  const command = `lineage upstream --node dashboard:${dashboardId} --with-health`;
  const paths = s.world.dashboards.map((d) => ({ id: d.id, nodes: upstream(s, state, d.id) }));
  const mine = paths.find((p) => p.id === dashboardId);
  if (!mine) return { title: 'Lineage', command, body: `No dashboard "${dashboardId}".` };
  const render = (nodes: Node[]) => nodes.map((n, i) => `${'  '.repeat(i)}${i === 0 ? '' : '└─ '}${n.label}  [${n.health}]`).join('\n');
  const others = paths.filter((p) => p.id !== dashboardId).map((p) => render(p.nodes));
  const body = [`Upstream of dashboard ${dashboardId}:`, render(mine.nodes), ...(others.length > 0 ? ['', 'Other pipelines:', ...others] : [])].join('\n');
  return { title: `Lineage of ${dashboardId}`, command, body };
}

function upstream(s: Scenario, state: SimState, dashboardId: string): Node[] {
  const nodes: Node[] = [];
  const m = state.metrics;
  const dash = s.world.dashboards.find((d) => d.id === dashboardId);
  if (!dash) return nodes;
  const dashFresh = m[`dashboard.${dash.id}.freshnessS`] ?? 0;
  const dashSla = s.world.tables.find((t) => t.id === dash.table)?.freshnessSlaS ?? Infinity;
  nodes.push({ label: `dashboard ${dash.id}`, health: m[`dashboard.${dash.id}.blank`] ? 'BLANK' : dashFresh > dashSla ? 'STALE' : 'ok' });
  let table: string | undefined = dash.table;
  for (let guard = 0; table && guard < 10; guard++) {
    const fresh = m[`table.${table}.freshnessS`] ?? 0;
    const sla = s.world.tables.find((t) => t.id === table)?.freshnessSlaS ?? Infinity;
    nodes.push({ label: `table ${table}`, health: fresh > sla ? `STALE ${formatDuration(fresh)}` : `fresh ${formatDuration(fresh)}` });
    const dag = s.world.dags.find((d) => d.build.writes === table);
    if (dag) {
      const queued = m[`dag.${dag.id}.queuedTasks`] ?? 0;
      const dagState = state.world.dags[dag.id];
      const waiting = dagState?.runs.some((r) => r.state === 'running' && (r.sensor === 'running' || r.sensor === 'up_for_reschedule'));
      const health = dagState?.paused ? 'paused' : queued > 0 ? `${queued} task(s) queued` : waiting ? `${dag.sensor.task} waiting` : 'ok';
      nodes.push({ label: `dag ${dag.id}`, health });
      table = dag.sensor.table;
      continue;
    }
    const job = s.world.jobs.find((j) => j.sink.table === table);
    if (job) {
      const status = state.world.jobs[job.id]?.status ?? 'UNKNOWN';
      nodes.push({ label: `job ${job.id}`, health: status === 'RUNNING' ? 'RUNNING' : status });
      nodes.push({ label: `topic ${job.topic}`, health: `lag ${m[`job.${job.id}.lag`] ?? 0}` });
      const producer = s.world.producers.find((p) => p.topic === job.topic);
      if (producer) nodes.push({ label: `producer ${producer.id}`, health: `${Math.round(m[`producer.${producer.id}.rate`] ?? 0)} rec/s` });
    }
    table = undefined;
  }
  return nodes;
}
