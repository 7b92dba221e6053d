import type { Effect, Scenario } from '../../../scenarios/schema';
import { queryProfileOutput } from '../../reveal/lake-output';
import { tableRoles } from '../../sql/table-roles';
import { psqlTable } from '../../sql/psql-format';
import type { TableLayoutState } from '../../world/lake-state';
import { liveFiles } from '../../world/table-layout';
import { has, opt, parseFlags, type FlagSpec } from '../flags';
import type { ShellNames } from '../platform';
import { failed, printed, type Tool, type ToolContext, type ToolResult } from '../types';

/** What the maintenance cluster's `optimize` rewrites per second (the on-call's share of the Trino workers). */
export const optimizeMbPerS = 14;

const catalog = 'iceberg';
const schema = 'analytics';

const help = `Usage: trino [OPTIONS]
Trino command line interface (server http://trino:8080, catalog ${catalog}, schema ${schema})

Options:
      --execute=<execute>   Execute specified statements and exit
      --output-format=<outputFormat>
                            Output format for batch mode [ALIGNED, CSV, CSV_HEADER] (default: CSV)
  -h, --help                Show this help message and exit.

This console runs, against the Iceberg tables:
  EXPLAIN ANALYZE SELECT ...                     run a query and print its profile (planning, splits, files)
  SHOW CREATE TABLE t                            the table's columns and properties (partitioning)
  SELECT count(*), sum(file_size_in_bytes), avg(file_size_in_bytes), sum(record_count)
    FROM "t$files"                               the table's live data files
  ALTER TABLE t SET PROPERTIES partitioning = ARRAY['day(ts)' | 'hour(ts)', 'bucket(col, n)']
                                                 change the partition spec of new data
  ALTER TABLE t EXECUTE optimize(file_size_threshold => '32MB')
                                                 rewrite files under the threshold into target-size files
  ALTER TABLE t EXECUTE expire_snapshots(retention_threshold => '7d')
  ALTER TABLE t EXECUTE remove_orphan_files(retention_threshold => '7d')`;

const flags: FlagSpec = { execute: { value: true, short: 'e' }, 'output-format': { value: true }, help: { value: false, short: 'h' }, catalog: { value: true }, schema: { value: true } };

type Statement = { out: string; effects?: Effect[]; changed?: string } | { error: string };

function run(ctx: ToolContext, args: readonly string[]): ToolResult {
  const f = parseFlags(args, flags);
  if (has(f, 'help')) return printed(help);
  if (f.unknown) return failed(`Unknown option: '${f.unknown}'\n${help}`, 2);
  if (f.missingValue) return failed(`Missing required parameter for option '${f.missingValue}'`, 2);
  const sql = opt(f, 'execute');
  if (sql === undefined) return failed('This console runs trino in batch mode: trino --execute "<statement>" (trino --help lists what it answers).', 2);
  const format = (opt(f, 'output-format') ?? 'CSV').toUpperCase();
  if (!['ALIGNED', 'CSV', 'CSV_HEADER'].includes(format)) return failed(`Invalid value for option '--output-format': expected one of [ALIGNED, CSV, CSV_HEADER] but was '${format}'`, 2);
  const statements = sql.split(';').map((x) => x.trim()).filter(Boolean);
  if (statements.length === 0) return failed('Query failed: statement is empty', 1);
  const outs: string[] = [];
  const effects: Effect[] = [];
  const changed: string[] = [];
  for (const text of statements) {
    const r = statement(ctx, text, format);
    if ('error' in r) return { ...failed([...outs, `Query failed: ${r.error}`].join('\n'), 1), effects, ...(changed.length > 0 ? { changed: changed.join('; ') } : {}) };
    outs.push(r.out);
    effects.push(...(r.effects ?? []));
    if (r.changed) changed.push(r.changed);
  }
  return { ...printed(outs.join('\n')), effects, ...(changed.length > 0 ? { changed: changed.join('; ') } : {}) };
}

// The Iceberg table a statement names, with its layout; Trino's catalog holds only the laid-out tables.
function icebergTable(ctx: ToolContext, raw: string): { id: string; layout: TableLayoutState } | string {
  const id = raw.replace(/"/g, '').replace(new RegExp(`^(${catalog}\\.)?(${schema}\\.)?`), '');
  const layout = ctx.state.world.tables[id]?.layout;
  if (!layout || !ctx.s.world.tables.some((t) => t.id === id && t.layout)) return `line 1:1: Table '${catalog}.${schema}.${id}' does not exist`;
  return { id, layout };
}

function statement(ctx: ToolContext, text: string, format: string): Statement {
  const sql = text.replace(/\s+/g, ' ');
  let m = /^EXPLAIN ANALYZE (SELECT .*)$/i.exec(sql);
  if (m) {
    const from = /\bFROM ("?[\w.]+"?)/i.exec(m[1] as string);
    if (!from) return { error: 'line 1:17: EXPLAIN ANALYZE needs a query that reads a table' };
    const t = icebergTable(ctx, from[1] as string);
    if (typeof t === 'string') return { error: t };
    return { out: queryProfileOutput(ctx.s, ctx.state, t.id).body };
  }
  m = /^SHOW CREATE TABLE ("?[\w.]+"?)$/i.exec(sql);
  if (m) {
    const t = icebergTable(ctx, m[1] as string);
    if (typeof t === 'string') return { error: t };
    return { out: showCreate(ctx.s, t.id, t.layout) };
  }
  m = /^SELECT (.+) FROM "(?:(?:iceberg\.)?analytics\.)?(\w+)\$files"$/i.exec(sql);
  if (m) {
    const t = icebergTable(ctx, m[2] as string);
    if (typeof t === 'string') return { error: `line 1:1: Table '${catalog}.${schema}.${m[2]}$files' does not exist` };
    return filesQuery(ctx, m[1] as string, t.id, t.layout, format);
  }
  m = /^ALTER TABLE ("?[\w.]+"?) SET PROPERTIES partitioning = ARRAY\[(.*)\]$/i.exec(sql);
  if (m) {
    const t = icebergTable(ctx, m[1] as string);
    if (typeof t === 'string') return { error: t };
    return setPartitioning(ctx, t.id, m[2] as string);
  }
  m = /^ALTER TABLE ("?[\w.]+"?) EXECUTE (\w+)\s*\((.*)\)$/i.exec(sql);
  if (m) {
    const t = icebergTable(ctx, m[1] as string);
    if (typeof t === 'string') return { error: t };
    return tableProcedure(t.id, t.layout, (m[2] as string).toLowerCase(), m[3] as string);
  }
  if (/^(INSERT|UPDATE|DELETE|MERGE|DROP|TRUNCATE|CREATE)\b/i.test(sql)) return { error: `Access Denied: the on-call role cannot ${sql.split(' ')[0]?.toUpperCase()} on ${catalog}.${schema}; it runs table maintenance only` };
  return { error: 'this console answers EXPLAIN ANALYZE, SHOW CREATE TABLE, the $files metadata table and ALTER TABLE … SET PROPERTIES partitioning / EXECUTE (trino --help); ask the warehouse\'s SQL prompt for row counts' };
}

function specOf(ctx: { s: Scenario }, id: string, layout: TableLayoutState): string[] {
  const event = tableRoles(ctx.s, id)?.event ?? 'event_ts';
  const key = ctx.s.world.tables.find((t) => t.id === id)?.layout?.keyColumn ?? 'key';
  if (layout.partitionBy === 'day') return [`day(${event})`];
  if (layout.partitionBy === 'hour') return [`hour(${event})`];
  return [`hour(${event})`, `bucket(${key}, ${layout.keyCardinality})`];
}

function showCreate(s: Scenario, id: string, layout: TableLayoutState): string {
  const roles = tableRoles(s, id);
  const cols = (roles?.columns ?? []).filter((c) => c.name !== 'kafka_partition' && c.name !== 'dt').map((c) => `   ${c.name} ${c.type.startsWith('timestamp') ? 'timestamp(6)' : c.type === 'text' ? 'varchar' : c.type}`);
  return [
    `CREATE TABLE ${catalog}.${schema}.${id} (`,
    cols.join(',\n'),
    ')',
    'WITH (',
    "   format = 'PARQUET',",
    '   format_version = 2,',
    `   location = 's3://lake/${schema}/${id}',`,
    `   partitioning = ARRAY[${specOf({ s }, id, layout).map((p) => `'${p}'`).join(',')}]`,
    ')',
  ].join('\n');
}

// Aggregates over the live data files, as Trino evaluates them on the `$files` metadata table.
function filesQuery(ctx: ToolContext, list: string, id: string, layout: TableLayoutState, format: string): Statement {
  const files = liveFiles(layout);
  const bytes = Math.round((layout.smallMb + layout.bigMb) * 1_048_576);
  const records = ctx.state.metrics[`table.${id}.rows`] ?? ctx.state.world.tables[id]?.rows ?? 0;
  const headers: string[] = [];
  const values: string[] = [];
  const items = list.split(',').map((x) => x.trim());
  for (const [i, item] of items.entries()) {
    const m = /^(count\(\*\)|(sum|avg)\((file_size_in_bytes|record_count)\))(?: AS (\w+))?$/i.exec(item);
    if (!m) return { error: `line 1:8: this metadata query answers count(*), sum() and avg() of file_size_in_bytes and record_count, not '${item}'` };
    const fn = (m[2] ?? 'count').toLowerCase();
    const total = m[3]?.toLowerCase() === 'record_count' ? records : bytes;
    const value = fn === 'count' ? String(files) : fn === 'sum' ? String(total) : files > 0 ? (total / files).toFixed(1) : '';
    headers.push(m[4] ?? `_col${i}`);
    values.push(value);
  }
  if (format === 'ALIGNED') return { out: psqlTable(headers, [values], values.map(() => true)) };
  const csv = (row: string[]) => row.map((v) => `"${v}"`).join(',');
  return { out: format === 'CSV_HEADER' ? `${csv(headers)}\n${csv(values)}` : csv(values) };
}

function setPartitioning(ctx: ToolContext, id: string, array: string): Statement {
  const fields = [...array.matchAll(/'([^']*)'/g)].map((x) => (x[1] as string).replace(/\s+/g, ''));
  const roles = tableRoles(ctx.s, id);
  const event = roles?.event ?? 'event_ts';
  const columns = new Set((roles?.columns ?? []).map((c) => c.name));
  const time = fields.find((x) => /^(day|hour)\(/.test(x));
  const bucket = fields.map((x) => /^bucket\((\w+),(\d+)\)$/.exec(x)).find((x) => x !== null);
  const known = fields.every((x) => /^(day|hour)\(\w+\)$/.test(x) || /^bucket\(\w+,\d+\)$/.test(x));
  const usage = `the sink writes partition specs ['day(${event})'], ['hour(${event})'] or ['hour(${event})', 'bucket(<column>, <n>)']`;
  if (!known || fields.length === 0 || !time || time.slice(time.indexOf('(') + 1, -1) !== event) return { error: `Invalid partitioning ${`[${array}]`}: ${usage}` };
  if (bucket && !columns.has(bucket[1] as string)) return { error: `Column '${bucket[1]}' specified in partitioning not found in table` };
  const partitionBy = time.startsWith('hour') ? (bucket ? 'hour-and-key' : 'hour') : bucket ? null : 'day';
  if (partitionBy === null) return { error: `Invalid partitioning [${array}]: ${usage}` };
  const effect: Effect = { op: 'table.set-layout', table: id, partitionBy, ...(bucket ? { keyCardinality: Number(bucket[2]) } : {}) };
  return { out: 'SET PROPERTIES', effects: [effect], changed: `${id}: partitioning = [${fields.join(', ')}] for new data` };
}

// `file_size_threshold => '32MB'`, `retention_threshold => '7d'`: named procedure arguments.
function namedArgs(text: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const part of text.split(',').map((x) => x.trim()).filter(Boolean)) {
    const m = /^(\w+)\s*=>\s*'([^']*)'$/.exec(part);
    if (!m) return null;
    out[(m[1] as string).toLowerCase()] = m[2] as string;
  }
  return out;
}

// A data size as Trino reads it: 32MB, 128MB, 1GB.
function sizeMb(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*(kB|MB|GB)$/i.exec(text.trim());
  if (!m) return null;
  const unit = (m[2] as string).toUpperCase();
  return Number(m[1]) * (unit === 'GB' ? 1024 : unit === 'KB' ? 1 / 1024 : 1);
}

function tableProcedure(id: string, layout: TableLayoutState, name: string, argsText: string): Statement {
  const args = namedArgs(argsText);
  if (args === null) return { error: `line 1:1: procedure arguments are named: ${name}(file_size_threshold => '32MB')` };
  if (name === 'optimize') {
    const threshold = sizeMb(args.file_size_threshold ?? '100MB');
    if (threshold === null) return { error: `Invalid file_size_threshold '${args.file_size_threshold}': give a data size such as 32MB` };
    if (layout.compaction) return { error: `optimize of ${id} is already running; wait for it to finish` };
    const smallAvgMb = layout.smallFiles > 0 ? layout.smallMb / layout.smallFiles : 0;
    if (layout.smallFiles === 0 || smallAvgMb >= threshold) return { out: 'ALTER TABLE EXECUTE\n# no files under the threshold; nothing to rewrite' };
    return { out: `ALTER TABLE EXECUTE\n# optimize submitted: rewriting ${layout.smallFiles.toLocaleString('en-US')} files under ${threshold} MB at about ${optimizeMbPerS} MB/s`, effects: [{ op: 'table.compact', table: id, mbPerS: optimizeMbPerS, targetFileMb: layout.targetFileMb }], changed: `${id}: optimize (files under ${threshold} MB) started` };
  }
  if (name === 'expire_snapshots' || name === 'remove_orphan_files') {
    // Every live file is referenced by the current snapshot: only compaction makes files unreferenced.
    return { out: `ALTER TABLE EXECUTE\n# ${name}: ${layout.compaction ? 'files compaction replaced stay referenced until it commits' : 'every data file is referenced by the current snapshot; nothing to delete'}` };
  }
  return { error: `line 1:1: Procedure not registered: ${catalog}.system.${name} (table procedures: optimize, expire_snapshots, remove_orphan_files)` };
}

function complete(_n: ShellNames, before: readonly string[]): readonly string[] {
  if (before.at(-1) === '--output-format') return ['ALIGNED', 'CSV', 'CSV_HEADER'];
  return ['--execute', '--help', '--output-format'];
}

/** The Trino CLI against the lakehouse's Iceberg tables: query profiles, file metadata, partition specs and table maintenance. */
export const trino: Tool = {
  name: 'trino',
  summary: 'query profiles, data files, partition specs and maintenance of the Iceberg tables',
  durationS: (args) => (args.some((a) => /EXPLAIN ANALYZE/i.test(a)) ? 30 : args.some((a) => /EXECUTE \w+\s*\(|SET PROPERTIES/i.test(a)) ? 10 : 3),
  run,
  complete,
};
