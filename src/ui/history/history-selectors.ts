import { byFinishTime, type AttemptRecord } from './attempt-record';

/** One attempt on a trend chart: its number (1 = first), score and MTTR; null MTTR draws a gap. */
export interface TrendPoint {
  attempt: number;
  score: number;
  mttrMin: number | null;
}

/** A scenario's attempts at one level and what the history screen says about them. */
export interface ScenarioHistory {
  scenarioId: string;
  /** Runs are compared only within a level, so each level of a scenario has its own history. */
  level: AttemptRecord['level'];
  title: string;
  /** Oldest first, as the trend reads. */
  attempts: AttemptRecord[];
  count: number;
  /** The highest score of the player's own runs (an imported one only when there is no other); the earliest one when tied. */
  best: AttemptRecord;
  latest: AttemptRecord;
  /** The shortest MTTR, or null when no attempt has one. */
  fastestMttrS: number | null;
  trend: TrendPoint[];
}

/** Minutes from seconds, to one decimal. */
export function toMinutes(seconds: number): number {
  return Math.round(seconds / 6) / 10;
}

/** `21 min`, `4.5 min`. */
export function formatMinutes(minutes: number): string {
  return `${Number.isInteger(minutes) ? minutes : minutes.toFixed(1)} min`;
}

/**
 * Groups attempts by scenario and level, most recently played first. `titleOf` names a scenario the app
 * still knows (its current title); otherwise the newest saved title is used.
 */
export function scenarioHistories(all: readonly AttemptRecord[], titleOf: (scenarioId: string) => string | undefined = () => undefined): ScenarioHistory[] {
  const groups = new Map<string, AttemptRecord[]>();
  for (const record of [...all].sort(byFinishTime)) {
    const key = `${record.scenarioId}\u0000${record.level}`;
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  }
  const histories = [...groups.values()].map((attempts): ScenarioHistory => {
    const latest = attempts[attempts.length - 1] as AttemptRecord;
    const { scenarioId, level } = latest;
    const own = attempts.filter((r) => !r.imported);
    const best = (own.length > 0 ? own : attempts).reduce((a, b) => (b.score.total > a.score.total ? b : a));
    const savedTitle = [...attempts].reverse().find((r) => r.scenarioTitle !== r.scenarioId)?.scenarioTitle;
    const mttrs = attempts.flatMap((r) => (r.times.mttrS === null ? [] : [r.times.mttrS]));
    return {
      scenarioId,
      level,
      title: titleOf(scenarioId) ?? savedTitle ?? scenarioId,
      attempts,
      count: attempts.length,
      best,
      latest,
      fastestMttrS: mttrs.length > 0 ? Math.min(...mttrs) : null,
      trend: attempts.map((r, i) => ({ attempt: i + 1, score: r.score.total, mttrMin: r.times.mttrS === null ? null : toMinutes(r.times.mttrS) })),
    };
  });
  return histories.sort((a, b) => byFinishTime(b.latest, a.latest));
}

const attemptsText = (n: number) => `${n} attempt${n === 1 ? '' : 's'}`;

/** The score trend in words, for the chart's caption: `Score over 5 attempts: from 42 to 88, best 91.` */
export function scoreTrendText(history: ScenarioHistory): string {
  const { trend, count, best, latest } = history;
  const first = trend[0];
  if (!first || count === 1) return `Score over 1 attempt: ${latest.score.total}.`;
  const bestNote = best.score.total > latest.score.total ? `, best ${best.score.total}` : '';
  return `Score over ${attemptsText(count)}: from ${first.score} to ${latest.score.total}${bestNote}.`;
}

/** The MTTR trend in words, saying how many attempts have no MTTR and why. */
export function mttrTrendText(history: ScenarioHistory): string {
  const { attempts, trend, count } = history;
  const timed = trend.flatMap((p) => (p.mttrMin === null ? [] : [p]));
  const unresolved = attempts.filter((r) => !r.resolved).length;
  const unrecorded = attempts.filter((r) => r.resolved && r.times.mttrS === null).length;
  const gaps = [unresolved > 0 ? `not resolved in ${unresolved}` : '', unrecorded > 0 ? `not recorded for ${unrecorded}` : ''].filter(Boolean).join(', ');
  const tail = gaps ? `; ${gaps}.` : '.';
  const head = `MTTR over ${attemptsText(count)}`;
  const [first] = timed;
  const last = timed[timed.length - 1];
  if (!first || !last) return unresolved === count ? `${head}: not resolved in any.` : `${head}: no MTTR yet${tail}`;
  if (count === 1) return `${head}: ${formatMinutes(first.mttrMin as number)}.`;
  if (timed.length === 1) return `${head}: ${formatMinutes(first.mttrMin as number)} in attempt ${first.attempt}${tail}`;
  return `${head}: from ${formatMinutes(first.mttrMin as number)} to ${formatMinutes(last.mttrMin as number)}${tail}`;
}
