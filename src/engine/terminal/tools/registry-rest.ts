import type { Effect } from '../../../scenarios/schema';
import { registryRequest } from '../../avro';
import type { ToolContext } from '../types';
import type { HttpAnswer } from './flink-rest';

/** An HTTP answer that may also change the world (a compatibility change). */
export interface RegistryAnswer extends HttpAnswer {
  effects: Effect[];
}

/**
 * The Confluent Schema Registry's REST API (`http://schema-registry:8081`), answered from the
 * scenario's schemas. The on-call role may change a subject's compatibility; registering a schema
 * is a producer's deploy, so the registry's RBAC refuses it from this host.
 */
export function registryRest(ctx: ToolContext, method: string, path: string, body: string | undefined): RegistryAnswer {
  const verb = method.toUpperCase();
  const route = path.split('?')[0] ?? '';
  const subject = /^\/subjects\/([^/]+)\/versions\/?$/.exec(route)?.[1];
  if (verb === 'POST' && subject !== undefined) {
    return { status: 403, body: JSON.stringify({ error_code: 40301, message: `User is denied operation Write on Subject: ${decodeURIComponent(subject)}` }), effects: [] };
  }
  const answer = registryRequest(ctx.s, ctx.state, verb, path, body);
  const configSubject = /^\/config\/([^/]+)\/?$/.exec(route)?.[1];
  if (verb === 'PUT' && configSubject !== undefined && answer.status === 200) {
    const level = (JSON.parse(answer.body) as { compatibility?: string }).compatibility;
    const modes = ['BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE', 'NONE'] as const;
    const mode = modes.find((m) => m === level);
    if (mode) return { ...answer, effects: [{ op: 'registry.set-compatibility', subject: decodeURIComponent(configSubject), compatibility: mode }] };
  }
  return { ...answer, effects: [] };
}
