import type { JobSpec } from '../../scenarios/schema';
import type { JobLogLine, JobState } from '../state';

/** How many log lines a job keeps. */
export const jobLogCapacity = 400;

/** Appends a line to a job's bounded log. */
export function appendJobLog(job: JobState, t: number, level: JobLogLine['level'], text: string): void {
  job.logs.push({ t, level, text });
  if (job.logs.length > jobLogCapacity) job.logs.splice(0, job.logs.length - jobLogCapacity);
}

/** The lines a job logs when a record fails to deserialize, as the Kafka client and Flink print them. */
export function jobFailureLines(
  spec: JobSpec,
  job: JobState,
  partition: number,
  offset: number,
  schemaId: number,
  error: string,
): Pick<JobLogLine, 'level' | 'text'>[] {
  const subtask = (partition % job.instances) + 1;
  const cause =
    schemaId < 0
      ? [`Caused by: org.apache.kafka.common.errors.SerializationException: Error deserializing Avro message for id -1`, `Caused by: org.apache.kafka.common.errors.SerializationException: Unknown magic byte!`]
      : [`Caused by: org.apache.kafka.common.errors.SerializationException: Error deserializing Avro message for id ${schemaId}`, `Caused by: ${error}`];
  return [
    {
      level: 'WARN',
      text: `org.apache.flink.runtime.taskmanager.Task - Source: ${spec.topic}-kafka-source (${subtask}/${job.instances})#${job.numRestarts} switched from RUNNING to FAILED with failure cause:`,
    },
    {
      level: 'ERROR',
      text: `org.apache.kafka.common.errors.SerializationException: Error deserializing key/value for partition ${spec.topic}-${partition} at offset ${offset}. If needed, please seek past the record to continue consumption.`,
    },
    ...cause.map((text) => ({ level: 'ERROR' as const, text })),
  ];
}
