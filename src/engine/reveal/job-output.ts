import type { Scenario } from '../../scenarios/schema';
import { lookup } from '../scenario-lookup';
import type { JobLogLine, PollState, SimState } from '../state';
import { logTimestamp } from '../wall-clock';
import type { Printed } from './render-reveal';

const shownLines = 60;

/** The job's recent log lines, timestamped as log4j prints them. */
export function jobLogsOutput(s: Scenario, state: SimState, jobId: string): Printed {
  const job = state.world.jobs[jobId];
  // Flink jobs log from their task managers; plain consumers and connectors from their own pods.
  const pod = lookup(s).job.get(jobId)?.engine === 'consumer' ? jobId : `${jobId}-taskmanager`;
  const command = `kubectl logs deploy/${pod} --since=3h | tail -${shownLines}`;
  if (!job) return { title: 'Job logs', command, body: `Error from server (NotFound): deployments.apps "${jobId}-taskmanager" not found` };
  const lines = formatLogLines(s, job.logs).slice(-shownLines);
  return { title: `Logs: ${jobId}`, command, body: lines.length > 0 ? lines.join('\n') : '(no log lines in the last 3 hours)' };
}

/**
 * Log lines as log4j prints them: timestamp with milliseconds, level, text; stack-trace lines as
 * they are. A line's milliseconds depend only on its second and its place among that second's
 * lines, so every view of the log (the last lines, a filter, a grep) prints the same stamp, and
 * stamps never run backwards within a second. With `keep`, only the lines it keeps are returned.
 */
export function formatLogLines(s: Scenario, logs: readonly JobLogLine[], keep?: (line: JobLogLine) => boolean): string[] {
  const mod = (a: number, n: number) => ((a % n) + n) % n;
  let second = Number.NaN;
  let k = 0;
  const out: string[] = [];
  for (const line of logs) {
    const kept = keep === undefined || keep(line);
    if (line.text.startsWith('Caused by:') || line.text.startsWith('org.apache.kafka')) {
      if (kept) out.push(line.text);
      continue;
    }
    k = line.t === second ? k + 1 : 0;
    second = line.t;
    // Every line counts towards its second's stamps; only the kept ones are formatted (a long log, a short window).
    if (!kept) continue;
    const millis = Math.min(999, mod(line.t * 7919, 600) + 17 + k * (7 + mod(line.t * 13, 90)));
    out.push(`${logTimestamp(s.clock, line.t, millis)} ${line.level.padEnd(5)} ${line.text}`);
  }
  return out;
}

/** The job's status as the Flink REST API reports it. */
export function jobStatusOutput(s: Scenario, state: SimState, jobId: string): Printed {
  const spec = lookup(s).job.get(jobId);
  const job = state.world.jobs[jobId];
  const command = `curl -s http://flink-jobmanager:8081/jobs/${jobId} | jq '{name, state, numRestarts, parallelism, checkpoint}'`;
  if (!spec || !job) return { title: 'Job status', command, body: '{"errors":["Job not found."]}' };
  const body = JSON.stringify(
    {
      name: jobId,
      state: job.status,
      numRestarts: job.numRestarts,
      parallelism: job.instances,
      // A plain consumer has no Flink restart strategy or checkpoints; it commits offsets per poll batch.
      ...(spec.engine === 'consumer' ? {} : { restartStrategy: spec.restart.strategy === 'none' ? 'none' : `fixed-delay (attempts=${spec.restart.attempts}, delay=${spec.restart.delayS}s)` }),
      readerSchema: job.readerMode === 'pinned' ? `pinned: ${spec.subject} v${spec.pinnedVersion}` : 'writer schema from registry',
      errorHandling: job.onError === 'fail' ? 'fail' : job.onError === 'dlq' ? `dead-letter queue (${spec.dlqTopic})` : 'skip and log',
      ...(spec.engine === 'consumer' ? {} : { checkpoint: { latest_completed_id: job.checkpointId } }),
      sink: { table: spec.sink.table, mode: (job.idempotentSink ?? spec.sink.idempotent) ? 'merge on key' : 'append' },
      ...(job.poll ? { consumer: pollSettings(job.poll) } : {}),
    },
    null,
    2,
  );
  return { title: `Job ${jobId}`, command, body };
}

// The consumer settings that decide whether a poll loop outlives max.poll.interval.ms.
function pollSettings(poll: PollState): Record<string, string | number> {
  return {
    'max.poll.records': poll.maxPollRecords,
    'max.poll.interval.ms': poll.maxPollIntervalS * 1000,
    sinkCall: poll.sinkCall,
    sinkRequestTimeoutMs: poll.sinkTimeoutMs === null ? 'none' : poll.sinkTimeoutMs,
    lastPollLoopS: poll.lastLoopS,
    rebalances: poll.rebalances,
  };
}
