/**
 * What a responder types at the two consumer incidents (the rebalance storm in fraud-enricher,
 * the double-counted revenue in orders-loader) for each step they might take, so tests read like
 * the incident and play through the same parser a person types at.
 */
const kcg = (group: string) => `kafka-consumer-groups --bootstrap-server kafka:9092 --group ${group} --reset-offsets --all-topics`;

function consumerSteps(job: string, table: string, key: string) {
  const deployment = `deployment/${job}`;
  const dedupe = `spark-submit /opt/spark/jobs/dedupe_by_key.py --table ${table} --key ${key}`;
  return {
    describeGroup: [`kafka-consumer-groups --bootstrap-server kafka:9092 --describe --group ${job}`],
    readLogs: [`kubectl logs ${deployment} --since=30m | grep -E 'WARN|ERROR'`],
    listSettings: [`kubectl set env ${deployment} --list`],
    restart: [`kubectl rollout restart ${deployment}`],
    merge: [`kubectl set env ${deployment} SINK_WRITE_MODE=merge`],
    raisePollInterval: [`kubectl set env ${deployment} MAX_POLL_INTERVAL_MS=900000`],
    dedupeDryRun: [`${dedupe} --dry-run`],
    dedupe: [dedupe],
    scale: (replicas: number) => [`kubectl scale ${deployment} --replicas=${replicas}`],
    /** Stop the group, move its offsets, start it again with `replicas` members. */
    reset: (position: string, replicas: number) => [`kubectl scale ${deployment} --replicas=0`, `${kcg(job)} ${position} --execute`, `kubectl scale ${deployment} --replicas=${replicas}`],
  };
}

export const stormSteps = {
  ...consumerSteps('fraud-enricher', 'payments_scored', 'payment_id'),
  boundCall: ['kubectl set env deployment/fraud-enricher SINK_REQUEST_TIMEOUT_MS=1500 MAX_POLL_RECORDS=200'],
} as const;

export const revenueSteps = {
  ...consumerSteps('orders-loader', 'orders_fact', 'order_id'),
  boundCall: ['kubectl set env deployment/orders-loader SINK_REQUEST_TIMEOUT_MS=2000 MAX_POLL_RECORDS=200'],
} as const;
