import type { Scenario } from '../../scenarios/schema';
import { lookup } from '../scenario-lookup';
import type { SimState } from '../state';
import { lateDropShare, lateInputOf } from '../world/late-data';
import { filesPerHour, liveFiles, openPartitions, queryProfile } from '../world/table-layout';
import { formatDuration, timeOfDay } from '../wall-clock';
import { columns, type Printed } from './render-reveal';

// A file size as `ls -h`-style tools print it: KB below a megabyte, MB above.
const size = (mb: number) => (mb >= 1 ? `${mb.toFixed(mb >= 100 ? 0 : 1)} MB` : `${Math.round(mb * 1024)} KB`);
const thousands = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function partitionPath(partitionBy: string, date: string, hour: string, key: number): string {
  if (partitionBy === 'day') return `dt=${date}`;
  if (partitionBy === 'hour') return `event_hour=${date}-${hour}`;
  return `event_hour=${date}-${hour}/key_bucket=${key}`;
}

// A remainder that stays in [0, n) for sim times before 0, as bucket numbers and file sequence numbers do.
const nonNegative = (a: number, n: number) => ((a % n) + n) % n;

/** The table's data files: `aws s3 ls --recursive --summarize` tail plus the Iceberg `files` metadata summary. */
export function tableFilesOutput(s: Scenario, state: SimState, tableId: string): Printed {
  const spec = s.world.tables.find((t) => t.id === tableId);
  const layout = state.world.tables[tableId]?.layout;
  const command = `aws s3 ls s3://lake/analytics/${tableId}/data/ --recursive --summarize | tail -6 && trino -e "SELECT count(*), sum(file_size_in_bytes), avg(file_size_in_bytes), approx_percentile(file_size_in_bytes, 0.5) FROM analytics.\\"${tableId}\\$files\\""`;
  if (!spec || !layout) return { title: `Files of ${tableId}`, command, body: `An error occurred (NoSuchKey): s3://lake/analytics/${tableId}/ has no layout to list` };
  const files = liveFiles(layout);
  const mb = layout.smallMb + layout.bigMb;
  const smallAvgKb = layout.smallFiles > 0 ? (layout.smallMb * 1024) / layout.smallFiles : 0;
  const bigAvgMb = layout.bigFiles > 0 ? layout.bigMb / layout.bigFiles : 0;
  const hour = timeOfDay(s.clock, state.t).slice(0, 2);
  const stamp = `${s.clock.dateAtZero} ${timeOfDay(s.clock, state.t)}`;
  const sample = Array.from({ length: 3 }, (_, i) => {
    const key = nonNegative(i * 37 + state.t, Math.max(1, openPartitions(layout)));
    const bytes = Math.round((smallAvgKb > 0 ? smallAvgKb : bigAvgMb * 1024) * 1024 * (0.8 + 0.15 * i));
    return `${stamp} ${String(bytes).padStart(10)} analytics/${tableId}/data/${partitionPath(layout.partitionBy, s.clock.dateAtZero, hour, key)}/0000${i}-${nonNegative(state.t * 31 + i * 7, 9000) + 1000}-c0a8${i}f.parquet`;
  });
  const summary = columns([
    ['file_count', 'total_size', 'avg_file_size', 'p50_file_size'],
    [thousands(files), `${(mb / 1024).toFixed(1)} GB`, size(files > 0 ? mb / files : 0), layout.smallFiles >= layout.bigFiles ? size(smallAvgKb / 1024) : size(bigAvgMb)],
  ]);
  const lines = [
    ...sample,
    '',
    `Total Objects: ${files}`,
    `   Total Size: ${Math.round(mb * 1_048_576)}`,
    '',
    summary,
    '',
    `# small files (< ${Math.round(layout.targetFileMb / 4)} MB): ${thousands(layout.smallFiles)} (${(layout.smallMb / 1024).toFixed(1)} GB, avg ${smallAvgKb.toFixed(0)} KB)`,
    `# target-size files: ${thousands(layout.bigFiles)} (${(layout.bigMb / 1024).toFixed(1)} GB)`,
    `# partition spec: ${layout.partitionBy === 'hour-and-key' ? `hour(event_ts), bucket(${layout.keyCardinality}, key)` : layout.partitionBy === 'hour' ? 'hour(event_ts)' : 'day(event_ts)'}; commit every ${formatDuration(layout.commitIntervalS)}`,
    `# write.target-file-size-bytes ${Math.round(layout.targetFileMb * 1_048_576)}`,
    `# new files: ~${thousands(filesPerHour(s, state, tableId))} per hour at the current layout and rate`,
    ...(layout.compaction ? [`# rewrite_data_files running: ${(layout.compaction.remainingMb / 1024).toFixed(1)} of ${(layout.compaction.totalMb / 1024).toFixed(1)} GB left`] : []),
  ];
  return { title: `Files of ${tableId}`, command, body: lines.join('\n') };
}

/** The typical dashboard query's profile against a laid-out table, as Trino's query info reports it. */
export function queryProfileOutput(s: Scenario, state: SimState, tableId: string): Printed {
  const spec = s.world.tables.find((t) => t.id === tableId);
  const layout = state.world.tables[tableId]?.layout;
  const command = `trino --execute "EXPLAIN ANALYZE SELECT ... FROM analytics.${tableId} WHERE event_ts >= current_date - INTERVAL '7' DAY GROUP BY 1" --output-format ALIGNED`;
  if (!spec?.layout || !layout) return { title: `Query profile: ${tableId}`, command, body: `Query failed: Table 'analytics.${tableId}' does not exist` };
  const q = queryProfile(spec.layout, layout, filesPerHour(s, state, tableId));
  const id = `${s.clock.dateAtZero.replaceAll('-', '')}_${timeOfDay(s.clock, state.t).replaceAll(':', '')}_${String(nonNegative(state.t, 100000)).padStart(5, '0')}_q7k2p`;
  const wall = q.p95S;
  const lines = [
    `Query ${id}, ${q.timedOut ? 'FAILED' : 'FINISHED'}, ${layout.parallelism} splits in parallel`,
    `Planning: ${q.planningS.toFixed(1)}s (manifest entries read: ${thousands(q.files)}, LIST requests: ${thousands(q.listRequests)})`,
    `Splits: ${thousands(q.splits)} total (one per file), ${size(q.files > 0 ? q.mb / q.files : 0)} average`,
    `Input: ${(q.mb / 1024).toFixed(1)} GB in ${thousands(q.files)} files; file open + footer reads: ${q.openS.toFixed(1)}s of wall time, scan: ${q.scanS.toFixed(1)}s`,
    `Elapsed (p95 of the dashboard's queries, last hour): ${wall.toFixed(1)}s${q.timedOut ? `; exceeded the BI tool's ${formatDuration(spec.layout.query.timeoutS)} timeout` : ''}`,
    ...(q.timedOut ? [`Query exceeded maximum time limit of ${(spec.layout.query.timeoutS / 60).toFixed(2)}m`] : []),
    '',
    columns([
      ['cost_per_day', 'compute', 's3_get', 's3_list', 's3_put', 'total'],
      ['usd', q.costPerDayUsd.compute.toFixed(0), q.costPerDayUsd.get.toFixed(0), q.costPerDayUsd.list.toFixed(2), q.costPerDayUsd.put.toFixed(2), q.costPerDayUsd.total.toFixed(0)],
    ]),
    `# ${thousands(spec.layout.query.perDay)} dashboard queries/day; warehouse $${layout.usdPerComputeS.toFixed(4)} per compute-second; S3 GET $0.0004/1000, LIST $0.005/1000`,
  ];
  return { title: `Query profile: ${tableId}`, command, body: lines.join('\n') };
}

/** Event time vs ingest time of a job's input over the last hour, and what the watermark dropped. */
export function lateEventsOutput(s: Scenario, state: SimState, jobId: string): Printed {
  const spec = lookup(s).job.get(jobId);
  const lw = state.world.jobs[jobId]?.lateWindows;
  const command = `SELECT lateness_bucket, count(*) FROM raw.${(spec?.topic ?? jobId).replaceAll('-', '_')} WHERE ingest_ts >= date_trunc('hour', now()) - INTERVAL '1' HOUR AND ingest_ts < date_trunc('hour', now()) GROUP BY 1 ORDER BY 1;  -- lateness = ingest_ts - event_ts`;
  if (!spec || !lw) return { title: 'Late events', command, body: `ERROR: job "${jobId}" has no event-time windows` };
  const input = lateInputOf(s, state, jobId);
  // The last full hour of arrivals (the current one is still filling).
  const current = Math.floor(state.t / 3600);
  const hour = [...lw.buckets].reverse().find((b) => b.hour < current) ?? lw.buckets[lw.buckets.length - 1];
  const events = hour?.events ?? 0;
  const bins: [string, number, number][] = [
    ['< 1 min', 0, 60],
    ['1–10 min', 60, 600],
    ['10 min–1 h', 600, 3600],
    ['1–3 h', 3600, 10_800],
    ['3–6 h', 10_800, 21_600],
    ['6–12 h', 21_600, 43_200],
    ['> 12 h', 43_200, Infinity],
  ];
  const onTime = 1 - input.share;
  const rows = bins.map(([label, lo, hi]) => {
    const lateShare = input.byS > 0 ? (input.share * Math.max(0, Math.min(hi, input.byS) - lo)) / input.byS : 0;
    const share = (label === '< 1 min' ? onTime : 0) + lateShare;
    return [label, thousands(events * share), `${(share * 100).toFixed(1)}%`];
  });
  const dropShare = lateDropShare(input.byS, lw.allowedLatenessS);
  const lines = [
    columns([['lateness', 'events', 'share'], ...rows]),
    '',
    `# watermark: bounded out-of-orderness 1m; window allowedLateness ${formatDuration(lw.allowedLatenessS)}`,
    '# events later than that are dropped (no side output)',
    `# numLateRecordsDropped (since start): ${thousands(lw.droppedTotal)}; last full hour: ${thousands(hour?.dropped ?? 0)} of ${thousands(events)}`,
    `# at the current lateness, ${(input.share * dropShare * 100).toFixed(1)}% of events miss their window`,
    ...(lw.reprocess ? [`# reprocess from raw running: ${thousands(lw.buckets.filter((b) => b.hour >= (lw.reprocess?.nextHour ?? 0)).reduce((n, b) => n + b.events, 0))} raw events left`] : []),
  ];
  return { title: `Late events: ${jobId}`, command, body: lines.join('\n') };
}

/** What a dashboard adds when its table tracks late data or files: the headline figure (with its provisional marker) and query timeouts. */
export function dashboardLakeLines(s: Scenario, state: SimState, dashboardId: string): string {
  const spec = s.world.dashboards.find((d) => d.id === dashboardId);
  if (!spec) return '';
  const lines: string[] = [];
  if (spec.kpi) {
    const value = state.metrics[`dashboard.${dashboardId}.kpi`] ?? spec.kpi.value;
    const shown = spec.kpi.unit === 'percent' ? `${value.toFixed(spec.kpi.decimals)}%` : spec.kpi.unit === 'usd' ? `$${value.toFixed(spec.kpi.decimals)}` : value.toFixed(spec.kpi.decimals);
    const provisionalS = state.world.tables[spec.table]?.provisionalS ?? 0;
    const marker = provisionalS > 0 ? `  (provisional: the last ${formatDuration(provisionalS)} may still change as late events arrive)` : '';
    lines.push(`  ${spec.kpi.label}: ${shown}${marker}`);
  }
  const layoutSpec = s.world.tables.find((t) => t.id === spec.table)?.layout;
  const layout = state.world.tables[spec.table]?.layout;
  if (layoutSpec && layout) {
    const q = queryProfile(layoutSpec, layout, filesPerHour(s, state, spec.table));
    const tiles = spec.tiles.length > 0 ? spec.tiles.length : 1;
    if (q.timedOut) lines.push(`  ⚠ ${tiles} of ${tiles} tiles failed: Query exceeded maximum time limit of ${(layoutSpec.query.timeoutS / 60).toFixed(2)}m`);
    else if (q.p95S > 60) lines.push(`  ⚠ Tiles load slowly: ${Math.round(q.p95S)}s (p95) per tile`);
    else lines.push(`  Tiles load in ${Math.max(1, Math.round(q.p95S))}s (p95).`);
  }
  return lines.length > 0 ? `\n\n${lines.join('\n')}` : '';
}
