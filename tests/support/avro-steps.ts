import type { Scenario } from '../../src/scenarios/schema';
/**
 * What a responder types at the blank-dashboard incident for each step they might take, so tests
 * read like the incident ("the responder parks bad records in the DLQ") and play through the same
 * parser a person types at.
 */
const kcg = 'kafka-consumer-groups --bootstrap-server kafka:9092 --group orders-enricher --reset-offsets --all-topics';
const deployment = 'deployment/orders-enricher-taskmanager';

export const avroSteps = {
  describeGroup: ['kafka-consumer-groups --bootstrap-server kafka:9092 --describe --group orders-enricher'],
  readLogs: [`kubectl logs ${deployment} --since=15m | grep -m 2 -A 3 SerializationException`],
  diffSchemas: ['diff -u <(curl -s http://schema-registry:8081/subjects/orders-value/versions/7/schema | jq .) <(curl -s http://schema-registry:8081/subjects/orders-value/versions/8/schema | jq .)'],
  restart: [`kubectl rollout restart ${deployment}`],
  resetToLatest: [`${kcg} --to-latest --execute`, `kubectl rollout restart ${deployment}`],
  skipBadRecords: [`kubectl set env ${deployment} ERRORS_TOLERANCE=all`],
  enableDlq: [`kubectl set env ${deployment} ERRORS_TOLERANCE=all ERRORS_DEADLETTERQUEUE_TOPIC_NAME=orders-enricher-dlq`],
  registryLookup: ['flagctl set orders-enricher-registry-lookup on', `kubectl rollout restart ${deployment}`],
  replayFromDeploy: ['flink run -d -p 12 /opt/flink/usrlib/orders-enricher.jar --backfill-from 2024-03-11T06:55:00 --sink-mode overwrite'],
  rewindTwoHoursAppend: [`kubectl scale ${deployment} --replicas=0`, `${kcg} --by-duration PT2H --execute`, `kubectl scale ${deployment} --replicas=4`],
  scaleTo12: [`kubectl scale ${deployment} --replicas=12`],
  pauseNoncriticalDags: ['airflow dags pause marketing_attribution', 'airflow dags pause ml_feature_export', 'airflow tasks clear marketing_attribution --only-running -y', 'airflow tasks clear ml_feature_export --only-running -y'],
  replayDlq: ['flink run -d /opt/flink/usrlib/orders-enricher.jar --replay-dlq'],
} as const;

/**
 * A messy run of harmful, overlapping and repairing mitigations, each with the seconds to wait
 * after it: it loses, duplicates and dead-letters records, then brings them all back.
 */
export const messyAvroPlan: [readonly string[], number][] = [
  [avroSteps.resetToLatest, 30],
  [avroSteps.skipBadRecords, 150],
  [avroSteps.enableDlq, 200],
  [avroSteps.rewindTwoHoursAppend, 10],
  [avroSteps.scaleTo12, 60],
  [avroSteps.registryLookup, 10],
  [avroSteps.replayDlq, 30],
  [avroSteps.replayFromDeploy, 1200],
];

export type AvroStep = keyof typeof avroSteps;

type Reveal = Scenario['actions'][number]['reveals'][number];

/**
 * The blank-dashboard incident with its old catalogue investigations put back, for tests of the
 * reveal renderers that scenario files may still use (the built-in incident is worked by typing).
 */
export function withCatalogueInvestigations(s: Scenario): Scenario {
  const investigation = (id: string, reveals: Reveal[]) => ({ id, label: id, category: 'investigate' as const, durationS: 20, requires: [], effects: [], reveals, repeatable: true, verdict: { kind: 'neutral' as const, why: 'test fixture' } });
  return {
    ...s,
    actions: [
      ...s.actions,
      investigation('describe-consumer-group', [{ kind: 'consumer-groups', job: 'orders-enricher' }]),
      investigation('read-job-logs', [{ kind: 'job-logs', job: 'orders-enricher' }]),
      investigation('job-status', [{ kind: 'job-status', job: 'orders-enricher' }]),
      investigation('lineage', [{ kind: 'lineage', dashboard: 'exec-revenue' }]),
      investigation('exec-dag-runs', [{ kind: 'dag-runs', dag: 'exec_revenue_refresh' }]),
      investigation('registry-versions', [{ kind: 'registry-subjects' }, { kind: 'registry-versions', subject: 'orders-value' }]),
      investigation('registry-config', [{ kind: 'registry-config', subject: 'orders-value' }]),
      investigation('schema-diff', [{ kind: 'schema-diff', subject: 'orders-value', from: 7, to: 8 }]),
      investigation('dump-failing-record', [{ kind: 'record-dump', job: 'orders-enricher' }]),
      investigation('check-orders-fact', [{ kind: 'table-check', table: 'orders_fact' }]),
    ],
  };
}
