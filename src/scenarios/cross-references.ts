import {
  parseMetricRef,
  type Command,
  type Condition,
  type Effect,
  type Reveal,
  type Scenario,
} from './schema/index.ts';
import { checkLakeReferences } from './lake-references.ts';
import { checkPlanReferences } from './plan-references.ts';

/** A problem found in a scenario that the schema alone cannot see. */
export interface ScenarioProblem {
  path: string;
  message: string;
}

type Ids = Map<string, Set<string>>;

function indexIds(s: Scenario): Ids {
  const w = s.world;
  return new Map<string, Set<string>>([
    ['producer', new Set(w.producers.map((p) => p.id))],
    ['topic', new Set(w.topics.map((t) => t.id))],
    ['subject', new Set(w.subjects.map((x) => x.name))],
    ['job', new Set(w.jobs.map((j) => j.id))],
    ['table', new Set(w.tables.map((t) => t.id))],
    ['dag', new Set(w.dags.map((d) => d.id))],
    ['dashboard', new Set(w.dashboards.map((d) => d.id))],
    ['flag', new Set(w.flags.map((f) => f.id))],
    ['action', new Set(s.actions.map((a) => a.id))],
    ['alert', new Set(s.alerts.map((a) => a.id))],
    ['message', new Set(s.messages.map((m) => m.id))],
    ['stakeholder', new Set(s.stakeholders.map((x) => x.id))],
    ['prevention', new Set(s.prevention.map((p) => p.id))],
    ['inject', new Set(s.injects.map((i) => i.id))],
    ['fault', new Set(s.faults.map((f) => f.id))],
    ['scheduler', new Set(w.scheduler ? [w.scheduler.id] : [])],
  ]);
}

/** Checks that every name a scenario uses is defined, and that the pieces fit together. */
export function checkCrossReferences(s: Scenario): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const ids = indexIds(s);
  const report = (path: string, message: string) => problems.push({ path, message });
  const expect = (kind: string, value: string, path: string) => {
    if (!ids.get(kind)?.has(value)) report(path, `names ${kind} "${value}", which is not defined`);
  };

  checkUnique(s, report);
  checkWorld(s, expect, report);

  const checkCondition = (c: Condition, path: string) => {
    if ('actionDone' in c) return expect('action', c.actionDone, `${path}.actionDone`);
    if ('milestone' in c) return;
    const parsed = parseMetricRef(c.metric);
    if ('error' in parsed) return report(`${path}.metric`, parsed.error);
    if (parsed.kind !== 'records') expect(parsed.kind, parsed.entity, `${path}.metric`);
    if (parsed.column) {
      const table = s.world.tables.find((t) => t.id === parsed.entity);
      if (table && !table.columns.includes(parsed.column)) {
        report(`${path}.metric`, `names column "${parsed.column}", which table "${table.id}" does not have`);
      }
    }
  };
  // A declared component is `kind:id` of something the world defines, the scheduler when there are DAGs, or none.
  const expectComponent = (component: string, path: string) => {
    if (component === 'none') return;
    if (component === 'scheduler') {
      if (s.world.dags.length === 0) report(path, 'names the scheduler, but this platform has no DAGs');
      return;
    }
    const [kind, id] = component.split(':') as [string, string];
    expect(kind, id, path);
  };
  const checkEffect = (e: Effect, path: string) => checkEffectRefs(s, e, path, expect, report);
  const checkReveal = (r: Reveal, path: string) => checkRevealRefs(s, r, path, expect, report);
  const checkCommand = (c: Command, path: string) => {
    if (c.type === 'alert.acknowledge') expect('alert', c.alert, `${path}.alert`);
    if (c.type === 'action.start') expect('action', c.action, `${path}.action`);
    if (c.type === 'incident.declare-cause') expectComponent(c.component, `${path}.component`);
    if (c.type === 'facilitator.inject') expect('inject', c.inject, `${path}.inject`);
    if (c.type === 'postmortem.submit') c.followUps.forEach((f, i) => expect('prevention', f, `${path}.followUps.${i}`));
  };

  s.faults.forEach((f, i) => f.effects.forEach((e, j) => checkEffect(e, `faults.${i}.effects.${j}`)));
  const impactFaults = s.faults.filter((f) => f.startsImpact);
  if (impactFaults.length !== 1) {
    report('faults', `needs exactly one fault with startsImpact: true (found ${impactFaults.length})`);
  }
  s.alerts.forEach((a, i) => checkCondition(a.when, `alerts.${i}.when`));
  if (!s.alerts.some((a) => a.severity === 'page')) report('alerts', 'needs at least one alert with severity "page"');
  s.actions.forEach((a, i) => {
    a.requires.forEach((c, j) => checkCondition(c, `actions.${i}.requires.${j}`));
    a.effects.forEach((e, j) => checkEffect(e, `actions.${i}.effects.${j}`));
    a.reveals.forEach((r, j) => checkReveal(r, `actions.${i}.reveals.${j}`));
    if (a.availableAfter) expect('inject', a.availableAfter.inject, `actions.${i}.availableAfter.inject`);
  });
  s.messages.forEach((m, i) => expect('stakeholder', m.from, `messages.${i}.from`));
  s.communication.replies.forEach((r, i) => expect('stakeholder', r.from, `communication.replies.${i}.from`));
  s.injects.forEach((inj, i) => inj.effects.forEach((e, j) => checkEffect(e, `injects.${i}.effects.${j}`)));
  s.rootCause.components.forEach((c, i) => expectComponent(c, `rootCause.components.${i}`));
  s.mitigatedWhen.forEach((c, i) => checkCondition(c, `mitigatedWhen.${i}`));
  s.resolvedWhen.forEach((c, i) => checkCondition(c.when, `resolvedWhen.${i}.when`));
  s.walkthrough.forEach((step, i) => checkCommand(step.command, `walkthrough.${i}.command`));
  s.walkthrough.forEach((step, i) => {
    const prev = s.walkthrough[i - 1];
    if (prev && step.atS < prev.atS) report(`walkthrough.${i}.atS`, `is ${step.atS}, earlier than the step before it (${prev.atS})`);
    if (step.atS > s.clock.endS) report(`walkthrough.${i}.atS`, `is ${step.atS}, after the session's end (${s.clock.endS})`);
  });
  if (!s.prevention.some((p) => p.correct)) report('prevention', 'needs at least one correct option');
  if (!s.prevention.some((p) => !p.correct)) report('prevention', 'needs at least one distractor (correct: false)');
  problems.push(...checkLakeReferences(s));
  problems.push(...checkPlanReferences(s));
  return problems;
}

function checkUnique(s: Scenario, report: (path: string, message: string) => void) {
  const lists: [string, { id?: string; name?: string }[]][] = [
    ['world.producers', s.world.producers],
    ['world.topics', s.world.topics],
    ['world.subjects', s.world.subjects],
    ['world.jobs', s.world.jobs],
    ['world.tables', s.world.tables],
    ['world.dags', s.world.dags],
    ['world.dashboards', s.world.dashboards],
    ['world.flags', s.world.flags],
    ['faults', s.faults],
    ['alerts', s.alerts],
    ['actions', s.actions],
    ['stakeholders', s.stakeholders],
    ['messages', s.messages],
    ['injects', s.injects],
    ['prevention', s.prevention],
  ];
  for (const [path, items] of lists) {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const key = item.id ?? item.name ?? '';
      if (seen.has(key)) report(`${path}.${i}`, `repeats the id "${key}"`);
      seen.add(key);
    });
  }
}

function checkWorld(
  s: Scenario,
  expect: (kind: string, value: string, path: string) => void,
  report: (path: string, message: string) => void,
) {
  const w = s.world;
  const versionsOf = (subject: string) => w.subjects.find((x) => x.name === subject)?.versions.map((v) => v.version) ?? [];
  w.producers.forEach((p, i) => {
    expect('topic', p.topic, `world.producers.${i}.topic`);
    expect('subject', p.subject, `world.producers.${i}.subject`);
    if (!versionsOf(p.subject).includes(p.writerVersion)) {
      report(`world.producers.${i}.writerVersion`, `is ${p.writerVersion}, not a version of subject "${p.subject}"`);
    }
  });
  w.subjects.forEach((sub, i) => {
    const registered = sub.versions.filter((v) => v.registeredAtS !== undefined);
    if (registered.length === 0) report(`world.subjects.${i}.versions`, 'needs at least one version registered before the scenario (registeredAtS)');
  });
  const writers = new Map<string, string>();
  const claim = (table: string, by: string, path: string) => {
    const existing = writers.get(table);
    if (existing) report(path, `writes table "${table}", which ${existing} already writes`);
    writers.set(table, by);
  };
  w.jobs.forEach((j, i) => {
    expect('topic', j.topic, `world.jobs.${i}.topic`);
    expect('subject', j.subject, `world.jobs.${i}.subject`);
    expect('table', j.sink.table, `world.jobs.${i}.sink.table`);
    claim(j.sink.table, `job "${j.id}"`, `world.jobs.${i}.sink.table`);
    if (!versionsOf(j.subject).includes(j.pinnedVersion)) {
      report(`world.jobs.${i}.pinnedVersion`, `is ${j.pinnedVersion}, not a version of subject "${j.subject}"`);
    }
  });
  w.dags.forEach((d, i) => {
    expect('table', d.sensor.table, `world.dags.${i}.sensor.table`);
    expect('table', d.build.writes, `world.dags.${i}.build.writes`);
    claim(d.build.writes, `DAG "${d.id}"`, `world.dags.${i}.build.writes`);
  });
  w.dashboards.forEach((d, i) => expect('table', d.table, `world.dashboards.${i}.table`));
  w.tables.forEach((t, i) => {
    if (t.landing) claim(t.id, 'an upstream extract (landing)', `world.tables.${i}.landing`);
  });
  w.tables.forEach((t, i) => {
    if (!writers.has(t.id)) report(`world.tables.${i}`, `table "${t.id}" is written by no job and no DAG`);
    for (const column of Object.keys(t.nullBaseline)) {
      if (!t.columns.includes(column)) report(`world.tables.${i}.nullBaseline.${column}`, `names column "${column}", which the table does not have`);
    }
  });
}

function checkEffectRefs(
  s: Scenario,
  e: Effect,
  path: string,
  expect: (kind: string, value: string, path: string) => void,
  report: (path: string, message: string) => void,
) {
  switch (e.op) {
    case 'producer.set': {
      expect('producer', e.producer, `${path}.producer`);
      const producer = s.world.producers.find((p) => p.id === e.producer);
      const subject = s.world.subjects.find((x) => x.name === producer?.subject);
      if (e.writerVersion !== undefined && subject && !subject.versions.some((v) => v.version === e.writerVersion)) {
        report(`${path}.writerVersion`, `is ${e.writerVersion}, not a version of subject "${subject.name}"`);
      }
      return;
    }
    case 'registry.register':
    case 'registry.set-compatibility': {
      expect('subject', e.subject, `${path}.subject`);
      if (e.op === 'registry.register') {
        const subject = s.world.subjects.find((x) => x.name === e.subject);
        if (subject && !subject.versions.some((v) => v.version === e.version)) {
          report(`${path}.version`, `is ${e.version}, not a version declared for subject "${e.subject}"`);
        }
      }
      return;
    }
    case 'job.reset-offsets':
      if (e.to === 'ago' && e.agoS === undefined) report(`${path}.agoS`, 'is required when "to" is "ago"');
      if (e.to === 'time' && e.atS === undefined) report(`${path}.atS`, 'is required when "to" is "time"');
      return expect('job', e.job, `${path}.job`);
    case 'job.restart':
    case 'job.stop':
    case 'job.set':
    case 'job.replay-dlq':
    case 'job.backfill':
    case 'job.reprocess':
      return expect('job', e.job, `${path}.job`);
    case 'table.set-provisional':
    case 'table.set-layout':
    case 'table.compact':
    case 'table.set-query':
    case 'table.drop-partitions':
      return expect('table', e.table, `${path}.table`);
    case 'flag.set':
      return expect('flag', e.flag, `${path}.flag`);
    case 'dag.pause':
    case 'dag.unpause':
      return expect('dag', e.dag, `${path}.dag`);
    case 'message.send':
      return expect('message', e.message, `${path}.message`);
    case 'producer.repair-nulls':
      return expect('producer', e.producer, `${path}.producer`);
    case 'table.set-landing':
    case 'table.land':
      expect('table', e.table, `${path}.table`);
      if (!s.world.tables.find((t) => t.id === e.table)?.landing) report(`${path}.table`, `names table "${e.table}", which has no landing (upstream extract)`);
      return;
    case 'scheduler.set':
      if (!s.world.scheduler) report(path, 'changes the scheduler, but the world declares none (world.scheduler)');
      return;
    case 'dag.set':
    case 'dag.trigger':
    case 'dag.clear':
    case 'dag.rerun':
    case 'dag.backfill':
      return expect('dag', e.dag, `${path}.dag`);
  }
}

function checkRevealRefs(
  s: Scenario,
  r: Reveal,
  path: string,
  expect: (kind: string, value: string, path: string) => void,
  report: (path: string, message: string) => void,
) {
  switch (r.kind) {
    case 'consumer-groups':
    case 'job-logs':
    case 'job-status':
    case 'record-dump':
      return expect('job', r.job, `${path}.job`);
    case 'dag-runs':
      return expect('dag', r.dag, `${path}.dag`);
    case 'registry-versions':
    case 'registry-config':
      return expect('subject', r.subject, `${path}.subject`);
    case 'schema-diff': {
      expect('subject', r.subject, `${path}.subject`);
      const versions = s.world.subjects.find((x) => x.name === r.subject)?.versions.map((v) => v.version) ?? [];
      for (const v of [r.from, r.to]) if (!versions.includes(v)) report(path, `compares version ${v}, which subject "${r.subject}" does not have`);
      return;
    }
    case 'lineage':
    case 'dashboard':
      return expect('dashboard', r.dashboard, `${path}.dashboard`);
    case 'table-check':
    case 'table-files':
    case 'query-profile':
      return expect('table', r.table, `${path}.table`);
    case 'late-events':
      return expect('job', r.job, `${path}.job`);
    case 'registry-subjects':
    case 'scheduler-status':
      return;
    case 'dbt-source-freshness':
      return r.tables.forEach((t, i) => expect('table', t, `${path}.tables.${i}`));
    case 'dbt-test':
      return expect('table', r.table, `${path}.table`);
    case 'text': {
      // A case may name a fault of any root-cause variant, not only the shared timeline.
      const faults = new Set([...s.faults, ...s.variants.flatMap((v) => v.faults ?? [])].map((f) => f.id));
      r.cases?.forEach((c, i) => {
        if (!faults.has(c.afterFault)) report(`${path}.cases.${i}.afterFault`, `names fault "${c.afterFault}", which is not defined`);
      });
      return;
    }
  }
}
