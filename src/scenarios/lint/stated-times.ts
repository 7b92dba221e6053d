import { localSeconds } from '../../engine/wall-clock.ts';
import type { ScenarioProblem } from '../cross-references.ts';
import type { Scenario } from '../schema/index.ts';
import { runLabel, sectionPath, type LintRun, type LintRule } from './lint-context.ts';

/** A clock time a text states: where it sits, what it says, and how precisely. */
export interface StatedTime {
  /** Seconds after midnight on the scenario's wall clock. */
  secondsOfDay: number;
  /** As written: `09:55:05`, `~09:55`. */
  text: string;
  /** How far from the event it may be and still agree: a second-precise log stamp, a minute, or "about". */
  toleranceS: number;
}

// A log-like line: a clock time first, then the event (`09:55:05  checkout-svc  5.12.0  deployed …`).
const lineStart = /^\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s/;
// A time in prose: "since about 09:52", "at ~08:50", "shipped at 11:18", "since 09:40". A sentence that opens with
// "At 12:15" usually announces what will happen, so it is left alone.
const inProse = /(~\s?|\babout |\baround |\bsince |\bat )(\d{1,2}):(\d{2})(?::(\d{2}))?\b/g;

const seconds = (h: string, m: string, s: string | undefined) => Number(h) * 3600 + Number(m) * 60 + Number(s ?? 0);

/** The event times a log-like text states, one per line that starts with a clock time. */
export function lineTimes(body: string): StatedTime[] {
  return body.split('\n').flatMap((line) => {
    const m = lineStart.exec(line);
    if (!m || Number(m[1]) > 23) return [];
    return [{ secondsOfDay: seconds(m[1] as string, m[2] as string, m[3]), text: line.trim().split(/\s+/)[0] as string, toleranceS: m[3] === undefined ? 90 : 60 }];
  });
}

/** The event times prose states: approximate ones ("about", "~") may be five minutes off, "at 09:55" a minute and a half. */
export function proseTimes(text: string): StatedTime[] {
  return [...text.matchAll(inProse)].flatMap((m) => {
    if (Number(m[2]) > 23) return [];
    const approximate = /~|about|around/.test(m[1] as string);
    return [{ secondsOfDay: seconds(m[2] as string, m[3] as string, m[4]), text: `${m[1]}${m[2]}:${m[3]}${m[4] ? `:${m[4]}` : ''}`.trim(), toleranceS: approximate ? 300 : m[4] === undefined ? 90 : 60 }];
  });
}

// Seconds between two times of day, across midnight.
const apart = (a: number, b: number) => {
  const d = Math.abs(a - b) % 86_400;
  return Math.min(d, 86_400 - d);
};

const clock = (local: number) => {
  const s = ((local % 86_400) + 86_400) % 86_400;
  return [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60].map((n) => String(n).padStart(2, '0')).join(':');
};

/** A text a scenario shows, with the path that names it and the fault it describes, if it is a fault's case. */
interface Statement {
  path: string;
  times: StatedTime[];
  /** A text reveal's case shown after this fault: it must state that fault's time. */
  describes?: string;
}

function statements(base: Scenario, run: LintRun): Statement[] {
  const out: Statement[] = [];
  base.actions.forEach((a, i) =>
    a.reveals.forEach((r, j) => {
      if (r.kind !== 'text') return;
      out.push({ path: `actions.${i}.reveals.${j}.body`, times: lineTimes(r.body) });
      r.cases?.forEach((c, k) => out.push({ path: `actions.${i}.reveals.${j}.cases.${k}.body`, times: lineTimes(c.body), describes: c.afterFault }));
    }),
  );
  const variant = base.variants[run.variantIndex];
  base.messages.forEach((m, i) => out.push({ path: `messages.${i}.text`, times: proseTimes(m.text) }));
  variant?.messages?.forEach((m, i) => out.push({ path: `variants.${run.variantIndex}.messages.${i}.text`, times: proseTimes(m.text) }));
  const walkthrough = sectionPath(base, run.variantIndex, 'walkthrough');
  run.scenario.walkthrough.forEach((step, i) => {
    const c = step.command;
    if (c.type === 'comms.post') out.push({ path: `${walkthrough}.${i}.command.text`, times: proseTimes(c.text) });
    if (c.type === 'postmortem.submit') out.push({ path: `${walkthrough}.${i}.command.rootCause`, times: proseTimes(c.rootCause) });
  });
  out.push({ path: `${sectionPath(base, run.variantIndex, 'rootCause')}.statement`, times: proseTimes(run.scenario.rootCause.statement) });
  return out;
}

/**
 * The problems of one run's stated times. A time inside a fault's window (its time, give or take
 * the seed's jitter and a minute) tells that fault's story, so it must agree with the fault
 * whatever time the seed picks; a fault's case text that states times must state that fault's.
 */
export function statedTimeProblems(base: Scenario, run: LintRun): ScenarioProblem[] {
  const s = run.scenario;
  const faults = s.faults.map((f) => ({ id: f.id, nominal: localSeconds(s.clock, f.atS), jitterS: f.jitterS }));
  // How far a stated time can be from the fault's moment, over every time the seed may pick.
  const worst = (x: StatedTime, f: (typeof faults)[number]) => apart(x.secondsOfDay, f.nominal) + f.jitterS;
  const range = (f: (typeof faults)[number]) => (f.jitterS > 0 ? `between ${clock(f.nominal - f.jitterS)} and ${clock(f.nominal + f.jitterS)} (the seed picks; give it jitterS: 0 or state no time)` : `at ${clock(f.nominal)}`);
  const where = `model run ${runLabel(base, run)}`;
  const problems: ScenarioProblem[] = [];
  for (const st of statements(base, run)) {
    const described = st.describes === undefined ? undefined : faults.find((f) => f.id === st.describes);
    if (described && st.times.length > 0 && !st.times.some((x) => worst(x, described) <= x.toleranceS)) {
      problems.push({ path: st.path, message: `is shown after fault "${described.id}" but states none of its times: it happens ${range(described)} (${where})` });
      continue;
    }
    for (const x of st.times) {
      const near = faults.filter((f) => apart(x.secondsOfDay, f.nominal) <= f.jitterS + 60);
      if (near.length === 0 || near.some((f) => worst(x, f) <= x.toleranceS)) continue;
      const f = near[0] as (typeof faults)[number];
      problems.push({ path: st.path, message: `states ${x.text}, but fault "${f.id}" happens ${range(f)} (${where})` });
    }
  }
  return problems;
}

/** Every time a scenario's texts state for an event agrees with when the world does it, at every level and in every variant. */
export const statedTimesAgree: LintRule = ({ base, runs }) => {
  const seen = new Set<string>();
  const problems: ScenarioProblem[] = [];
  for (const run of runs()) {
    if (run.policy !== 'model') continue;
    for (const p of statedTimeProblems(base, run)) {
      // One report per text and time: the first run that disagrees says enough.
      const key = `${p.path}:${p.message.split(' (model run')[0]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push(p);
    }
  }
  return problems;
};
