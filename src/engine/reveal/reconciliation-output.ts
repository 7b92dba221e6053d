import type { Scenario } from '../../scenarios/schema';
import { lookup } from '../scenario-lookup';
import type { SimState } from '../state';
import { accountJob } from '../world/accounting';
import { timeOfDay } from '../wall-clock';
import type { Printed } from './render-reveal';

// Every event carries an amount; the simulator does not track them one by one, so each event
// counts for the same average amount (in cents): sums still differ exactly as row counts do.
export const centsPerEvent = 4_732;

/**
 * The verification query an engineer runs after a duplicate or loss incident: the events the
 * job has read from its topic against the rows, distinct event ids, duplicate rows and amount
 * in its table, printed as psql prints one row, with MATCH only when nothing is missing or doubled.
 */
export function reconciliationOutput(s: Scenario, state: SimState, jobId: string): Printed {
  const spec = lookup(s).job.get(jobId);
  const table = spec?.sink.table ?? 'table';
  const topic = spec?.topic ?? 'topic';
  const through = `${s.clock.dateAtZero} ${timeOfDay(s.clock, state.world.tables[table]?.loadedThrough ?? state.t)}`;
  const command = `psql -f reconcile_${table}.sql -v topic=${topic} -v through='${through}'`;
  if (!spec || !state.world.jobs[jobId]) return { title: 'Reconciliation', command, body: `ERROR: relation "${table}" does not exist` };
  const a = accountJob(s, state, jobId);
  const source = a.produced - a.pending;
  const rows = a.delivered + a.duplicates;
  const missing = a.dlq + a.lost;
  const ok = a.duplicates === 0 && missing === 0;
  const header = ['source_events', 'table_rows', 'distinct_event_ids', 'duplicate_rows', 'missing_events', 'source_amount', 'table_amount', 'status'];
  const values = [count(source), count(rows), count(a.delivered), count(a.duplicates), count(missing), amount(source), amount(rows), ok ? 'MATCH' : 'MISMATCH'];
  const widths = header.map((h, i) => Math.max(h.length, (values[i] as string).length));
  const line = (cells: string[], pad: (c: string, w: number) => string) => cells.map((c, i) => ` ${pad(c, widths[i] as number)} `).join('|');
  const diff = rows - source;
  const pct = source > 0 ? ((100 * diff) / source).toFixed(2) : '0.00';
  const notes = [
    `-- source: ${topic}, every event up to ${spec.group}'s position; target: ${table}, same window (event_ts <= '${through}')`,
    `-- table_rows - source_events = ${diff >= 0 ? '+' : ''}${count(diff)} (${diff >= 0 ? '+' : ''}${pct}%)`,
    ...(a.duplicates > 0 ? [`-- ${count(a.duplicates)} rows share an event_id with another row: SELECT event_id, count(*) FROM ${table} GROUP BY 1 HAVING count(*) > 1`] : []),
    ...(missing > 0 ? [`-- ${count(missing)} events read from ${topic} have no row (dead-lettered or skipped)`] : []),
  ];
  const body = [
    line(header, (c, w) => c.padStart(Math.floor((w + c.length) / 2)).padEnd(w)),
    widths.map((w) => '-'.repeat(w + 2)).join('+'),
    line(values, (c, w) => c.padStart(w)),
    '(1 row)',
    '',
    ...notes,
  ].join('\n');
  return { title: `Reconciliation ${topic} → ${table}`, command, body };
}

function count(n: number): string {
  return String(n);
}

function amount(events: number): string {
  const cents = events * centsPerEvent;
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}
