import { bootstrapServer, type ShellNames } from './platform';
import { flinkJobId } from './tools/flink-rest';
import { variableKeys } from './tools/airflow-settings';

/** One blank of a palette form: picked from the platform's names, or typed. */
export interface PaletteParam {
  name: string;
  label: string;
  /** Values to pick from, in the platform's own (alphabetical) order; absent: typed freely. */
  choices?: readonly string[];
  /** The form of what to type, for a typed blank (never a value from the scenario). */
  placeholder?: string;
  /** May be left empty: the blank then drops out of the line. */
  optional?: boolean;
}

/** A form that builds one command line: a tool, what to do with it, and its blanks. */
export interface PaletteEntry {
  tool: string;
  does: string;
  /** The line, with `{name}` where each blank goes. */
  template: string;
  params: readonly PaletteParam[];
}

const kcg = `kafka-consumer-groups --bootstrap-server ${bootstrapServer}`;
const registry = 'http://schema-registry:8081';

/**
 * The palette: the terminal's vocabulary as forms, for the easy level and as a fallback at normal.
 * It is built from the platform's names only, so every variant of a scenario gets the same palette,
 * and it is ordered by tool, then alphabetically by what the form does: its order says nothing
 * about the answer. Each form fills in a command line the player then runs like any typed line.
 */
export function commandPalette(n: ShellNames): readonly PaletteEntry[] {
  // Every player view carries the palette: build it once per platform (shellNames is memoised too).
  const hit = paletteCache.get(n);
  if (hit) return hit;
  const built = buildPalette(n);
  paletteCache.set(n, built);
  return built;
}

const paletteCache = new WeakMap<ShellNames, readonly PaletteEntry[]>();

function buildPalette(n: ShellNames): PaletteEntry[] {
  const group: PaletteParam = { name: 'group', label: 'Consumer group', choices: n.groups };
  const deployment: PaletteParam = { name: 'deployment', label: 'Deployment', choices: n.deployments };
  const dag: PaletteParam = { name: 'dag', label: 'DAG', choices: n.dags };
  const datetime = (name: string, label: string): PaletteParam => ({ name, label, placeholder: 'YYYY-MM-DDTHH:MM:SS' });
  const entries: PaletteEntry[] = [];
  const add = (tool: string, does: string, template: string, params: PaletteParam[] = []) => entries.push({ tool, does, template, params });

  if (n.dags.length > 0) {
    add('airflow', 'list a DAG’s runs', 'airflow dags list-runs -d {dag}', [dag]);
    add('airflow', 'list a DAG’s runs in one state', 'airflow dags list-runs -d {dag} --state {state}', [dag, { name: 'state', label: 'State', choices: ['failed', 'queued', 'running', 'success'] }]);
    add('airflow', 'show a run’s task states', 'airflow tasks states-for-dag-run {dag} {run}', [dag, { name: 'run', label: 'Run', placeholder: 'a run_id from list-runs' }]);
    add('airflow', 'pause a DAG', 'airflow dags pause {dag}', [dag]);
    add('airflow', 'unpause a DAG', 'airflow dags unpause {dag}', [dag]);
    add('airflow', 'trigger a DAG run now', 'airflow dags trigger {dag}', [dag]);
    add('airflow', 'backfill a DAG over a range', 'airflow dags backfill -s {start} -e {end} {dag}', [datetime('start', 'From'), datetime('end', 'To'), dag]);
    add('airflow', 'clear failed tasks', 'airflow tasks clear {dag} --only-failed -y', [dag]);
    add('airflow', 'clear running tasks', 'airflow tasks clear {dag} --only-running -y', [dag]);
    add('airflow', 're-run a range of tasks', 'airflow tasks clear {dag} -s {start} -e {end} -y', [dag, datetime('start', 'From'), datetime('end', 'To')]);
    add('airflow', 'list worker pools', 'airflow pools list');
    add('airflow', 'resize the worker pool', 'airflow pools set default_pool {slots} "Default pool"', [{ name: 'slots', label: 'Slots', placeholder: 'a number' }]);
    const key: PaletteParam = { name: 'key', label: 'Variable', choices: variableKeys(n.dags) };
    add('airflow', 'list the DAGs’ variables', 'airflow variables list');
    add('airflow', 'read a DAG setting (variable)', 'airflow variables get {key}', [key]);
    add('airflow', 'change a DAG setting (variable)', 'airflow variables set {key} {setting}', [key, { name: 'setting', label: 'Value', placeholder: 'poke or reschedule, UTC or local, append or overwrite' }]);
    add('airflow', 'check the scheduler', 'airflow jobs check --job-type SchedulerJob');
  }
  if (n.subjects.length > 0) {
    const subject: PaletteParam = { name: 'subject', label: 'Subject', choices: n.subjects };
    add('curl', 'list a subject’s schema versions', `curl -s ${registry}/subjects/{subject}/versions`, [subject]);
    add('curl', 'read a schema version', `curl -s ${registry}/subjects/{subject}/versions/{version}/schema | jq .`, [subject, { name: 'version', label: 'Version', placeholder: 'a number, or latest' }]);
    add('curl', 'look up a schema id', `curl -s ${registry}/schemas/ids/{id}/versions`, [{ name: 'id', label: 'Schema id', placeholder: 'the id a record or error names' }]);
    add('curl', 'read a subject’s compatibility mode', `curl -s ${registry}/config/{subject}`, [subject]);
    add('diff', 'compare two schema versions', `diff -u <(curl -s ${registry}/subjects/{subject}/versions/{from}/schema | jq .) <(curl -s ${registry}/subjects/{subject}/versions/{to}/schema | jq .)`, [
      subject,
      { name: 'from', label: 'Older version', placeholder: 'a number' },
      { name: 'to', label: 'Newer version', placeholder: 'a number, or latest' },
    ]);
  }
  if (n.flinkJobIds.length > 0) {
    add('curl', 'list Flink jobs with their state', 'curl -s http://flink-jobmanager:8081/jobs/overview | jq .');
    const jid: PaletteParam = { name: 'jid', label: 'Flink JobID', choices: n.flinkJobIds.map(flinkJobId).sort() };
    add('curl', 'read a Flink job’s configuration', 'curl -s http://flink-jobmanager:8081/jobs/{jid}/config | jq .', [jid]);
    add('curl', 'read a Flink job’s vertices and state', 'curl -s http://flink-jobmanager:8081/jobs/{jid} | jq .', [jid]);
    add('curl', 'read a Flink vertex’s metrics', "curl -s 'http://flink-jobmanager:8081/jobs/{jid}/vertices/{vertex}/subtasks/metrics?get={metrics}'", [
      jid,
      { name: 'vertex', label: 'Vertex id', placeholder: 'an id from the job’s vertices' },
      { name: 'metrics', label: 'Metrics', placeholder: 'names, comma-separated' },
    ]);
    const job: PaletteParam = { name: 'job', label: 'Flink job', choices: n.flinkJobIds };
    add('flink', 'list running jobs', 'flink list');
    add('flink', 're-read a job’s topic from a time (backfill)', 'flink run -d -p {parallelism} /opt/flink/usrlib/{job}.jar --backfill-from {from} --sink-mode {mode}', [
      job,
      datetime('from', 'From'),
      { name: 'mode', label: 'Sink mode', choices: ['append', 'overwrite'] },
      { name: 'parallelism', label: 'Parallelism', placeholder: '1 to 64' },
    ]);
    add('flink', 'replay a job’s dead-letter queue', 'flink run -d /opt/flink/usrlib/{job}.jar --replay-dlq', [job]);
  }
  if (n.connectors.length > 0) {
    const connector: PaletteParam = { name: 'connector', label: 'Connector', choices: n.connectors };
    add('curl', 'read a connector’s status', 'curl -s http://kafka-connect:8083/connectors/{connector}/status | jq .', [connector]);
    add('curl', 'read a connector’s configuration', 'curl -s http://kafka-connect:8083/connectors/{connector}/config | jq .', [connector]);
    add('curl', 'restart a connector’s failed tasks', "curl -s -X POST 'http://kafka-connect:8083/connectors/{connector}/restart?includeTasks=true&onlyFailed=true'", [connector]);
  }
  if (n.tables.length > 0) {
    add('dbt', 'check source freshness', 'dbt source freshness');
    add('dbt', 'test a model', 'dbt test --select {model}', [{ name: 'model', label: 'Model', choices: n.tables }]);
    add('dbt', 'rebuild a model', 'dbt run --select {model}', [{ name: 'model', label: 'Model', choices: n.tables }]);
    add('dbt', 'label a model’s recent hours provisional', "dbt run-operation mark_provisional --args '{model: {model}, hours: {hours}}'", [
      { name: 'model', label: 'Model', choices: n.tables },
      { name: 'hours', label: 'Hours', placeholder: 'a whole number (0: all final)' },
    ]);
  }
  if (n.flags.length > 0) {
    add('flagctl', 'list feature flags', 'flagctl list');
    add('flagctl', 'switch a feature flag', 'flagctl set {flag} {value}', [
      { name: 'flag', label: 'Flag', choices: n.flags },
      { name: 'value', label: 'State', choices: ['off', 'on'] },
    ]);
  }
  if (n.groups.length > 0) {
    add('kafka-consumer-groups', 'describe a group (lag per partition)', `${kcg} --describe --group {group}`, [group]);
    add('kafka-consumer-groups', 'list a group’s members', `${kcg} --describe --group {group} --members`, [group]);
    add('kafka-consumer-groups', 'list every group', `${kcg} --list`);
    add('kafka-consumer-groups', 'reset a group’s offsets', `${kcg} --group {group} --reset-offsets --all-topics {position} {value} {run}`, [
      group,
      { name: 'position', label: 'To', choices: ['--by-duration', '--shift-by', '--to-datetime', '--to-earliest', '--to-latest', '--to-offset'] },
      { name: 'value', label: 'Value (datetime, duration, offset or shift)', placeholder: 'YYYY-MM-DDTHH:MM:SS.000, PT1H, 1000 or -1000', optional: true },
      { name: 'run', label: 'Run', choices: ['--dry-run', '--execute'] },
    ]);
  }
  if (n.topics.length > 0) {
    add('kafka-topics', 'describe a topic', `kafka-topics --bootstrap-server ${bootstrapServer} --describe --topic {topic}`, [{ name: 'topic', label: 'Topic', choices: n.topics }]);
    add('kafka-topics', 'list topics', `kafka-topics --bootstrap-server ${bootstrapServer} --list`);
  }
  if (n.deployments.length > 0) {
    add('kubectl', 'describe a deployment', 'kubectl describe deployment/{deployment}', [deployment]);
    add('kubectl', 'list pods', 'kubectl get pods');
    add('kubectl', 'read a deployment’s logs', 'kubectl logs deployment/{deployment} --since={since}', [deployment, { name: 'since', label: 'Since', placeholder: 'a duration: 15m, 1h' }]);
    add('kubectl', 'search a deployment’s logs', "kubectl logs deployment/{deployment} --since={since} | grep -E '{pattern}'", [deployment, { name: 'since', label: 'Since', placeholder: 'a duration: 15m, 1h' }, { name: 'pattern', label: 'Pattern', placeholder: 'an extended regular expression: WARN|ERROR' }]);
    add('kubectl', 'restart a deployment', 'kubectl rollout restart deployment/{deployment}', [deployment]);
    add('kubectl', 'scale a deployment', 'kubectl scale deployment/{deployment} --replicas={replicas}', [deployment, { name: 'replicas', label: 'Replicas', placeholder: 'a number' }]);
    add('kubectl', 'set a deployment’s environment', 'kubectl set env deployment/{deployment} {setting}', [deployment, { name: 'setting', label: 'KEY=value', placeholder: 'KEY=value (--list shows the keys)' }]);
    add('kubectl', 'show a deployment’s environment', 'kubectl set env deployment/{deployment} --list', [deployment]);
  }
  if (n.tables.length > 0) {
    const table: PaletteParam = { name: 'table', label: 'Table', choices: n.tables };
    const key: PaletteParam = { name: 'key', label: 'Key column', placeholder: 'the column that identifies one event' };
    add('spark-submit', 'count a table’s duplicate rows (dry run)', 'spark-submit /opt/spark/jobs/dedupe_by_key.py --table {table} --key {key} --dry-run', [table, key]);
    add('spark-submit', 'deduplicate a table on its key', 'spark-submit /opt/spark/jobs/dedupe_by_key.py --table {table} --key {key}', [table, key]);
  }
  if (n.dashboards.length > 0) {
    add('lineage', 'trace a dashboard upstream', 'lineage upstream dashboard:{dashboard}', [{ name: 'dashboard', label: 'Dashboard', choices: n.dashboards }]);
  }
  if (n.icebergTables.length > 0) {
    const table: PaletteParam = { name: 'table', label: 'Iceberg table', choices: n.icebergTables };
    const maintain = (does: string, procedure: string, arg: string, placeholder: string) =>
      add('trino', does, `trino --execute "ALTER TABLE {table} EXECUTE ${procedure}(${arg} => '{${procedure}}')"`, [table, { name: procedure, label: arg, placeholder }]);
    add('trino', 'profile a query on a table', `trino --execute "EXPLAIN ANALYZE SELECT count(*) FROM {table} WHERE event_ts >= current_date - INTERVAL '7' DAY"`, [table]);
    add('trino', 'count a table’s data files and their size', `trino --output-format ALIGNED --execute 'SELECT count(*) AS files, avg(file_size_in_bytes) AS avg_file_bytes FROM "{table}$files"'`, [table]);
    add('trino', 'show a table’s definition and partitioning', 'trino --execute "SHOW CREATE TABLE {table}"', [table]);
    add('trino', 'change a table’s partitioning for new data', 'trino --execute "ALTER TABLE {table} SET PROPERTIES partitioning = ARRAY[{spec}]"', [table, { name: 'spec', label: 'Partition fields', placeholder: "'day(event_ts)' or 'hour(event_ts)','bucket(col, n)'" }]);
    maintain('compact a table’s small files', 'optimize', 'file_size_threshold', 'a size: 32MB');
    maintain('expire a table’s old snapshots', 'expire_snapshots', 'retention_threshold', 'a duration: 7d');
    maintain('remove a table’s orphan files', 'remove_orphan_files', 'retention_threshold', 'a duration: 7d');
  }
  return entries.sort((a, b) => a.tool.localeCompare(b.tool) || a.does.localeCompare(b.does));
}

/** The line a form builds from the values filled in; a blank left empty stays `{name}`, and the line says so. */
export function fillPalette(entry: PaletteEntry, values: Readonly<Record<string, string>>): { line: string; missing: string[] } {
  const missing = entry.params.filter((p) => !p.optional && (values[p.name] ?? '').trim() === '').map((p) => p.label);
  const optional = new Set(entry.params.filter((p) => p.optional).map((p) => p.name));
  const line = entry.template
    .replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = (values[name] ?? '').trim();
      return value !== '' ? value : optional.has(name) ? '' : whole;
    })
    .replace(/ {2,}/g, ' ');
  return { line, missing };
}
