import type { Scenario } from '../../scenarios/schema';
import type { SimState } from '../state';
import { avroType, parseSchemaText } from './avro-type';
import { checkCompatibility, type CompatibilityMode, type PreviousVersion } from './compatibility-check';

/** An HTTP answer of the simulated Schema Registry: status and the exact JSON body. */
export interface RegistryResponse {
  status: number;
  body: string;
}

const modes: readonly CompatibilityMode[] = ['BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE', 'NONE'];

function error(status: number, code: number, message: string): RegistryResponse {
  return { status, body: JSON.stringify({ error_code: code, message }) };
}

function ok(value: unknown): RegistryResponse {
  return { status: 200, body: JSON.stringify(value) };
}

const subjectNotFound = (subject: string): RegistryResponse => error(404, 40401, `Subject '${subject}' not found.`);
const invalidSchema = (): RegistryResponse => error(422, 42201, 'Either the input schema or one of its references is invalid');

/** The versions registered under a subject by now, oldest first, with their declared schemas. */
export function registeredVersions(s: Scenario, state: SimState, subject: string): { version: number; id: number; text: string; schema: Record<string, unknown> }[] {
  const spec = s.world.subjects.find((x) => x.name === subject);
  const registered = new Set((state.world.subjects[subject]?.registered ?? []).map((r) => r.version));
  return (spec?.versions ?? [])
    .filter((v) => registered.has(v.version))
    .sort((a, b) => a.version - b.version)
    .map((v) => ({ version: v.version, id: v.id, text: schemaText(v.schema), schema: v.schema }));
}

// A scenario's schemas never change, so each is written out once (a lookup by id reads every subject's versions).
const schemaTexts = new WeakMap<object, string>();

function schemaText(schema: Record<string, unknown>): string {
  let text = schemaTexts.get(schema);
  if (text === undefined) {
    text = JSON.stringify(schema);
    schemaTexts.set(schema, text);
  }
  return text;
}

function previousOf(versions: ReturnType<typeof registeredVersions>): PreviousVersion[] {
  return versions.map((v) => ({ version: v.version, type: avroType(v.schema), text: v.text }));
}

/** Finds `{v}` in a path: a version number, `latest`, or the registry's 42202 error. */
function pickVersion<T extends { version: number }>(versions: T[], raw: string): T | RegistryResponse {
  if (raw === 'latest' || raw === '-1') {
    const last = versions.at(-1);
    return last ?? error(404, 40402, 'Version latest not found.');
  }
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 2 ** 31 - 1) {
    return error(422, 42202, `The specified version '${raw}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string "latest"`);
  }
  return versions.find((v) => v.version === n) ?? error(404, 40402, `Version ${n} not found.`);
}

function isResponse(x: unknown): x is RegistryResponse {
  return typeof x === 'object' && x !== null && 'status' in x && 'body' in x;
}

/** The `schema` string of a request body, or why the body is unusable. */
function candidateOf(body: string | undefined): ReturnType<typeof parseSchemaText> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body ?? '');
  } catch {
    return { ok: false, reason: 'the request body is not JSON' };
  }
  const text = (parsed as { schema?: unknown } | null)?.schema;
  if (typeof text !== 'string') return { ok: false, reason: 'the request body has no "schema" string' };
  return parseSchemaText(text);
}

function mode(state: SimState, subject: string): CompatibilityMode {
  const level = state.world.subjects[subject]?.compatibility;
  return modes.find((m) => m === level) ?? 'BACKWARD';
}

function compatibility(s: Scenario, state: SimState, subject: string, rawVersion: string | undefined, verbose: boolean, body: string | undefined): RegistryResponse {
  const versions = registeredVersions(s, state, subject);
  if (versions.length === 0) return subjectNotFound(subject);
  let previous = previousOf(versions);
  if (rawVersion !== undefined) {
    const picked = pickVersion(previous, rawVersion);
    if (isResponse(picked)) return picked;
    previous = [picked];
  }
  const candidate = candidateOf(body);
  if (!candidate.ok) return invalidSchema();
  // Against one named version the transitive modes check only that version.
  const m = rawVersion !== undefined ? (mode(state, subject).replace('_TRANSITIVE', '') as CompatibilityMode) : mode(state, subject);
  const verdict = checkCompatibility(candidate.type, previous, m);
  return ok(verbose ? { is_compatible: verdict.compatible, messages: verdict.messages } : { is_compatible: verdict.compatible });
}

function register(s: Scenario, state: SimState, subject: string, body: string | undefined): RegistryResponse {
  const candidate = candidateOf(body);
  if (!candidate.ok) return invalidSchema();
  const versions = registeredVersions(s, state, subject);
  const text = JSON.stringify(candidate.schema);
  const same = versions.find((v) => v.text === text);
  if (same) return ok({ id: same.id });
  const verdict = checkCompatibility(candidate.type, previousOf(versions), mode(state, subject));
  if (!verdict.compatible) {
    return error(409, 409, `Schema being registered is incompatible with an earlier schema for subject "${subject}", details: [${verdict.messages.join(', ')}]`);
  }
  const declared = s.world.subjects.flatMap((x) => x.versions);
  const known = declared.find((v) => schemaText(v.schema) === text);
  return ok({ id: known?.id ?? Math.max(0, ...declared.map((v) => v.id)) + 1 });
}

function putConfig(body: string | undefined): RegistryResponse {
  let level: unknown;
  try {
    level = (JSON.parse(body ?? '') as { compatibility?: unknown } | null)?.compatibility;
  } catch {
    level = undefined;
  }
  const m = typeof level === 'string' ? modes.find((x) => x === level.toUpperCase()) : undefined;
  if (!m) return error(422, 42203, 'Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive');
  return ok({ compatibility: m });
}

/**
 * Answers one Schema Registry REST request from the scenario's schemas and the world's state,
 * with the registry's status codes and exact JSON bodies. Pure: a `PUT /config` or a
 * registration is answered as the registry would, but changing the world is the caller's
 * command. `path` may carry a query (`?verbose=true`).
 */
export function registryRequest(s: Scenario, state: SimState, method: string, path: string, body?: string): RegistryResponse {
  const [route = '', query = ''] = path.split('?');
  const verbose = query.split('&').includes('verbose=true');
  const parts = route.split('/').filter((p) => p !== '').map((p) => decodeURIComponent(p));
  const verb = method.toUpperCase();
  const [head, a, b, c, d] = parts;
  const notAllowed = error(405, 405, 'HTTP 405 Method Not Allowed');
  if (head === 'subjects' && parts.length === 1) {
    if (verb !== 'GET') return notAllowed;
    return ok(s.world.subjects.map((x) => x.name).filter((n) => registeredVersions(s, state, n).length > 0).sort());
  }
  if (head === 'subjects' && a !== undefined && b === 'versions') {
    if (parts.length === 3 && verb === 'POST') return register(s, state, a, body);
    const versions = registeredVersions(s, state, a);
    if (parts.length === 3) {
      if (verb !== 'GET') return notAllowed;
      return versions.length === 0 ? subjectNotFound(a) : ok(versions.map((v) => v.version));
    }
    if (verb !== 'GET' || parts.length > 5 || (d !== undefined && d !== 'schema') || c === undefined) return verb === 'GET' ? error(404, 404, 'HTTP 404 Not Found') : notAllowed;
    if (versions.length === 0) return subjectNotFound(a);
    const picked = pickVersion(versions, c);
    if (isResponse(picked)) return picked;
    if (d === 'schema') return { status: 200, body: picked.text };
    return ok({ subject: a, version: picked.version, id: picked.id, schema: picked.text });
  }
  if (head === 'schemas' && a === 'ids' && b !== undefined && (parts.length === 3 || (parts.length === 4 && (c === 'versions' || c === 'subjects')))) {
    if (verb !== 'GET') return notAllowed;
    const uses = s.world.subjects.flatMap((x) => registeredVersions(s, state, x.name).filter((v) => String(v.id) === b).map((v) => ({ subject: x.name, ...v })));
    const hit = uses[0];
    if (!hit) return error(404, 40403, `Schema ${b} not found`);
    if (c === 'versions') return ok(uses.map((u) => ({ subject: u.subject, version: u.version })));
    if (c === 'subjects') return ok(uses.map((u) => u.subject));
    return ok({ schema: hit.text });
  }
  if (head === 'config' && parts.length <= 2) {
    if (verb === 'PUT') return putConfig(body);
    if (verb !== 'GET') return notAllowed;
    if (a === undefined) return ok({ compatibilityLevel: 'BACKWARD' });
    return registeredVersions(s, state, a).length === 0 ? subjectNotFound(a) : ok({ compatibilityLevel: mode(state, a) });
  }
  if (head === 'compatibility' && a === 'subjects' && b !== undefined && c === 'versions' && parts.length <= 5) {
    if (verb !== 'POST') return notAllowed;
    return compatibility(s, state, b, d, verbose, body);
  }
  return error(404, 404, 'HTTP 404 Not Found');
}
