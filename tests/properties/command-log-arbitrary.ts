import fc from 'fast-check';
import { playBot } from '../../src/engine';
import { commandSchema, logEntrySchema, mechanismIds, type Command, type CommandType, type LogEntry, type Scenario } from '../../src/scenarios/schema';
import { componentChoices } from '../../src/engine/diagnosis';

/** Ids no scenario defines, to check that the engine rejects rather than trips over them. */
const junkIds = ['nope', 'orders-enrich', 'x', '__proto__', 'constructor', 'a'.repeat(200)];

/** The command types the schema accepts, read from the schema itself. */
export const schemaCommandTypes: string[] = commandSchema.options.map((option) => option.shape.type.value);

function idFrom(real: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof({ arbitrary: fc.constantFrom(...real), weight: 4 }, { arbitrary: fc.constantFrom(...junkIds), weight: 1 });
}

const text = fc.string({ minLength: 1, maxLength: 40 });

/**
 * One arbitrary per command type. The mapped type makes the compiler insist on an entry for
 * every type in the schema, so a new command cannot slip past the properties.
 */
export function commandArbitraries(s: Scenario): { [K in CommandType]: fc.Arbitrary<Extract<Command, { type: K }>> } {
  const action = idFrom(s.actions.map((a) => a.id));
  const alert = idFrom(s.alerts.map((a) => a.id));
  const prevention = idFrom(s.prevention.map((p) => p.id));
  const inject = idFrom(s.injects.map((i) => i.id));
  return {
    'session.start': fc.constant({ type: 'session.start' as const }),
    'alert.acknowledge': alert.map((id) => ({ type: 'alert.acknowledge' as const, alert: id })),
    'action.start': action.map((id) => ({ type: 'action.start' as const, action: id })),
    'incident.set-severity': fc.constantFrom('SEV1', 'SEV2', 'SEV3', 'SEV4').map((severity) => ({ type: 'incident.set-severity' as const, severity })),
    'incident.declare-cause': fc
      .record({
        component: fc.constantFrom(...componentChoices(s).map((c) => c.id), 'job:nope', 'none'),
        mechanism: fc.constantFrom(...mechanismIds),
        evidence: fc.array(fc.oneof(fc.constantFrom('No match for REFUNDED', 'consumer poll timeout has expired', 'GROUP'), text), { minLength: 1, maxLength: 3 }),
      })
      .map((parts) => ({ type: 'incident.declare-cause' as const, ...parts })),
    'incident.declare-mitigated': fc.constant({ type: 'incident.declare-mitigated' as const }),
    'incident.resolve': fc.constant({ type: 'incident.resolve' as const }),
    'comms.post': fc
      .record(
        {
          text,
          impact: text,
          etaS: fc.integer({ min: 0, max: 604_800 }),
          nextUpdateS: fc.integer({ min: 1, max: 86_400 }),
        },
        { requiredKeys: ['text'] },
      )
      .map((parts) => ({ type: 'comms.post' as const, ...parts })),
    'note.add': text.map((t) => ({ type: 'note.add' as const, text: t })),
    'plan.send': fc
      .array(fc.record({ section: idFrom(s.plan?.sections.map((x) => x.id) ?? ['must-have']), lines: fc.array(fc.oneof(text, fc.constantFrom('Backfill 13 months', 'EU entities 7 Oct', 'weekend work'))) }), { maxLength: 4 })
      .map((sections) => ({ type: 'plan.send' as const, sections })),
    'hint.reveal': fc.constant({ type: 'hint.reveal' as const }),
    'postmortem.submit': fc
      .tuple(fc.string({ maxLength: 40 }), fc.array(prevention, { maxLength: 12 }))
      .map(([rootCause, followUps]) => ({ type: 'postmortem.submit' as const, rootCause, followUps })),
    'facilitator.inject': inject.map((id) => ({ type: 'facilitator.inject' as const, inject: id })),
    'session.end': fc.constant({ type: 'session.end' as const }),
    'terminal.run': fc
      .oneof(
        { arbitrary: fc.constantFrom(...shellLines(s)), weight: 4 },
        { arbitrary: fc.string({ minLength: 1, maxLength: 80 }), weight: 1 },
      )
      .map((line) => ({ type: 'terminal.run' as const, line })),
    'sql.run': fc
      .oneof(
        { arbitrary: fc.constantFrom(...s.world.tables.flatMap((t) => [`SELECT count(*) FROM ${t.id}`, `\\d ${t.id}`]), 'SELECT 1', '\\dt', 'DROP TABLE x'), weight: 4 },
        { arbitrary: fc.string({ minLength: 1, maxLength: 80 }), weight: 1 },
      )
      .map((query) => ({ type: 'sql.run' as const, query })),
  };
}

// Command lines a responder types, over the scenario's own entities and some that don't exist.
function shellLines(s: Scenario): string[] {
  const groups = s.world.jobs.map((j) => j.group);
  const jobs = s.world.jobs.map((j) => j.id);
  return [
    'help',
    'kafka-consumer-groups --bootstrap-server kafka:9092 --list',
    ...groups.map((g) => `kafka-consumer-groups --bootstrap-server kafka:9092 --describe --group ${g}`),
    ...groups.map((g) => `kafka-consumer-groups --bootstrap-server kafka:9092 --reset-offsets --group ${g} --all-topics --to-latest --execute`),
    ...jobs.map((j) => `kubectl logs deploy/${j} --since=10m | grep -i error | tail -5`),
    ...jobs.map((j) => `kubectl set env deployment/${j} ERRORS_TOLERANCE=all ERRORS_DEADLETTERQUEUE_TOPIC_NAME=${s.world.jobs.find((x) => x.id === j)?.dlqTopic ?? 'dlq'}`),
    ...jobs.map((j) => `kubectl scale deployment/${j} --replicas=0`),
    'kafka-topics --bootstrap-server kafka:9092 --describe --topic nope',
    'kubectl get pods | wc -l',
    "echo '{\"a\":[1,2]}' | jq '.a[]'",
    'nosuchtool --flag',
  ];
}

/** Options for {@link commandLogArbitrary}. */
export interface LogOptions {
  maxEntries: number;
  minAt: number;
  maxAt: number;
}

/**
 * Arbitrary logs for a scenario. Purely random logs mostly never get past the briefing, so
 * three in four logs are built around the model walkthrough instead: a subset of its entries
 * (nudged in time) and random commands at random times, sorted by time, disordered by a few
 * swaps, and usually preceded by `session.start`. The rest are random commands in the order
 * they were drawn.
 */
export function commandLogArbitrary(s: Scenario, options: LogOptions): fc.Arbitrary<LogEntry[]> {
  const anyCommand = fc.oneof(...Object.values(commandArbitraries(s))) as fc.Arbitrary<Command>;
  const at = fc.oneof(
    { arbitrary: fc.integer({ min: options.minAt, max: options.maxAt }), weight: 9 },
    { arbitrary: fc.integer({ min: s.clock.endS + 1, max: s.clock.endS + 120 }), weight: 1 },
  );
  const randomEntry = fc.record({ at, command: anyCommand });
  const randomLog = fc.array(randomEntry, { maxLength: options.maxEntries });

  const model = playBot(s, 'model', 1).state.log;
  const extra = Math.min(8, options.maxEntries);
  const index = fc.nat({ max: options.maxEntries - 1 });
  const usually = fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 });
  const guidedLog = fc
    .record({
      startAt: fc.option(fc.integer({ min: s.clock.playerStartS, max: s.clock.playerStartS + 60 }), { freq: 10 }),
      keep: fc.array(usually, { minLength: model.length, maxLength: model.length }),
      nudges: fc.array(fc.integer({ min: -30, max: 30 }), { minLength: model.length, maxLength: model.length }),
      random: fc.array(randomEntry, { maxLength: extra }),
      swaps: fc.array(fc.tuple(index, index), { maxLength: 3 }),
    })
    .map(({ startAt, keep, nudges, random, swaps }) => {
      const guided = model
        .map((entry, i) => ({ at: entry.at + (nudges[i] ?? 0), command: entry.command }))
        .filter((_, i) => keep[i])
        .slice(0, options.maxEntries - extra - 1);
      const entries = [...guided, ...random].sort((a, b) => a.at - b.at);
      for (const [i, j] of swaps) {
        if (entries.length === 0) break;
        const a = i % entries.length;
        const b = j % entries.length;
        [entries[a], entries[b]] = [entries[b] as LogEntry, entries[a] as LogEntry];
      }
      const start = startAt === null ? [] : [{ at: startAt, command: { type: 'session.start' as const } }];
      return [...start, ...entries];
    });

  return fc
    .oneof({ arbitrary: guidedLog, weight: 3 }, { arbitrary: randomLog, weight: 1 })
    .map((entries) => entries.map((entry) => logEntrySchema.parse(entry)));
}
