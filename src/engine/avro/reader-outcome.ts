import { avroType, branchesOf, promotes, childOf, enumOf, fieldsOf, javaName, kindOf, sizeOf, type AvroType } from './avro-type';
import { writerField } from './schema-compatibility';

/** What a field of the reader holds when the writer's schema lacks it: the reader's default. */
export interface DefaultedField {
  field: string;
  value: unknown;
}

/** A resolution error Java's Avro raises, and which records raise it (absent: every record). */
export interface ResolutionFailure {
  /** What Java prints, e.g. `org.apache.avro.AvroTypeException: No match for REFUNDED`. */
  error: string;
  /** The data that raises it, e.g. `status = REFUNDED`; absent when every record does. */
  when?: string;
}

/**
 * What a reader does with records written with another schema: every record decodes, only
 * records carrying certain values fail (a new enum symbol, a union branch the reader lacks), or
 * every record fails. `defaulted` lists top-level reader fields the writer lacks, filled with
 * the reader's default.
 */
export type ReaderOutcome =
  | { kind: 'decodes'; defaulted: DefaultedField[] }
  | { kind: 'fails-some'; failures: ResolutionFailure[]; defaulted: DefaultedField[] }
  | { kind: 'fails-all'; error: string };

const exception = 'org.apache.avro.AvroTypeException';

function sameName(a: AvroType, b: AvroType): boolean {
  return a.name === b.name || (a.aliases ?? []).includes(b.name ?? '');
}

/** Whether a reader branch takes a writer type of another kind, as Java picks a union branch. */
function matches(reader: AvroType, writer: AvroType): boolean {
  const rk = kindOf(reader);
  const wk = kindOf(writer);
  if (rk === wk) return reader.name === undefined || sameName(reader, writer);
  return promotes(rk, wk);
}

/**
 * Walks a writer schema against a reader schema as Java's `ResolvingDecoder` does, collecting
 * the errors it would raise while decoding, in the order it meets them.
 */
function resolve(writer: AvroType, reader: AvroType, where: string, out: ResolutionFailure[], seen: Set<string>, when: string | undefined): void {
  const wk = kindOf(writer);
  const rk = kindOf(reader);
  const fail = (message: string, cond = when): void => {
    out.push(cond === undefined ? { error: `${exception}: ${message}` } : { error: `${exception}: ${message}`, when: cond });
  };
  if (wk === 'union') {
    branchesOf(writer).forEach((branch) => {
      const cond = when ?? `${where} is ${javaName(branch)}`;
      resolve(branch, reader, where, out, seen, cond);
    });
    return;
  }
  if (rk === 'union') {
    const branch = branchesOf(reader).find((b) => kindOf(b) === wk && (b.name === undefined || sameName(b, writer))) ?? branchesOf(reader).find((b) => matches(b, writer));
    if (!branch) return fail(`Found ${javaName(writer)}, expecting union`);
    return resolve(writer, branch, where, out, seen, when);
  }
  if (wk !== rk) {
    if (!promotes(rk, wk)) fail(`Found ${javaName(writer)}, expecting ${javaName(reader)}`);
    return;
  }
  if ((rk === 'record' || rk === 'enum' || rk === 'fixed') && !sameName(reader, writer)) return fail(`Found ${javaName(writer)}, expecting ${javaName(reader)}`);
  switch (rk) {
    case 'fixed':
      if (sizeOf(reader) !== sizeOf(writer)) fail(`Found ${javaName(writer)}, expecting ${javaName(reader)}`);
      return;
    case 'array':
    case 'map':
      return resolve(childOf(writer), childOf(reader), where, out, seen, when);
    case 'enum': {
      const r = enumOf(reader);
      if (r.default !== undefined) return;
      for (const symbol of enumOf(writer).symbols) if (!r.symbols.includes(symbol)) fail(`No match for ${symbol}`, when ?? `${where} = ${symbol}`);
      return;
    }
    case 'record': {
      const key = `${writer.name ?? ''}>${reader.name ?? ''}`;
      if (seen.has(key)) return;
      const nested = new Set(seen).add(key);
      // Java names the last required reader field the writer lacks.
      const missing = fieldsOf(reader).filter((rf) => !writerField(writer, rf) && rf.defaultValue() === undefined).at(-1);
      if (missing) return fail(`Found ${javaName(writer)}, expecting ${javaName(reader)}, missing required field ${missing.name}`);
      for (const wf of fieldsOf(writer)) {
        const rf = fieldsOf(reader).find((f) => writerField(writer, f) === wf);
        if (rf) resolve(wf.type, rf.type, where ? `${where}.${rf.name}` : rf.name, out, nested, when);
      }
      return;
    }
    default:
  }
}

/** Java's resolution errors for `reader` reading `writer`, in decoding order. */
export function resolutionFailures(reader: AvroType, writer: AvroType): ResolutionFailure[] {
  const out: ResolutionFailure[] = [];
  resolve(writer, reader, '', out, new Set(), undefined);
  return out;
}

/** A fixed, valid value of a type: the first symbol, branch or zero of each part. */
function sampleOf(t: AvroType): unknown {
  switch (kindOf(t)) {
    case 'null':
      return null;
    case 'boolean':
      return false;
    case 'int':
    case 'long':
    case 'float':
    case 'double':
      return 0;
    case 'string':
      return '';
    case 'bytes':
      return new Uint8Array(0);
    case 'fixed':
      return new Uint8Array(sizeOf(t));
    case 'enum':
      return enumOf(t).symbols[0];
    case 'array':
      return [];
    case 'map':
      return {};
    case 'union': {
      const first = branchesOf(t)[0] as AvroType;
      const value = sampleOf(first);
      return t.typeName === 'union:wrapped' && value !== null ? { [javaName(first)]: value } : value;
    }
    case 'record':
      return Object.fromEntries(fieldsOf(t).map((f) => [f.name, sampleOf(f.type)]));
    default:
      throw new Error(`avro: no sample for type ${t.typeName}`);
  }
}

/** The writer's schema without the enum symbols that fail the reader: what records not carrying them were written with. */
function withoutSymbols(writer: Record<string, unknown>, failing: ResolutionFailure[]): Record<string, unknown> {
  const drop = new Set(failing.flatMap((f) => /No match for (\S+)$/.exec(f.error)?.slice(1) ?? []));
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (node === null || typeof node !== 'object') return node;
    const o = node as Record<string, unknown>;
    const copy = Object.fromEntries(Object.entries(o).map(([k, v]) => [k, strip(v)]));
    if (o.type === 'enum' && Array.isArray(o.symbols)) copy.symbols = (o.symbols as string[]).filter((s) => !drop.has(s));
    return copy;
  };
  return strip(writer) as Record<string, unknown>;
}

/**
 * Decodes a record written with `writer` through avsc's resolver for `reader`, returning the
 * reader's value, or the resolver's refusal. This is the real Avro check behind an outcome.
 */
function decodeSample(reader: AvroType, writer: AvroType): { ok: true; value: Record<string, unknown> } | { ok: false; reason: string } {
  let resolver;
  try {
    resolver = reader.createResolver(writer);
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
  return { ok: true, value: reader.fromBuffer(writer.toBuffer(sampleOf(writer)), resolver) as Record<string, unknown> };
}

const outcomes = new WeakMap<object, WeakMap<object, ReaderOutcome>>();

/**
 * What a reader holding `readerSchema` does with records written with `writerSchema`. avsc
 * decides whether the pair resolves (and decodes a record to find the defaulted fields); the
 * walk above names the error Java would print. A registry-lookup reader passes the writer's
 * schema as both, and always decodes. Throws if avsc and the walk disagree.
 */
export function readerOutcome(readerSchema: Record<string, unknown>, writerSchema: Record<string, unknown>): ReaderOutcome {
  const byWriter = outcomes.get(readerSchema) ?? new WeakMap<object, ReaderOutcome>();
  outcomes.set(readerSchema, byWriter);
  const hit = byWriter.get(writerSchema);
  if (hit) return hit;
  const reader = avroType(readerSchema);
  const writer = avroType(writerSchema);
  const failures = resolutionFailures(reader, writer);
  const direct = decodeSample(reader, writer);
  let outcome: ReaderOutcome;
  const always = failures.find((f) => f.when === undefined);
  if (failures.length === 0) {
    if (!direct.ok) throw new Error(`avro: avsc refuses to resolve ${javaName(writer)} as ${javaName(reader)} (${direct.reason}) but no Avro rule explains it`);
    outcome = { kind: 'decodes', defaulted: defaultedFields(reader, writer, direct.value) };
  } else if (direct.ok) {
    throw new Error(`avro: avsc resolves ${javaName(writer)} as ${javaName(reader)} but Java's rules fail it: ${failures[0]?.error ?? ''}`);
  } else if (always) {
    outcome = { kind: 'fails-all', error: always.error };
  } else {
    const rest = failures.every((f) => f.error.includes('No match for ')) ? decodeSample(reader, avroType(withoutSymbols(writerSchema, failures))) : undefined;
    if (rest && !rest.ok) throw new Error(`avro: records of ${javaName(writer)} without ${failures.map((f) => f.when).join(', ')} still fail to resolve (${rest.reason})`);
    outcome = { kind: 'fails-some', failures, defaulted: defaultedFields(reader, writer, rest?.ok ? rest.value : undefined) };
  }
  byWriter.set(writerSchema, outcome);
  return outcome;
}

function defaultedFields(reader: AvroType, writer: AvroType, decoded: Record<string, unknown> | undefined): DefaultedField[] {
  if (kindOf(reader) !== 'record' || kindOf(writer) !== 'record') return [];
  return fieldsOf(reader)
    .filter((rf) => !writerField(writer, rf))
    .map((rf) => ({ field: rf.name, value: decoded ? decoded[rf.name] : rf.defaultValue() }));
}
