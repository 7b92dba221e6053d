import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import type { z } from 'zod';
import type { scenarioSchema } from '../../src/scenarios/schema';

/** A scenario file as its author writes it (before defaults are filled in). */
type ScenarioDoc = z.input<typeof scenarioSchema>;

/** One broken scenario file and the problem the loader must report for it. */
export interface MalformedCase {
  /** What the author (or attacker) did, in words; also the base of the file name. */
  name: string;
  text: string;
  /** The path inside the file that a problem must name ('' for the file as a whole). */
  path: string;
  /** A fragment of that problem's message. */
  message: string | RegExp;
}

const here = dirname(fileURLToPath(import.meta.url));

/** The repository's root folder. */
export const repoRoot = join(here, '..', '..');
export const validFile = 'src/scenarios/avro-schema-break.yaml';
export const validText = readFileSync(join(repoRoot, validFile), 'utf8');

/** The folder of small hand-written broken files. */
export const corpusDir = join(here, 'malformed');

/** A fresh, mutable copy of the valid scenario. */
function validDoc(): ScenarioDoc {
  return parse(validText) as ScenarioDoc;
}

/** The index of the first item matching, failing loudly if the valid scenario no longer has one. */
function indexOf<T>(items: readonly T[] | undefined, what: string, match: (item: T) => boolean): number {
  const i = (items ?? []).findIndex(match);
  if (i < 0) throw new Error(`the valid scenario has no ${what}; update malformed-cases.ts`);
  return i;
}

function item<T>(items: readonly T[] | undefined, i: number): T {
  const found = items?.[i];
  if (found === undefined) throw new Error(`no item ${i}; update malformed-cases.ts`);
  return found;
}

/** Lets a test put a value of the wrong type where the schema expects another. */
function loose(value: object): Record<string, unknown> {
  return value as Record<string, unknown>;
}

/** Parses the valid scenario, applies one mistake and writes it back out as YAML. */
function mutated(name: string, path: string | ((doc: ScenarioDoc) => string), message: string | RegExp, mistake: (doc: ScenarioDoc) => void): MalformedCase {
  const doc = validDoc();
  const expectedPath = typeof path === 'string' ? path : path(doc);
  mistake(doc);
  return { name, text: stringify(doc), path: expectedPath, message };
}

const actionIndex = (doc: ScenarioDoc, id: string) => indexOf(doc.actions, `action "${id}"`, (a) => a.id === id);
const alertIndex = (doc: ScenarioDoc, id: string) => indexOf(doc.alerts, `alert "${id}"`, (a) => a.id === id);
const titleLine = validText.split('\n').findIndex((line) => line.startsWith('title: ')) + 1;

/** Mistakes a scenario author makes, each applied to an otherwise valid scenario. */
export function authorMistakes(): MalformedCase[] {
  return [
    mutated('missing required field title', 'title', 'is missing (expected string)', (doc) => {
      delete loose(doc).title;
    }),
    mutated('version written as a word', 'version', 'expected number, received string', (doc) => {
      loose(doc).version = 'one';
    }),
    mutated('unknown field durationSecs (typo of durationS)', 'actions.0', 'has unknown field "durationSecs"', (doc) => {
      const action = loose(item(doc.actions, 0));
      action.durationSecs = action.durationS;
      delete action.durationS;
    }),
    mutated('difficulty outside the allowed values', 'difficulty', 'expected one of "easy"|"normal"|"hard"', (doc) => {
      loose(doc).difficulty = 'medium';
    }),
    mutated('id with spaces', 'actions.0.id', 'must be 1–64 letters, digits, "_" or "-"', (doc) => {
      item(doc.actions, 0).id = 'open the runbook';
    }),
    mutated('player starts after the session ends', 'clock', 'needs worldStartS ≤ playerStartS < endS', (doc) => {
      doc.clock.playerStartS = doc.clock.endS + 60;
    }),
    mutated('effect with a misspelt op', (doc) => `actions.${actionIndex(doc, 'ask-upstream-rollback')}.effects.0.op`, "Expected 'producer.set'", (doc) => {
      loose(item(item(doc.actions, actionIndex(doc, 'ask-upstream-rollback')).effects, 0)).op = 'job.restat';
    }),
    mutated(
      'action effect names an undefined job',
      (doc) => `actions.${actionIndex(doc, 'ask-upstream-rollback')}.effects.0.job`,
      'names job "orders-enrich", which is not defined',
      (doc) => {
        item(doc.actions, actionIndex(doc, 'ask-upstream-rollback')).effects = [{ op: 'job.restart', job: 'orders-enrich' }];
      },
    ),
    mutated('an incident given a plan to write', 'plan', 'is only for a scenario of kind "decision"', (doc) => {
      doc.plan = {
        sections: [{ id: 'must-have', label: 'Ships', hint: 'What ships.' }],
        topics: [{ id: 'feed', terms: ['feed'] }],
        capacity: { days: 10, committedIn: ['must-have'] },
        sizedWhen: [{ fits: true }],
        rules: [{ when: [{ topic: 'feed' }], message: 'vp-eta' }],
        sendTo: [item(doc.stakeholders, 0).id],
      };
    }),
    mutated('a decision drill with no plan', 'plan', 'is required for a scenario of kind "decision"', (doc) => {
      doc.kind = 'decision';
    }),
    mutated('alert metric names an undefined table', 'alerts.0.when.metric', 'names table "order_fact", which is not defined', (doc) => {
      item(doc.alerts, 0).when = { metric: 'table.order_fact.freshnessS', op: '>', value: 600 };
    }),
    mutated('metric reference without a metric', 'alerts.0.when.metric', /^"table\.orders_fact" should be table\.<id>\.<freshnessS\|rows\|duplicates\|nullRatio[|>]/, (doc) => {
      item(doc.alerts, 0).when = { metric: 'table.orders_fact', op: '>', value: 600 };
    }),
    mutated(
      'null-ratio alert on a column the table does not have',
      (doc) => `alerts.${alertIndex(doc, 'orders-fact-channel-nulls')}.when.metric`,
      'names column "region", which table "orders_fact" does not have',
      (doc) => {
        item(doc.alerts, alertIndex(doc, 'orders-fact-channel-nulls')).when = { metric: 'table.orders_fact.nullRatio:region', op: '>', value: 0.05 };
      },
    ),
    mutated(
      'walkthrough acknowledges an undefined alert',
      (doc) => `walkthrough.${indexOf(doc.walkthrough, 'acknowledge step', (w) => w.command.type === 'alert.acknowledge')}.command.alert`,
      'names alert "nope", which is not defined',
      (doc) => {
        const step = item(doc.walkthrough, indexOf(doc.walkthrough, 'acknowledge step', (w) => w.command.type === 'alert.acknowledge'));
        step.command = { type: 'alert.acknowledge', alert: 'nope' };
      },
    ),
    mutated('walkthrough steps out of order', 'walkthrough.1.atS', 'earlier than the step before it', (doc) => {
      item(doc.walkthrough, 1).atS = 0;
      item(doc.walkthrough, 0).atS = 30;
    }),
    mutated('message from someone who is not a stakeholder', 'messages.0.from', 'names stakeholder "ceo", which is not defined', (doc) => {
      item(doc.messages, 0).from = 'ceo';
    }),
    mutated('root cause on a component the platform does not have', 'rootCause.components.0', 'names job "loose-cable", which is not defined', (doc) => {
      doc.rootCause.components = ['job:loose-cable'];
    }),
    mutated(
      'schema diff against a version the subject does not have',
      (doc) => `actions.${actionIndex(doc, 'read-deploy-log')}.reveals.0`,
      'compares version 9, which subject "orders-value" does not have',
      (doc) => {
        item(doc.actions, actionIndex(doc, 'read-deploy-log')).reveals = [{ kind: 'schema-diff', subject: 'orders-value', from: 7, to: 9 }];
      },
    ),
    mutated('producer writes an undeclared schema version', 'world.producers.0.writerVersion', 'is 9, not a version of subject "orders-value"', (doc) => {
      item(doc.world.producers, 0).writerVersion = 9;
    }),
    mutated('null baseline for a column the table does not have', 'world.tables.0.nullBaseline.region', 'names column "region", which the table does not have', (doc) => {
      item(doc.world.tables, 0).nullBaseline = { channel: 0.004, region: 0.01 };
    }),
    mutated('duplicate action id', (doc) => `actions.${doc.actions.length}`, 'repeats the id "read-runbook"', (doc) => {
      doc.actions.push({ ...item(doc.actions, 0) });
    }),
    mutated('two faults start the impact', 'faults', /^needs exactly one fault with startsImpact: true \(found ([2-9]|\d{2,})\)$/, (doc) => {
      for (const fault of doc.faults) fault.startsImpact = true;
    }),
    mutated('no alert pages anyone', 'alerts', 'needs at least one alert with severity "page"', (doc) => {
      for (const alert of doc.alerts) alert.severity = 'warning';
    }),
    mutated('no distractor among the prevention options', 'prevention', 'needs at least one distractor (correct: false)', (doc) => {
      for (const option of doc.prevention) option.correct = true;
    }),
    mutated(
      'walkthrough starts an action that does not exist',
      (doc) => `walkthrough.${indexOf(doc.walkthrough, 'typed step', (w) => w.command.type === 'terminal.run')}.command.action`,
      'names action "restart-the-world", which is not defined',
      (doc) => {
        item(doc.walkthrough, indexOf(doc.walkthrough, 'typed step', (w) => w.command.type === 'terminal.run')).command = { type: 'action.start', action: 'restart-the-world' };
      },
    ),
    mutated('level typo (hrad)', 'alerts.1.levels.0', 'expected one of "easy"|"normal"|"hard"', (doc) => {
      loose(item(doc.alerts, 1)).levels = ['hrad'];
    }),
    mutated('duplicate alert id', (doc) => `alerts.${doc.alerts.length}`, 'repeats the id "orders-fact-freshness"', (doc) => {
      doc.alerts.push({ ...item(doc.alerts, 0) });
    }),
    mutated('duplicate message id', (doc) => `messages.${doc.messages?.length ?? 0}`, 'repeats the id "vp-eta"', (doc) => {
      doc.messages?.push({ ...item(doc.messages, 0) });
    }),
    mutated('action sends a message that does not exist', (doc) => `actions.${actionIndex(doc, 'ask-upstream-rollback')}.effects.0.message`, 'names message "upstream-replied", which is not defined', (doc) => {
      item(doc.actions, actionIndex(doc, 'ask-upstream-rollback')).effects = [{ op: 'message.send', message: 'upstream-replied' }];
    }),
    mutated('verdict evidence misspelt (evidense)', (doc) => `actions.${actionIndex(doc, 'ask-upstream-rollback')}.verdict`, 'has unknown field "evidense"', (doc) => {
      loose(item(doc.actions, actionIndex(doc, 'ask-upstream-rollback')).verdict).evidense = ['orders-enricher-restarts'];
    }),
    mutated('variant replaces a section variants cannot replace (alerts)', 'variants.0', 'has unknown field "alerts"', (doc) => {
      doc.variants = [loose({ id: 'other-cause', label: 'Another cause', alerts: [] }) as never];
    }),
    {
      name: 'YAML syntax error (colon inside a plain value)',
      text: validText.replace('title: Blank executive dashboard', 'title: Blank: executive dashboard'),
      path: '',
      message: `is not valid YAML or JSON: line ${titleLine}, column`,
    },
    {
      name: 'the same key twice',
      text: validText.replace('title: Blank executive dashboard\n', 'title: Blank executive dashboard\ntitle: Blank dashboard\n'),
      path: '',
      message: 'Map keys must be unique',
    },
  ];
}

/** Nests `depth` levels of `open`/`close` around a value. */
function nested(open: string, close: string, depth: number, inner = ''): string {
  return open.repeat(depth) + inner + close.repeat(depth);
}

/**
 * The valid scenario with one key added at one place. The key is an own property, as a YAML or
 * JSON parser produces it, so even `__proto__` reaches the file as a plain key.
 */
function withKey(key: string, value: unknown, where: (doc: ScenarioDoc) => object): string {
  const doc = validDoc();
  Object.defineProperty(where(doc), key, { value, enumerable: true, configurable: true, writable: true });
  return stringify(doc);
}

const pollute = { polluted: true };

const tooDeep = /^is nested (too deeply to read|more than 64 levels deep)$/;
const reserved = 'uses the reserved key "__proto__"';

/** Inputs built to crash, hang or pollute the loader. */
export function hostileInputs(): MalformedCase[] {
  return [
    { name: 'a 3 MB file', text: `id: big\nhook: ${'a'.repeat(3_000_000)}\n`, path: '', message: 'characters long; the limit is 2000000' },
    { name: '10,000 nested arrays', text: `id: ${nested('[', ']', 10_000)}\n`, path: '', message: tooDeep },
    { name: '10,000 nested flow mappings', text: `id: ${nested('{a: ', '}', 10_000, '1')}\n`, path: '', message: tooDeep },
    { name: '100 nested arrays (parses, then too deep)', text: `id: ${nested('[', ']', 100)}\n`, path: '', message: 'is nested more than 64 levels deep' },
    { name: '__proto__ at the top level', text: withKey('__proto__', pollute, (doc) => doc), path: '__proto__', message: reserved },
    { name: '__proto__ in the world', text: withKey('__proto__', pollute, (doc) => doc.world), path: 'world.__proto__', message: reserved },
    {
      name: '__proto__ in a free-form mapping (null baselines)',
      text: withKey('__proto__', pollute, (doc) => item(doc.world.tables, 0).nullBaseline ?? {}),
      path: 'world.tables.0.nullBaseline.__proto__',
      message: reserved,
    },
    {
      name: '__proto__ deep inside an Avro schema',
      text: withKey('__proto__', pollute, (doc) => item(item(item(doc.world.subjects, 0).versions, 0).schema.fields as object[], 0)),
      path: 'world.subjects.0.versions.0.schema.fields.0.__proto__',
      message: reserved,
    },
    {
      name: 'constructor.prototype at the top level',
      text: withKey('constructor', { prototype: pollute }, (doc) => doc),
      path: '',
      message: 'has unknown field "constructor"',
    },
    {
      name: 'constructor.prototype in an action',
      text: withKey('constructor', { prototype: pollute }, (doc) => item(doc.actions, 0)),
      path: 'actions.0',
      message: 'has unknown field "constructor"',
    },
    { name: 'prototype in the clock', text: withKey('prototype', pollute, (doc) => doc.clock), path: 'clock', message: 'has unknown field "prototype"' },
    { name: 'an id of 10,000 characters', text: validText.replace('id: avro-schema-break\n', `id: ${'a'.repeat(10_000)}\n`), path: 'id', message: 'must be 1–64 letters, digits, "_" or "-"' },
    { name: '<script> as the scenario id', text: validText.replace('id: avro-schema-break\n', "id: '<script>alert(1)</script>'\n"), path: 'id', message: 'must be 1–64 letters, digits, "_" or "-"' },
    {
      name: '<img onerror> as an action id',
      text: validText.replace('  - id: read-runbook\n', `  - id: '<img src=x onerror="window.__pwned=1">'\n`),
      path: 'actions.0.id',
      message: 'must be 1–64 letters, digits, "_" or "-"',
    },
    {
      name: 'right-to-left override hidden in an id',
      text: validText.replace('  - id: read-runbook\n', '  - id: "read\\u202Erunbook"\n'),
      path: 'actions.0.id',
      message: 'must be 1–64 letters, digits, "_" or "-"',
    },
    { name: '100,000 tags in one flow list', text: validText.replace(/^tags: .*$/m, `tags: [${Array.from({ length: 100_000 }, () => 'a').join(', ')}]`), path: 'tags', message: 'Too big: expected array to have <=20 items' },
    {
      name: '__proto__ as a variant verdicts key',
      text: withKey('__proto__', { kind: 'key', why: 'polluted' }, (doc) => {
        doc.variants = [{ id: 'v', label: 'V', verdicts: {} }];
        return item(doc.variants, 0).verdicts ?? {};
      }),
      path: 'variants.0.verdicts.__proto__',
      message: reserved,
    },
    {
      name: '__proto__ in the JSON form of a scenario',
      text: JSON.stringify(parse(validText)).replace('{', '{"__proto__":{"polluted":true},'),
      path: '__proto__',
      message: reserved,
    },
  ];
}

/** The problem each file in the hand-written corpus must report. */
export const corpusExpectations: Record<string, { path: string; message: string | RegExp }> = {
  'empty.yaml': { path: '', message: 'is empty' },
  'whitespace-only.yaml': { path: '', message: 'is empty' },
  'binary-with-nul.bin': { path: '', message: 'is not a text file (it contains NUL bytes)' },
  'not-yaml.yaml': { path: '', message: 'is not valid YAML or JSON: line' },
  'top-level-list.yaml': { path: '', message: 'should be a mapping of scenario fields' },
  'top-level-scalar.yaml': { path: '', message: 'should be a mapping of scenario fields' },
  'tab-indentation.yaml': { path: '', message: 'line 3, column 1: Tabs are not allowed as indentation' },
  'duplicate-key.yaml': { path: '', message: 'line 4, column 1: Map keys must be unique' },
  'two-documents.yaml': { path: '', message: 'multiple documents' },
  'alias-bomb.yaml': { path: '', message: 'Excessive alias count' },
  'self-referencing-alias.yaml': { path: '', message: 'is nested more than 64 levels deep' },
  'prototype-keys.yaml': { path: '__proto__', message: reserved },
  'prototype-keys.json': { path: 'world.__proto__', message: reserved },
  'html-in-ids.yaml': { path: 'id', message: 'must be 1–64 letters, digits, "_" or "-"' },
  'constructor-keys.json': { path: 'world.producers.0', message: 'has unknown field "constructor"' },
};

/** The hand-written corpus files, read as the loader's callers read them (UTF-8 text). */
export function corpusCases(): MalformedCase[] {
  return readdirSync(corpusDir)
    .sort()
    .map((file) => {
      const expected = corpusExpectations[file];
      if (!expected) throw new Error(`tests/scenarios/malformed/${file} has no entry in corpusExpectations`);
      return { name: file, text: readFileSync(join(corpusDir, file), 'utf8'), ...expected };
    });
}

/** A file name for a case, for writing generated cases to disk. */
export function fileNameFor(c: MalformedCase): string {
  return `${c.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.yaml`;
}

/** The worked example of docs/writing-a-scenario.md: valid and lint-clean, the base for lint mistakes. */
export const exampleFile = 'docs/examples/flash-sale-lag.yaml';
export const exampleText = readFileSync(join(repoRoot, exampleFile), 'utf8');

/** Applies one mistake to the lint-clean example; the result still loads, but must fail the lint. */
function lintMutated(name: string, path: string, message: string | RegExp, mistake: (doc: ScenarioDoc) => void): MalformedCase {
  const doc = parse(exampleText) as ScenarioDoc;
  mistake(doc);
  return { name, text: stringify(doc), path, message };
}

function exampleAction(doc: ScenarioDoc, id: string) {
  return item(doc.actions, indexOf(doc.actions, `action "${id}"`, (a) => a.id === id));
}

/** Mistakes the schema and cross-references let through, caught by the lint rules (src/scenarios/lint). */
export function lintMistakes(): MalformedCase[] {
  const variant = { id: 'bigger-sale', label: 'The sale is bigger than forecast' };
  return [
    lintMutated('variant with a root cause on an unknown component', 'variants.0.rootCause.components.0', 'names job "gremlins", which is not defined', (doc) => {
      doc.variants = [{ ...variant, rootCause: { components: ['job:gremlins'], mechanisms: ['under-provisioned'], evidence: [{ contains: 'gremlin', what: 'Gremlins in the logs.' }], statement: 'Gremlins.' } }];
    }),
    lintMutated('variant walkthrough references a missing action', 'variants.0.walkthrough.6.command.action', 'names action "scale-to-100", which is not defined', (doc) => {
      const walkthrough = structuredClone(doc.walkthrough);
      item(walkthrough, 6).command = { type: 'action.start', action: 'scale-to-100' };
      doc.variants = [{ ...variant, walkthrough }];
    }),
    lintMutated('variant verdict for an action that does not exist', 'variants.0.verdicts.restart-everything', 'names action "restart-everything", which is not defined', (doc) => {
      doc.variants = [{ ...variant, verdicts: { 'restart-everything': { kind: 'harmful', why: 'No.' } } }];
    }),
    lintMutated('red herring without evidence', 'actions.2.verdict', 'makes "ask-web-rollback" a red herring with no evidence', (doc) => {
      delete exampleAction(doc, 'ask-web-rollback').verdict.evidence;
    }),
    lintMutated('red herring evidence names nothing', 'actions.2.verdict.evidence.0', 'names "broker-dashboard", which is no alert, message or action', (doc) => {
      exampleAction(doc, 'ask-web-rollback').verdict.evidence = ['broker-dashboard'];
    }),
    lintMutated('unreachable message (manual, sent by nothing)', 'messages.5.trigger', 'is manual, but no fault, action or inject sends message "cfo-asks"', (doc) => {
      doc.messages?.push({ id: 'cfo-asks', from: 'cmo', text: 'The CFO is asking too.', trigger: { manual: true } });
    }),
    lintMutated('alert that can never fire', 'alerts.2.when', 'never holds long enough to fire', (doc) => {
      doc.alerts.push({ id: 'lag-astronomical', title: 'Lag above a trillion', severity: 'warning', when: { metric: 'job.checkout-sink.lag', op: '>', value: 1e12 }, summary: 'Never.' });
    }),
    lintMutated('walkthrough without a verify step', 'walkthrough', 'has no step in phase "verify"', (doc) => {
      for (const step of doc.walkthrough) if (step.phase === 'verify') step.phase = 'mitigate';
    }),
    lintMutated('walkthrough never resolves the incident', 'walkthrough', 'never resolves the incident: add an incident.resolve step', (doc) => {
      doc.walkthrough = doc.walkthrough.filter((w) => w.command.type !== 'incident.resolve');
    }),
    lintMutated('walkthrough acknowledges the page twice', 'walkthrough.1.command', 'is refused when the model plays it: alert "checkouts-freshness" is already acknowledged', (doc) => {
      const ack = item(doc.walkthrough, 0);
      doc.walkthrough.splice(1, 0, { ...ack, atS: ack.atS + 5 });
    }),
  ];
}
