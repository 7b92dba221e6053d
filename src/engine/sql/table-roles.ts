import type { Scenario } from '../../scenarios/schema';
import { lookup } from '../scenario-lookup';
import { warehouseIsUtc } from './warehouse-clock';

/** A column type as `\d` prints it. */
export type SqlType = 'text' | 'bigint' | 'numeric(12,2)' | 'double precision' | 'boolean' | 'timestamp without time zone' | 'timestamp with time zone' | 'date' | 'integer';

/**
 * What a column means to the simulated warehouse:
 * - `event`: the event time (each row's own timestamp);
 * - `hour` / `date`: the event time truncated to the hour or the day (a bucket column, or the `dt` partition);
 * - `key`: the event id, unique unless rows were duplicated;
 * - `amount`: the money column (every event counts the same average amount);
 * - `partition`: the Kafka partition a job-fed row was read from;
 * - `value`: any other column (only its nulls are known).
 */
export type ColumnRole = 'event' | 'hour' | 'date' | 'key' | 'amount' | 'partition' | 'value';

/** One column of a lake table as the warehouse exposes it. */
export interface SqlColumn {
  name: string;
  type: SqlType;
  role: ColumnRole;
  /** Declared by the scenario (false: added by the warehouse, such as `event_ts`, `dt`, `kafka_partition`). */
  declared: boolean;
}

/** A lake table's columns and the ones the model needs by role. */
export interface TableRoles {
  id: string;
  columns: SqlColumn[];
  event: string;
  key: string | null;
  amount: SqlColumn | null;
}

const hourNames = new Set(['hour', 'hr', 'event_hour', 'window_start']);
const dateNames = new Set(['dt', 'cohort_date', 'posted_on', 'event_date']);

/**
 * The documented naming rule (docs/tool-outputs.md, "SQL prompt"): the event time is the column
 * named `event_ts`, else the first ending in `_ts` or `_at`, else a warehouse-added `event_ts`;
 * `hour`, `hr`, `event_hour` and `window_start` are the event hour; `dt` (added when absent) is
 * the event date; the key is the first column ending in `_id`; the amount is the first column
 * naming money (`amount…`, `revenue…`, `…_usd`, `…_eur`, `…_minor`, `spend…`, `billings…`) that is
 * not a rate. Job-fed tables also carry `kafka_partition`.
 */
export function tableRoles(s: Scenario, tableId: string): TableRoles | null {
  const spec = s.world.tables.find((t) => t.id === tableId);
  if (!spec) return null;
  const names = spec.columns;
  const event = names.includes('event_ts') ? 'event_ts' : (names.find((c) => /_(ts|at)$/.test(c)) ?? 'event_ts');
  const key = names.find((c) => /_id$/.test(c)) ?? null;
  const amountName = names.find((c) => /^(amount|revenue|spend|billings|open_usd|delta_minor)|_(usd|eur|minor)$/.test(c) && !/^rate/.test(c)) ?? null;
  const ts: SqlType = warehouseIsUtc(s) ? 'timestamp with time zone' : 'timestamp without time zone';
  const columns: SqlColumn[] = names.map((name) => {
    if (name === event) return { name, type: ts, role: 'event', declared: true };
    if (hourNames.has(name)) return { name, type: ts, role: 'hour', declared: true };
    if (dateNames.has(name) || /_date$/.test(name)) return { name, type: 'date', role: 'date', declared: true };
    if (name === key) return { name, type: 'text', role: 'key', declared: true };
    if (name === amountName) return { name, type: /_minor$/.test(name) ? 'bigint' : 'numeric(12,2)', role: 'amount', declared: true };
    const type = valueType(name);
    return { name, type: type === 'timestamp without time zone' ? ts : type, role: 'value', declared: true };
  });
  if (!names.includes(event)) columns.push({ name: event, type: ts, role: 'event', declared: false });
  if (!names.includes('dt')) columns.push({ name: 'dt', type: 'date', role: 'date', declared: false });
  if (lookup(s).jobOfTable.has(tableId) && !names.includes('kafka_partition')) columns.push({ name: 'kafka_partition', type: 'integer', role: 'partition', declared: false });
  return { id: tableId, columns, event, key, amount: columns.find((c) => c.role === 'amount') ?? null };
}

// Types by name, as the tables' owners would have declared them.
function valueType(name: string): SqlType {
  if (/_(ts|at)$|^first_seen$|^as_of$/.test(name)) return 'timestamp without time zone';
  if (/^(matched|is_.*|has_.*)$/.test(name)) return 'boolean';
  if (/(retention|score|rate|ratio|_days)$|^rate_/.test(name)) return 'double precision';
  if (/^(orders|events|sessions|refunds|cohort_size|d1_retained|count|.*_count)$/.test(name)) return 'bigint';
  return 'text';
}
