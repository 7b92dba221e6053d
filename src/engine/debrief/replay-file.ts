import { replayFileSchema, type ReplayFile, type Scenario } from '../../scenarios/schema';
import { parTimes } from '../scoring/par';
import { scoreRun, scoringVersion, type ScoreReport } from '../scoring/score-run';
import { finish, replay } from '../session';
import type { SimState } from '../state';
import { stateHash, stateHashMatches } from '../state-hash';
import { prepareRun, runInfo } from '../prepare-run';

/** What importing a replay file gives: the replayed run, or a clear reason for refusing it. */
export type ReplayImport = { ok: true; file: ReplayFile; scenario: Scenario; state: SimState; report: ScoreReport; notice: string | null } | { ok: false; error: string };

/** The scoring version a file was scored under: files from before the version was recorded count as the oldest, 1. */
export function fileScoringVersion(file: Pick<ReplayFile, 'scoringVersion'>): number {
  return file.scoringVersion ?? 1;
}

// A full log of 10,000 entries is about 2 MB of JSON; anything far larger is not a replay.
const maxFileChars = 8_000_000;

/**
 * The replay file of a finished run (`exportedAt` is the host's to add: the engine has no
 * clock). A run still in progress is recorded as if its clock ran out, which is also what
 * replaying its log to the end gives.
 */
export function makeReplayFile(s: Scenario, state: SimState): ReplayFile {
  const final = state.ended ? state : finish(s, state);
  const report = scoreRun(s, final, parTimes(s, final.seed));
  return {
    format: 'firedrill-replay',
    formatVersion: 2,
    scenarioId: s.id,
    scenarioVersion: s.version,
    seed: final.seed,
    level: runInfo(s).level,
    // Who sent each command stays: in a room every seat has its own hands.
    log: final.log.map((e) => ({ at: e.at, command: e.command, ...(e.by !== undefined && { by: e.by }) })),
    score: { total: report.total, maxScore: report.maxScore, grade: report.grade },
    stateHash: stateHash(final),
    scoringVersion,
  };
}

/** The state a replay file stands for: its log replayed on its seed, to the session's end. */
function replayToEnd(s: Scenario, file: ReplayFile): SimState {
  return replay(s, file.seed, file.log, s.clock.endS);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function pathText(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const p of path) {
    if (!isRecord(v) && !Array.isArray(v)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

/** Names what is wrong with a file that fails the schema, field by field (at most three). */
function schemaProblems(raw: unknown, issues: readonly { code: string; path: readonly PropertyKey[]; message: string; keys?: readonly string[] }[]): string {
  const described = issues.slice(0, 3).map((issue) => {
    const where = pathText(issue.path);
    if (issue.code === 'unrecognized_keys' && issue.keys) return `${where ? `"${where}" has` : 'it has'} unexpected field(s) ${issue.keys.map((k) => `"${where ? `${where}.` : ''}${k}"`).join(', ')}`;
    if (issue.code === 'invalid_type' && valueAt(raw, issue.path) === undefined) return `the field "${where}" is missing`;
    return `the field "${where || '(top level)'}" is invalid (${issue.message})`;
  });
  const more = issues.length > 3 ? `, and ${issues.length - 3} more problem(s)` : '';
  return `${described.join('; ')}${more}`;
}

/**
 * Checks and replays an imported replay file. It refuses, with a message that says what is
 * wrong, a file that is not JSON, not a Firedrill replay, malformed (naming the field), for a
 * scenario this copy lacks or has in another version, or whose state hash does not match what
 * its log replays to (edited or corrupt), or whose score does not when it was scored under
 * today's rules. A file scored under an older scoring version opens re-scored by today's rules,
 * with a notice that gives both scores. It never throws.
 */
export function verifyReplayFile(text: string, findScenario: (id: string) => Scenario | undefined): ReplayImport {
  const fail = (error: string): ReplayImport => ({ ok: false, error });
  try {
    if (text.length > maxFileChars) return fail(`This file is too large to be a Firedrill replay (${Math.round(text.length / 1_000_000)} MB; replays are at most a few MB).`);
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      return fail(`This file is not a Firedrill replay: it is not valid JSON (${e instanceof Error ? e.message : String(e)}).`);
    }
    if (!isRecord(raw) || raw.format !== 'firedrill-replay') return fail('This is not a Firedrill replay file: its "format" field should be "firedrill-replay".');
    if (raw.formatVersion === 1) return fail('This replay was written by an earlier Firedrill (file format 1), where root causes were picked from a list; this copy declares them from evidence and cannot replay it.');
    if (typeof raw.formatVersion === 'number' && raw.formatVersion !== 2) return fail(`This replay uses file format version ${raw.formatVersion}; this copy of Firedrill reads format version 2.`);
    const parsed = replayFileSchema.safeParse(raw);
    if (!parsed.success) return fail(`This replay file is damaged: ${schemaProblems(raw, parsed.error.issues)}.`);
    const file = parsed.data;
    const base = findScenario(file.scenarioId);
    if (!base) return fail(`This replay is for the scenario "${file.scenarioId}", which this copy of Firedrill does not have.`);
    if (base.version !== file.scenarioVersion) return fail(`This replay was made for version ${file.scenarioVersion} of “${base.title}”; this copy has version ${base.version}, which would play differently.`);
    const s = prepareRun(base, file.seed, file.level);
    const state = replayToEnd(s, file);
    const report = scoreRun(s, state, parTimes(s, file.seed));
    const claimed = file.score;
    const same = claimed.total === report.total && claimed.grade === report.grade && claimed.maxScore === report.maxScore;
    const version = fileScoringVersion(file);
    // Under the same rules the score must match; under other rules the run must be the same, only judged anew.
    if (version === scoringVersion && !same) return fail(`The file says ${claimed.total} (${claimed.grade}) but replaying its log gives ${report.total} (${report.grade}): it was edited or is corrupt.`);
    if (!stateHashMatches(state, file.stateHash)) return fail(`The file's state hash (${file.stateHash}) does not match what its log replays to (${stateHash(state)}): it was edited or is corrupt.`);
    const notice =
      version === scoringVersion
        ? null
        : `This run scored ${claimed.total} (${claimed.grade}) when it was recorded under scoring v${version}; today's rules (scoring v${scoringVersion}) give ${report.total} (${report.grade}), which is what the debrief shows.`;
    return { ok: true, file, scenario: s, state, report, notice };
  } catch (e) {
    return fail(`This replay could not be checked: ${e instanceof Error ? e.message : String(e)}.`);
  }
}
