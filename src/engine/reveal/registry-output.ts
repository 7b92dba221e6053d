import type { Scenario } from '../../scenarios/schema';
import { lookup } from '../scenario-lookup';
import type { SimState } from '../state';
import { diffSchemas } from './schema-diff';
import type { Printed } from './render-reveal';

const registry = 'http://schema-registry:8081';

function registeredVersions(state: SimState, subject: string): number[] {
  return (state.world.subjects[subject]?.registered ?? []).map((r) => r.version).sort((a, b) => a - b);
}

/** `GET /subjects`. */
export function registrySubjectsOutput(s: Scenario, state: SimState): Printed {
  const names = s.world.subjects.map((x) => x.name).filter((n) => registeredVersions(state, n).length > 0);
  return { title: 'Registry subjects', command: `curl -s ${registry}/subjects`, body: JSON.stringify(names) };
}

/** `GET /subjects/{s}/versions` and the latest version's metadata. */
export function registryVersionsOutput(s: Scenario, state: SimState, subject: string): Printed {
  const versions = registeredVersions(state, subject);
  const command = `curl -s ${registry}/subjects/${subject}/versions && curl -s ${registry}/subjects/${subject}/versions/latest | jq '{subject, version, id}'`;
  const latest = versions.at(-1);
  if (latest === undefined) return { title: `Versions of ${subject}`, command, body: '{"error_code":40401,"message":"Subject \'' + subject + '\' not found."}' };
  const spec = lookup(s).schemaVersion(subject, latest);
  const registeredAt = state.world.subjects[subject]?.registered.find((r) => r.version === latest)?.at;
  const body = `${JSON.stringify(versions)}\n${JSON.stringify({ subject, version: latest, id: spec?.id }, null, 2)}${registeredAt !== undefined && registeredAt > s.clock.worldStartS ? `\n# registered ${Math.round((state.t - registeredAt) / 60)} minutes ago` : ''}`;
  return { title: `Versions of ${subject}`, command, body };
}

/** `GET /config/{s}`. */
export function registryConfigOutput(state: SimState, subject: string): Printed {
  const compatibility = state.world.subjects[subject]?.compatibility;
  const command = `curl -s ${registry}/config/${subject}`;
  if (!compatibility) return { title: `Config of ${subject}`, command, body: `{"error_code":40401,"message":"Subject '${subject}' not found."}` };
  return { title: `Config of ${subject}`, command, body: JSON.stringify({ compatibilityLevel: compatibility }) };
}

/** A diff of two versions' schemas, field by field. */
export function schemaDiffOutput(s: Scenario, state: SimState, subject: string, from: number, to: number): Printed {
  const command = `diff <(curl -s ${registry}/subjects/${subject}/versions/${from}/schema | jq .) <(curl -s ${registry}/subjects/${subject}/versions/${to}/schema | jq .)`;
  const registered = registeredVersions(state, subject);
  const missing = [from, to].find((v) => !registered.includes(v));
  if (missing !== undefined) return { title: `Schema diff ${subject}`, command, body: `{"error_code":40402,"message":"Version ${missing} not found."}` };
  const a = lookup(s).schemaVersion(subject, from)?.schema ?? {};
  const b = lookup(s).schemaVersion(subject, to)?.schema ?? {};
  return { title: `Schema diff ${subject} v${from} → v${to}`, command, body: diffSchemas(a, b).join('\n') || '(no differences)' };
}
