import type { ToolContext } from '../types';
import type { HttpAnswer } from './flink-rest';

/** Answers the Confluent Schema Registry's REST API (`http://schema-registry:8081`). */
export function registryRest(ctx: ToolContext, method: string, path: string, body: string | undefined): HttpAnswer {
  void ctx;
  void method;
  void path;
  void body;
  return { status: 503, body: '' };
}
