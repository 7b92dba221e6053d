import type { Command, Scenario } from '../../scenarios/schema';
import { availableActions } from '../action-availability';
import { componentChoices, seenTexts } from '../diagnosis';
import { mechanismIds } from '../../scenarios/schema/cause-taxonomy';
import { shellNames } from '../terminal/platform';
import { stageOf } from '../flow/session-machine';
import type { SimState } from '../state';
import { nextFloat, nextInt, seedRng, type RngHolder } from '../rng';
import { BotTable, type BotRun } from './play';

function pick<T>(rng: RngHolder, items: readonly T[]): T | undefined {
  return items.length === 0 ? undefined : items[nextInt(rng, 0, items.length - 1)];
}

// Command lines a responder plausibly types, over the platform's own names.
function plausibleLine(s: Scenario, rng: RngHolder): string | undefined {
  const n = shellNames(s);
  const lines = [
    ...n.groups.map((g) => `kafka-consumer-groups --bootstrap-server kafka:9092 --describe --group ${g}`),
    ...n.deployments.map((d) => `kubectl logs deploy/${d} --since=30m | tail -40`),
    ...n.dags.map((d) => `airflow dags list-runs -d ${d}`),
    ...n.dashboards.map((d) => `lineage upstream dashboard:${d}`),
    'kubectl get pods',
    'dbt source freshness',
    'curl -s http://flink-jobmanager:8081/jobs/overview',
  ];
  return pick(rng, lines);
}

// A line of something the responder has seen, pinned as evidence whether or not it means anything.
function anySeenLine(rng: RngHolder, state: Pick<SimState, 'outputs' | 'terminal' | 'sql'>): string | undefined {
  return pick(rng, seenTexts(state).flatMap((t) => t.split('\n')).filter((l) => l.trim().length >= 8))?.trim();
}

function randomCommand(s: Scenario, rng: RngHolder, inPrevent: boolean, state: Pick<SimState, 'injects' | 'outputs' | 'terminal' | 'sql'>): Command | undefined {
  if (inPrevent) {
    const followUps = s.prevention.filter(() => nextFloat(rng) < 0.5).map((p) => p.id);
    return { type: 'postmortem.submit', rootCause: 'Something broke upstream.', followUps };
  }
  const r = nextFloat(rng);
  if (r < 0.25) {
    const line = plausibleLine(s, rng);
    return line === undefined ? undefined : { type: 'terminal.run', line };
  }
  if (r < 0.5) {
    // Only what the console offers now: actions gated on an inject stay hidden until it fires.
    const action = pick(rng, availableActions(s, state));
    return action && { type: 'action.start', action: action.id };
  }
  if (r < 0.65) {
    const alert = pick(rng, s.alerts);
    return alert && { type: 'alert.acknowledge', alert: alert.id };
  }
  if (r < 0.73) {
    const component = pick(rng, componentChoices(s));
    const mechanism = pick(rng, mechanismIds);
    const evidence = anySeenLine(rng, state);
    return component && mechanism && evidence ? { type: 'incident.declare-cause', component: component.id, mechanism, evidence: [evidence] } : undefined;
  }
  if (r < 0.8) return { type: 'incident.resolve' };
  if (r < 0.9) return { type: 'comms.post', text: 'Looking into it.', etaS: nextInt(rng, 300, 3600) };
  if (r < 0.94) return { type: 'incident.set-severity', severity: pick(rng, ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const) ?? 'SEV2' };
  if (r < 0.97) return { type: 'hint.reveal' };
  return { type: 'note.add', text: 'Random observation.' };
}

/** Plays random commands at random moments: a baseline that must score clearly below the model. */
export function playRandom(s: Scenario, seed: number, botSeed = seed): BotRun {
  const rng = { rng: seedRng(botSeed ^ 0x5bd1e995) };
  const table = new BotTable(s, seed);
  table.act(s.clock.playerStartS, { type: 'session.start' });
  let t = s.clock.playerStartS;
  while (!table.state.ended) {
    t += nextInt(rng, 10, 240);
    if (t >= s.clock.endS) break;
    const command = randomCommand(s, rng, stageOf(table.state.flow) === 'prevent', table.state);
    if (command) table.act(t, command);
  }
  return table.finish();
}
