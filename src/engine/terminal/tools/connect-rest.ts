import type { JobState } from '../../state';
import type { ToolContext } from '../types';
import type { HttpAnswer } from './flink-rest';

const json = (status: number, body: unknown): HttpAnswer => ({ status, body: JSON.stringify(body) });

/** Answers the Kafka Connect REST API (`http://kafka-connect:8083`) for the platform's connectors. */
export function connectRest(ctx: ToolContext, method: string, path: string): HttpAnswer {
  const connectors = ctx.s.world.jobs.filter((j) => j.engine === 'kafka-connect');
  const parts = path.split('?')[0]?.split('/').filter(Boolean) ?? [];
  if (parts[0] !== 'connectors') return json(404, { error_code: 404, message: 'HTTP 404 Not Found' });
  if (parts.length === 1) return method === 'GET' ? json(200, connectors.map((c) => c.id).sort()) : json(405, { error_code: 405, message: 'HTTP 405 Method Not Allowed' });
  const spec = connectors.find((c) => c.id === parts[1]);
  if (!spec) return json(404, { error_code: 404, message: `Connector ${parts[1]} not found` });
  const job = ctx.state.world.jobs[spec.id] as JobState;
  const taskState = job.status === 'RUNNING' ? 'RUNNING' : job.status === 'STOPPED' ? 'PAUSED' : 'FAILED';
  if (parts[2] === 'status' && method === 'GET') {
    const trace = job.status === 'FAILED' && job.lastFailure ? `org.apache.kafka.connect.errors.ConnectException: Tolerance exceeded in error handler\nCaused by: org.apache.kafka.connect.errors.DataException: Failed to deserialize data for topic ${spec.topic} to Avro: \nCaused by: ${job.lastFailure.error}` : undefined;
    return json(200, {
      name: spec.id,
      connector: { state: job.status === 'STOPPED' ? 'PAUSED' : 'RUNNING', worker_id: 'kafka-connect-0:8083' },
      tasks: Array.from({ length: job.instances }, (_, id) => ({ id, state: taskState, worker_id: `kafka-connect-${id % 3}:8083`, ...(trace && taskState === 'FAILED' ? { trace } : {}) })),
      type: 'sink',
    });
  }
  if (parts[2] === 'config' && method === 'GET') {
    return json(200, { 'connector.class': 'io.confluent.connect.s3.S3SinkConnector', 'tasks.max': String(job.instances), topics: spec.topic, 'errors.tolerance': job.onError === 'fail' ? 'none' : 'all', ...(job.onError === 'dlq' ? { 'errors.deadletterqueue.topic.name': spec.dlqTopic } : {}), name: spec.id });
  }
  if (parts.length === 2 && method === 'GET') return json(200, { name: spec.id, type: 'sink', tasks: Array.from({ length: job.instances }, (_, task) => ({ connector: spec.id, task })) });
  return json(405, { error_code: 405, message: 'HTTP 405 Method Not Allowed: change connectors through kubectl on this platform' });
}
