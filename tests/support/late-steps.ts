import { flinkJobId } from '../../src/engine/terminal/tools/flink-rest';
/**
 * What a responder types at the late-mobile-events incident for each step they might take, so
 * tests read like the incident and play through the same parser a person types at.
 */
const deployment = 'deployment/activity-aggregator-taskmanager';
const jar = '/opt/flink/usrlib/activity-aggregator.jar';
const jid = flinkJobId('activity-aggregator');

export const lateSteps = {
  readConfig: [`curl -s http://flink-jobmanager:8081/jobs/${jid}/config | jq .`],
  readJob: [`curl -s http://flink-jobmanager:8081/jobs/${jid}`],
  raiseLateness12h: [`kubectl set env ${deployment} ALLOWED_LATENESS=12h`],
  raiseLateness1h: [`kubectl set env ${deployment} ALLOWED_LATENESS=1h`],
  markProvisional: ["dbt run-operation mark_provisional --args '{model: retention_metrics, hours: 12}'"],
  reprocessOverwrite: [`flink run -d -p 64 ${jar} --backfill-from 2024-05-14T02:00:00 --sink-mode overwrite`],
  reprocessAppend: [`flink run -d -p 64 ${jar} --backfill-from 2024-05-14T02:00:00 --sink-mode append`],
  reprocessLastHour: [`flink run -d -p 64 ${jar} --backfill-from 2024-05-14T08:00:00 --sink-mode overwrite`],
  correctionFactor: ['flagctl set retention-correction-factor on'],
} as const;

/** The window operator's metrics URL, given the vertex id `GET /jobs/<jid>` lists. */
export function windowMetricsLine(vertexId: string, metrics: string): string {
  return `curl -s 'http://flink-jobmanager:8081/jobs/${jid}/vertices/${vertexId}/subtasks/metrics?get=${metrics}'`;
}
