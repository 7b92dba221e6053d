import type { ScenarioProblem } from './cross-references.ts';
import type { Effect, Reveal, Scenario } from './schema/index.ts';

/**
 * Checks that late-data and table-layout vocabulary is used on entities that declare the
 * feature: the engine ignores an allowed lateness on a job without event-time windows or a
 * compaction of a table without a layout, so an author should hear about it.
 */
export function checkLakeReferences(s: Scenario): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const windowed = new Set(s.world.jobs.filter((j) => j.allowedLatenessS !== undefined).map((j) => j.id));
  const laidOut = new Set(s.world.tables.filter((t) => t.layout).map((t) => t.id));
  const sinkOf = new Map(s.world.jobs.map((j) => [j.id, j.sink.table]));
  const needsWindows = (job: string, path: string) => {
    if (!windowed.has(job)) problems.push({ path, message: `needs job "${job}" to declare allowedLatenessS (event-time windows)` });
  };
  const needsLayout = (table: string, path: string) => {
    if (!laidOut.has(table)) problems.push({ path, message: `needs table "${table}" to declare a layout` });
  };
  const effect = (e: Effect, path: string) => {
    if (e.op === 'job.reprocess') needsWindows(e.job, `${path}.job`);
    if (e.op === 'job.set' && e.allowedLatenessS !== undefined) needsWindows(e.job, `${path}.allowedLatenessS`);
    if (e.op === 'job.set' && e.commitIntervalS !== undefined) needsLayout(sinkOf.get(e.job) ?? e.job, `${path}.commitIntervalS`);
    if (e.op === 'table.set-layout' || e.op === 'table.compact' || e.op === 'table.set-query') needsLayout(e.table, `${path}.table`);
  };
  const reveal = (r: Reveal, path: string) => {
    if (r.kind === 'late-events') needsWindows(r.job, `${path}.job`);
    if (r.kind === 'table-files' || r.kind === 'query-profile') needsLayout(r.table, `${path}.table`);
  };
  s.faults.forEach((f, i) => f.effects.forEach((e, j) => effect(e, `faults.${i}.effects.${j}`)));
  s.variants.forEach((v, k) => (v.faults ?? []).forEach((f, i) => f.effects.forEach((e, j) => effect(e, `variants.${k}.faults.${i}.effects.${j}`))));
  s.injects.forEach((inj, i) => inj.effects.forEach((e, j) => effect(e, `injects.${i}.effects.${j}`)));
  s.actions.forEach((a, i) => {
    a.effects.forEach((e, j) => effect(e, `actions.${i}.effects.${j}`));
    a.reveals.forEach((r, j) => reveal(r, `actions.${i}.reveals.${j}`));
  });
  s.world.tables.forEach((t, i) => {
    const key = t.layout?.keyColumn;
    if (key !== undefined && !t.columns.includes(key)) problems.push({ path: `world.tables.${i}.layout.keyColumn`, message: `"${key}" is not one of the table's columns (${t.columns.join(', ')})` });
  });
  s.world.producers.forEach((p, i) => {
    if (p.lateShare !== undefined && p.lateByS === undefined) problems.push({ path: `world.producers.${i}.lateByS`, message: 'is needed with lateShare: how late do the late events arrive?' });
  });
  return problems;
}
