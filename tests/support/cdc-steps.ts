/**
 * What a responder types at the null-spike incident (cdc-column-rename) for each step they might
 * take, so tests read like the incident and play through the same parser a person types at.
 */
const deployment = 'deployment/orders-cdc-sink-taskmanager';
const registry = 'http://schema-registry:8081/subjects/cdc-orders-value/versions';

export const cdcSteps = {
  describeGroup: ['kafka-consumer-groups --bootstrap-server kafka:9092 --describe --group orders-cdc-sink'],
  listVersions: [`curl -s ${registry}`],
  diffReaderAgainstLatest: [`diff -u <(curl -s ${registry}/13/schema | jq .) <(curl -s ${registry}/latest/schema | jq .)`],
  connectorStatus: ['curl -s http://kafka-connect:8083/connectors/pg-orders/status'],
  readWithWriterSchema: [`kubectl set env ${deployment} READER_SCHEMA_MODE=registry`],
  restartSink: [`kubectl rollout restart ${deployment}`],
  rewriteSinceMigration: ['flink run -d -p 6 /opt/flink/usrlib/orders-cdc-sink.jar --backfill-from 2024-06-04T09:50:00 --sink-mode overwrite'],
  resetToLatest: [`kubectl scale ${deployment} --replicas=0`, 'kafka-consumer-groups --bootstrap-server kafka:9092 --group orders-cdc-sink --reset-offsets --all-topics --to-latest --execute', `kubectl scale ${deployment} --replicas=3`],
} as const;
