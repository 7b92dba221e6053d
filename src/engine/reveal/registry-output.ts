import type { Scenario } from '../../scenarios/schema';
import { registryRequest } from '../avro';
import type { SimState } from '../state';
import { diffSchemas } from './schema-diff';
import type { Printed } from './render-reveal';

const registry = 'http://schema-registry:8081';

/** `GET /subjects`, as the registry answers it. */
export function registrySubjectsOutput(s: Scenario, state: SimState): Printed {
  return { title: 'Registry subjects', command: `curl -s ${registry}/subjects`, body: registryRequest(s, state, 'GET', '/subjects').body };
}

/** `GET /subjects/{s}/versions` and the latest version's metadata. */
export function registryVersionsOutput(s: Scenario, state: SimState, subject: string): Printed {
  const command = `curl -s ${registry}/subjects/${subject}/versions && curl -s ${registry}/subjects/${subject}/versions/latest | jq '{subject, version, id}'`;
  const versions = registryRequest(s, state, 'GET', `/subjects/${subject}/versions`);
  if (versions.status !== 200) return { title: `Versions of ${subject}`, command, body: versions.body };
  const latest = JSON.parse(registryRequest(s, state, 'GET', `/subjects/${subject}/versions/latest`).body) as { subject: string; version: number; id: number };
  const registeredAt = state.world.subjects[subject]?.registered.find((r) => r.version === latest.version)?.at;
  const body = `${versions.body}\n${JSON.stringify({ subject: latest.subject, version: latest.version, id: latest.id }, null, 2)}${registeredAt !== undefined && registeredAt > s.clock.worldStartS ? `\n# registered ${Math.round((state.t - registeredAt) / 60)} minutes ago` : ''}`;
  return { title: `Versions of ${subject}`, command, body };
}

/** `GET /config/{s}`. */
export function registryConfigOutput(s: Scenario, state: SimState, subject: string): Printed {
  return { title: `Config of ${subject}`, command: `curl -s ${registry}/config/${subject}`, body: registryRequest(s, state, 'GET', `/config/${subject}`).body };
}

/** A diff of two versions' schemas as the registry returns them (`/versions/{v}/schema`), field by field. */
export function schemaDiffOutput(s: Scenario, state: SimState, subject: string, from: number, to: number): Printed {
  const command = `diff <(curl -s ${registry}/subjects/${subject}/versions/${from}/schema | jq .) <(curl -s ${registry}/subjects/${subject}/versions/${to}/schema | jq .)`;
  const [a, b] = [from, to].map((v) => registryRequest(s, state, 'GET', `/subjects/${subject}/versions/${v}/schema`));
  const refused = [a, b].find((r) => r?.status !== 200);
  if (refused || !a || !b) return { title: `Schema diff ${subject}`, command, body: refused?.body ?? '' };
  return { title: `Schema diff ${subject} v${from} → v${to}`, command, body: diffSchemas(JSON.parse(a.body), JSON.parse(b.body)).join('\n') || '(no differences)' };
}
