import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { ScenarioProblem } from '../../src/scenarios/cross-references';
import { lintContext } from '../../src/scenarios/lint/lint-context';
import { lintRules, lintScenario } from '../../src/scenarios/lint/lint-scenario';
import { loadScenario } from '../../src/scenarios/load-scenario';
import { scenarioSchema, type Scenario } from '../../src/scenarios/schema';
import { validateScenarioText } from '../../src/scenarios/validate-scenario';
import { logStreamProblems } from '../../src/scenarios/lint/logs-in-order';
import { lineTimes, proseTimes } from '../../src/scenarios/lint/stated-times';
import { playBot } from '../../src/engine';
import { scenarioRun } from '../support/sim-harness';
import { repoRoot } from '../../scripts/lib/builtin-scenarios';

type Doc = z.input<typeof scenarioSchema>;
const exampleText = readFileSync(join(repoRoot, 'docs/examples/flash-sale-lag.yaml'), 'utf8');

/** The lint-clean example with one change, loaded (it must still pass the schema and cross-references). */
function scenarioWith(change: (doc: Doc) => void): Scenario {
  const doc = parse(exampleText) as Doc;
  change(doc);
  const loaded = loadScenario(stringify(doc));
  if (!loaded.ok) throw new Error(`the mutated example no longer loads: ${JSON.stringify(loaded.problems)}`);
  return loaded.scenario;
}

function find<T extends { id: string }>(items: T[] | undefined, id: string): T {
  const item = items?.find((x) => x.id === id);
  if (!item) throw new Error(`the example has no "${id}"; update lint-rules.test.ts`);
  return item;
}

/** Runs every rule on the scenario, so a test can say which rule complained and that no other did. */
function problemsByRule(s: Scenario): Record<string, ScenarioProblem[]> {
  const ctx = lintContext(s);
  return Object.fromEntries(Object.entries(lintRules).map(([name, rule]) => [name, rule(ctx)]));
}

/** Asserts that only `rule` reports, and that it reports this problem. */
function expectOnly(s: Scenario, rule: string, expected: { path: string; message: string | RegExp }): void {
  const byRule = problemsByRule(s);
  for (const [name, problems] of Object.entries(byRule)) if (name !== rule) expect(problems, `rule ${name}`).toEqual([]);
  expect(byRule[rule]).toContainEqual({
    path: expected.path,
    message: typeof expected.message === 'string' ? expect.stringContaining(expected.message) : expect.stringMatching(expected.message),
  });
}

const variant = { id: 'big-sale', label: 'The sale is bigger than forecast' };

describe('the lint rules on the worked example', () => {
  it('find nothing wrong with the example itself', () => {
    const loaded = loadScenario(exampleText);
    expect(loaded.ok && lintScenario(loaded.scenario)).toEqual([]);
  });

  it('run fast enough to check a file on import (under a second once warm, with room for a busy machine)', () => {
    const loaded = loadScenario(exampleText);
    if (!loaded.ok) throw new Error('example does not load');
    lintScenario(loaded.scenario);
    const started = performance.now();
    lintScenario(loaded.scenario);
    expect(performance.now() - started).toBeLessThan(2500);
  });
});

describe('variantReferences: every name a variant uses resolves', () => {
  it('reports a variant whose root cause names a component the platform does not have', () => {
    const s = scenarioWith((doc) => {
      doc.variants = [{ ...variant, rootCause: { components: ['job:gremlins'], mechanisms: ['under-provisioned'], evidence: [{ contains: 'gremlin', what: 'Gremlins in the logs.' }], statement: 'Gremlins.' } }];
    });
    expect(lintScenario(s)).toEqual([{ path: 'variants.0.rootCause.components.0', message: 'names job "gremlins", which is not defined' }]);
  });

  it('reports a variant walkthrough that starts an action the scenario does not have', () => {
    const s = scenarioWith((doc) => {
      const walkthrough = structuredClone(doc.walkthrough);
      const step = walkthrough[6];
      if (!step) throw new Error('no step 6');
      step.command = { type: 'action.start', action: 'scale-sink-to-100' };
      doc.variants = [{ ...variant, walkthrough }];
    });
    expect(lintScenario(s)).toEqual([{ path: 'variants.0.walkthrough.6.command.action', message: 'names action "scale-sink-to-100", which is not defined' }]);
  });

  it('reports a variant verdict for an action that does not exist, and repeated variant ids', () => {
    const s = scenarioWith((doc) => {
      doc.variants = [
        { ...variant, verdicts: { 'restart-everything': { kind: 'harmful', why: 'No.' } } },
        { ...variant, label: 'again' },
      ];
    });
    expect(lintScenario(s)).toEqual([
      { path: 'variants.0.verdicts.restart-everything', message: 'names action "restart-everything", which is not defined' },
      { path: 'variants.1.id', message: 'repeats the variant id "big-sale"' },
    ]);
  });

  it('reports a message a variant adds from someone who is not a stakeholder', () => {
    const s = scenarioWith((doc) => {
      doc.variants = [{ ...variant, messages: [{ id: 'cfo-asks', from: 'cfo', text: 'Numbers?', trigger: { atS: 300 } }] }];
    });
    expect(lintScenario(s)).toEqual([{ path: 'variants.0.messages.0.from', message: 'names stakeholder "cfo", which is not defined' }]);
  });

  it('accepts a well-formed variant', () => {
    const s = scenarioWith((doc) => {
      doc.variants = [{ ...variant, rootCause: { ...doc.rootCause, statement: 'Bigger sale, same cause.' } }];
    });
    expect(lintScenario(s)).toEqual([]);
  });
});

describe('phasesReachable: the walkthrough covers every phase and the model reaches each milestone', () => {
  it('reports a walkthrough with no verify step', () => {
    const s = scenarioWith((doc) => {
      for (const step of doc.walkthrough) if (step.phase === 'verify') step.phase = 'mitigate';
    });
    expectOnly(s, 'phasesReachable', { path: 'walkthrough', message: 'has no step in phase "verify"' });
  });

  it('reports a walkthrough that never declares the right root cause', () => {
    const s = scenarioWith((doc) => {
      const step = doc.walkthrough.find((w) => w.command.type === 'incident.declare-cause');
      if (step) step.command = { type: 'note.add', text: 'Probably capacity.' };
    });
    expectOnly(s, 'phasesReachable', { path: 'walkthrough', message: /does not reach the diagnosed milestone .* \(at level easy; at level normal; at level hard\)$/ });
  });
});

describe('modelResolves: the model walkthrough resolves the incident at every level', () => {
  it('reports a walkthrough command the engine refuses, with the step it came from', () => {
    const s = scenarioWith((doc) => {
      const ack = doc.walkthrough[0];
      if (!ack) throw new Error('no step 0');
      doc.walkthrough.splice(1, 0, { ...ack, atS: ack.atS + 5 });
    });
    expectOnly(s, 'modelResolves', { path: 'walkthrough.1.command', message: 'is refused when the model plays it: alert "checkouts-freshness" is already acknowledged' });
  });

  it('reports the resolution checks that still fail when the model resolves too early', () => {
    const s = scenarioWith((doc) => {
      const resolve = doc.walkthrough.find((w) => w.command.type === 'incident.resolve');
      if (resolve) resolve.command = { type: 'note.add', text: 'Waiting for the backlog.' };
      doc.walkthrough.splice(8, 0, { atS: 300, phase: 'verify', command: { type: 'incident.resolve' }, why: 'Too early.' });
    });
    const problems = problemsByRule(s).modelResolves ?? [];
    expect(problems).toContainEqual({ path: 'resolvedWhen.1', message: expect.stringContaining('still fails when the model resolves: "checkout-sink has not caught up') });
    expect(problems).toContainEqual({ path: 'walkthrough.13.command', message: expect.stringContaining('the postmortem comes after the incident is resolved') });
  });

  it('reports records the model run loses', () => {
    const s = scenarioWith((doc) => {
      const step = doc.walkthrough.find((w) => w.command.type === 'terminal.run' && w.command.line.includes('"tasks.max":"12"'));
      const at = doc.walkthrough.indexOf(step as never);
      const reset = (line: string, atS: number) => ({ atS, phase: 'mitigate' as const, command: { type: 'terminal.run' as const, line }, why: 'Catch up.' });
      doc.walkthrough.splice(at + 1, 0, reset('kubectl scale deployment/checkout-sink --replicas=0', 230), reset('kafka-consumer-groups --bootstrap-server kafka:9092 --group connect-checkout-sink --reset-offsets --all-topics --to-latest --execute', 300), reset('kubectl scale deployment/checkout-sink --replicas=12', 330));
      doc.resolvedWhen = doc.resolvedWhen.filter((c) => !('metric' in c.when && c.when.metric === 'records.lost'));
    });
    expect(problemsByRule(s).modelResolves).toContainEqual({ path: 'walkthrough', message: expect.stringMatching(/^loses \d+ records when the model plays it/) });
  });
});

describe('redHerringEvidence: every red herring has evidence the player can see', () => {
  it('reports a red herring without evidence', () => {
    const s = scenarioWith((doc) => {
      delete find(doc.actions, 'ask-web-rollback').verdict.evidence;
    });
    expectOnly(s, 'redHerringEvidence', { path: 'actions.2.verdict', message: 'makes "ask-web-rollback" a red herring with no evidence' });
  });

  it('reports evidence that names nothing in the scenario', () => {
    const s = scenarioWith((doc) => {
      find(doc.actions, 'ask-web-rollback').verdict.evidence = ['broker-dashboard'];
    });
    expectOnly(s, 'redHerringEvidence', { path: 'actions.2.verdict.evidence.0', message: 'names "broker-dashboard", which is no alert, message or action' });
  });

  it('reports evidence that the player can never see (a message nothing sends)', () => {
    const s = scenarioWith((doc) => {
      doc.messages?.push({ id: 'rumour', from: 'web-lead', text: 'Someone said the brokers are slow.', trigger: { manual: true } });
      find(doc.actions, 'ask-web-rollback').verdict.evidence = ['rumour'];
    });
    const problems = problemsByRule(s);
    expect(problems.redHerringEvidence).toEqual([{ path: 'actions.2.verdict.evidence.0', message: 'names message "rumour", which is never sent, so the player never sees this evidence' }]);
  });

  it('reports a variant verdict that turns an action into a red herring without evidence', () => {
    const s = scenarioWith((doc) => {
      doc.variants = [{ ...variant, verdicts: { 'read-runbook': { kind: 'red-herring', why: 'The runbook is for another kind of lag.' } } }];
    });
    expectOnly(s, 'redHerringEvidence', { path: 'variants.0.verdicts.read-runbook', message: 'makes "read-runbook" a red herring with no evidence' });
  });
});

describe('alertsCanFire: every alert fires in some run', () => {
  it('reports an alert whose threshold is never reached', () => {
    const s = scenarioWith((doc) => {
      doc.alerts.push({ id: 'lag-astronomical', title: 'Lag above a trillion', severity: 'warning', when: { metric: 'job.checkout-sink.lag', op: '>', value: 1e12 }, summary: 'Never.' });
    });
    expectOnly(s, 'alertsCanFire', { path: 'alerts.2.when', message: 'never holds long enough to fire' });
  });

  it('accepts a level-only red-herring alert that fires at its level', () => {
    const s = scenarioWith((doc) => {
      doc.alerts.push({ id: 'dag-queue', title: 'sales_live_refresh tasks queued', severity: 'warning', levels: ['hard'], when: { metric: 'dag.sales_live_refresh.runningTasks', op: '>=', value: 1 }, summary: 'A task is waiting.' });
    });
    expect(lintScenario(s)).toEqual([]);
  });

  it('reports a level-only alert that cannot fire at its level, naming the level', () => {
    const s = scenarioWith((doc) => {
      doc.alerts.push({ id: 'sink-restarts', title: 'checkout-sink restarting', severity: 'warning', levels: ['hard'], when: { metric: 'job.checkout-sink.restarts', op: '>=', value: 3 }, summary: 'Restarts.' });
    });
    expectOnly(s, 'alertsCanFire', { path: 'alerts.2.when', message: 'never holds long enough to fire at level hard' });
  });
});

describe('messagesCanArrive: every stakeholder message can reach the player', () => {
  it('reports a manual message that nothing sends', () => {
    const s = scenarioWith((doc) => {
      doc.messages?.push({ id: 'cfo-asks', from: 'cmo', text: 'The CFO is asking too.', trigger: { manual: true } });
    });
    expectOnly(s, 'messagesCanArrive', { path: 'messages.5.trigger', message: 'is manual, but no fault, action or inject sends message "cfo-asks"' });
  });

  it('reports a message timed after the session ends', () => {
    const s = scenarioWith((doc) => {
      doc.messages?.push({ id: 'late-thanks', from: 'cmo', text: 'Thanks!', trigger: { atS: 90_000 } });
    });
    expectOnly(s, 'messagesCanArrive', { path: 'messages.5.trigger', message: 'never comes due' });
  });

  it('counts a silence-triggered message as reachable: a player who stays quiet gets it', () => {
    // Longer than any silence in the model's run, and the idle player never acknowledges.
    const s = scenarioWith((doc) => {
      find(doc.messages, 'cmo-chase').trigger = { silenceS: 1200 };
    });
    const ctx = lintContext(s);
    expect(ctx.runs().some((r) => r.state.sentMessages.includes('cmo-chase'))).toBe(false);
    expect(lintRules.messagesCanArrive?.(ctx)).toEqual([]);
  });

  it('reports a message a variant adds that never comes due in that variant', () => {
    const s = scenarioWith((doc) => {
      doc.variants = [{ ...variant, messages: [{ id: 'cfo-late', from: 'cmo', text: 'Too late.', trigger: { atS: 90_000 } }] }];
    });
    expectOnly(s, 'messagesCanArrive', { path: 'variants.0.messages.0.trigger', message: 'never comes due' });
  });

  it('accepts a manual message that an action sends', () => {
    const s = scenarioWith((doc) => {
      doc.messages?.push({ id: 'web-reply', from: 'web-lead', text: 'No schema change on our side.', trigger: { manual: true } });
      find(doc.actions, 'read-runbook').effects = [{ op: 'message.send', message: 'web-reply' }];
    });
    expect(lintScenario(s)).toEqual([]);
  });
});

describe('validateScenarioText: load, cross-references and lint in one call', () => {
  it('accepts the example and returns the scenario', () => {
    const result = validateScenarioText(exampleText, 'flash-sale-lag.yaml');
    expect(result.ok && result.scenario.id).toBe('flash-sale-lag');
  });

  it('returns the loader’s problems for a file that does not load, without linting it', () => {
    expect(validateScenarioText('id: [', 'x.yaml')).toMatchObject({ ok: false, problems: [{ path: '', message: expect.stringContaining('is not valid YAML or JSON') }] });
  });

  it('returns lint problems for a file that loads but does not play', () => {
    const doc = parse(exampleText) as Doc;
    delete find(doc.actions, 'ask-web-rollback').verdict.evidence;
    const result = validateScenarioText(stringify(doc), 'x.yaml');
    expect(result).toEqual({ ok: false, problems: [expect.objectContaining({ path: 'actions.2.verdict' })] });
  });
});

describe('schemaEvolution: the declared schema history is one a registry would hold', () => {
  const v4 = (doc: Doc) => {
    const version = doc.world.subjects?.[0]?.versions[0];
    if (!version) throw new Error('the example has no subject version');
    return version;
  };

  it('reports a schema Avro cannot parse, alone', () => {
    const s = scenarioWith((doc) => {
      v4(doc).schema = { type: 'record', name: 'Checkout', fields: [{ name: 'checkout_id', type: 'strng' }] };
    });
    expect(lintScenario(s)).toEqual([{ path: 'world.subjects.0.versions.0.schema', message: 'is not a valid Avro schema: undefined type name: strng' }]);
  });

  it('reports a later version the subject’s BACKWARD mode would refuse, with the registry’s reason', () => {
    const s = scenarioWith((doc) => {
      const old = v4(doc);
      const fields = [...((old.schema.fields as unknown[]) ?? []), { name: 'coupon', type: 'string' }];
      doc.world.subjects?.[0]?.versions.push({ version: 2, id: 2211, schema: { ...old.schema, fields } });
    });
    expect(lintScenario(s)).toEqual([
      {
        path: 'world.subjects.0.versions.1.schema',
        message: expect.stringContaining("version 2 would be refused by the registry under BACKWARD: {errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'coupon'"),
      },
    ]);
  });
});

describe('schemaEvolution: a subject declares its whole history', () => {
  it('reports versions that do not start at 1 or leave gaps, since the registry lists every version', () => {
    const s = scenarioWith((doc) => {
      const subject = doc.world.subjects?.[0];
      const version = subject?.versions[0];
      if (!subject || !version) throw new Error('the example has no subject version');
      version.version = 4;
      for (const p of doc.world.producers ?? []) p.writerVersion = 4;
      for (const j of doc.world.jobs ?? []) if (j.subject === subject.name) j.pinnedVersion = 4;
    });
    expect(lintScenario(s)).toEqual([
      { path: 'world.subjects.0.versions', message: 'declares versions [4]; the registry lists every version of a subject, so declare its whole history, numbered 1 to 4 without gaps' },
    ]);
  });
});

describe('schemaEvolution: a moved field lands somewhere the schemas know', () => {
  it('reports a producer moving a field into a nested field no version has', () => {
    const s = scenarioWith((doc) => {
      const effects = doc.faults[0]?.effects;
      if (!effects) throw new Error('the example has no fault');
      effects.push({ op: 'producer.set', producer: 'storefront-api', movedFields: [{ field: 'campaign', to: 'context.campaign', fraction: 0.5 }] });
    });
    expect(lintScenario(s)).toEqual([
      { path: 'faults.0.effects.1.movedFields.0', message: 'moves "campaign" to "context.campaign", but no version of subject "checkout-events-value" has both fields' },
    ]);
  });
});

describe('logsInOrder: every log stream is well formed and never runs backwards', () => {
  const s = scenarioRun('avro-schema-break');

  it('passes the logs of a model run', () => {
    const state = playBot(s, 'model', 1).state;
    for (const job of Object.values(state.world.jobs)) expect(logStreamProblems(s, job.logs)).toEqual([]);
  });

  it('reports a stream whose stamps run backwards', () => {
    expect(logStreamProblems(s, [{ t: -60, level: 'INFO', text: 'later' }, { t: -120, level: 'WARN', text: 'earlier' }])).toEqual([expect.stringMatching(/time runs backwards/)]);
  });

  it('keeps milliseconds positive and rising within a second before sim time 0', () => {
    const lines = [0, 1, 2, 3].map(() => ({ t: -79, level: 'INFO' as const, text: 'tick' }));
    expect(logStreamProblems(s, lines)).toEqual([]);
  });

  it('reports a malformed line', () => {
    expect(logStreamProblems(s, [{ t: 0, level: 'INFO', text: '' }])).toEqual([expect.stringMatching(/malformed log line/)]);
  });
});

describe('statedTimesAgree: every event time a text states is when the world does it', () => {
  // The example's sale opens at 11:30, give or take the seed's jitter (60 s at normal, 90 s at hard).
  const withCalendarLine = (line: string) =>
    scenarioWith((doc) => {
      const reveal = find(doc.actions, 'campaign-calendar').reveals?.[0];
      if (reveal?.kind !== 'text') throw new Error('the calendar is no text reveal');
      reveal.body = `${line}\n${reveal.body}`;
    });

  it('reads times from log-like lines and from prose, with the precision they are written at', () => {
    expect(lineTimes('09:55:05  checkout-svc deployed\n  09:56  flag on\nno time here\n25:00  not a time')).toEqual([
      { secondsOfDay: 35_705, text: '09:55:05', toleranceS: 60 },
      { secondsOfDay: 35_760, text: '09:56', toleranceS: 90 },
    ]);
    expect(proseTimes('null since about 09:52; rolled back at ~10:13, shipped at 11:18. At 12:15 the policy changes.').map((t) => [t.text, t.toleranceS])).toEqual([
      ['about 09:52', 300],
      ['~10:13', 300],
      ['at 11:18', 90],
    ]);
  });

  it('reports a deploy-log line that puts a fault at another time', () => {
    const s = withCalendarLine('11:31:45  storefront  flash sale opened');
    expectOnly(s, 'statedTimesAgree', { path: 'actions.1.reveals.0.body', message: 'states 11:31:45, but fault "flash-sale-starts" happens between 11:29:00 and 11:31:00' });
  });

  it('reports an exact time for a fault the seed moves by more than its precision, and accepts it once the fault has no jitter', () => {
    const s = withCalendarLine('11:30:00  storefront  flash sale opened');
    expect(problemsByRule(s).statedTimesAgree).toContainEqual({ path: 'actions.1.reveals.0.body', message: expect.stringMatching(/states 11:30:00, but fault "flash-sale-starts" happens between 11:28:30 and 11:31:30 .*at level hard/) });
    const fixed = scenarioWith((doc) => {
      const reveal = find(doc.actions, 'campaign-calendar').reveals?.[0];
      if (reveal?.kind === 'text') reveal.body = `11:30:00  storefront  flash sale opened\n${reveal.body}`;
      delete find(doc.faults, 'flash-sale-starts').jitterS;
    });
    expect(problemsByRule(fixed).statedTimesAgree).toEqual([]);
  });

  it('reports a stakeholder who dates the fault wrongly, and accepts an approximate time close enough', () => {
    const wrong = scenarioWith((doc) => {
      find(doc.messages, 'cmo-frozen').text = 'The sale has been live since 11:31:50 and the dashboard is frozen.';
    });
    expectOnly(wrong, 'statedTimesAgree', { path: 'messages.0.text', message: 'states since 11:31:50, but fault "flash-sale-starts"' });
    const about = scenarioWith((doc) => {
      find(doc.messages, 'cmo-frozen').text = 'The sale has been live since about 11:31 and the dashboard is frozen.';
    });
    expect(problemsByRule(about).statedTimesAgree).toEqual([]);
  });

  it('reports a text shown after a fault that states times, none of them the fault’s', () => {
    const s = scenarioWith((doc) => {
      const reveal = find(doc.actions, 'campaign-calendar').reveals?.[0];
      if (reveal?.kind === 'text') reveal.cases = [{ afterFault: 'flash-sale-starts', body: '10:05:00  growth-team  banner scheduled\n' }];
    });
    expectOnly(s, 'statedTimesAgree', { path: 'actions.1.reveals.0.cases.0.body', message: 'is shown after fault "flash-sale-starts" but states none of its times' });
  });

  it('reads the model’s own status updates and the root cause statement too', () => {
    const s = scenarioWith((doc) => {
      doc.rootCause.statement = `${doc.rootCause.statement} The sale opened at 11:32.`;
    });
    expectOnly(s, 'statedTimesAgree', { path: 'rootCause.statement', message: 'states at 11:32' });
  });
});
