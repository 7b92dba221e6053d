import type { Scenario } from '../../scenarios/schema';
import { lookup } from '../scenario-lookup';
import { memberId } from '../world/member-id';
import type { SimState } from '../state';
import { columns, type Printed } from './render-reveal';

/** `kafka-consumer-groups --describe`, with live offsets and lag. */
export function consumerGroupOutput(s: Scenario, state: SimState, jobId: string): Printed {
  const spec = lookup(s).job.get(jobId);
  const job = state.world.jobs[jobId];
  const topic = spec && state.world.topics[spec.topic];
  const command = `kafka-consumer-groups --bootstrap-server kafka:9092 --describe --group ${spec?.group ?? jobId}`;
  if (!spec || !job || !topic) return { title: 'Consumer group', command, body: `Error: Consumer group '${jobId}' does not exist.` };
  const rebalanceUntil = job.poll?.rebalanceUntil ?? null;
  const rebalancing = job.status === 'RUNNING' && rebalanceUntil !== null && state.t < rebalanceUntil;
  const active = job.status === 'RUNNING' && !rebalancing;
  const members = Math.min(job.instances, topic.partitions.length);
  const rows = [['GROUP', 'TOPIC', 'PARTITION', 'CURRENT-OFFSET', 'LOG-END-OFFSET', 'LAG', 'CONSUMER-ID', 'HOST', 'CLIENT-ID']];
  const count = topic.partitions.length;
  // The range assignor (Kafka's default) hands each member a contiguous block; the first members take one extra.
  const memberOf = (i: number) => {
    const base = Math.floor(count / members);
    const extra = count % members;
    const cut = extra * (base + 1);
    return i < cut ? Math.floor(i / (base + 1)) : extra + Math.floor((i - cut) / Math.max(1, base));
  };
  topic.partitions.forEach((p, i) => {
    const committed = job.committed[i] as number;
    const member = memberOf(i);
    rows.push([
      spec.group,
      spec.topic,
      String(i),
      String(committed),
      String(p.logEnd),
      String(Math.max(0, p.logEnd - committed)),
      active ? memberId(spec.id, member) : '-',
      active ? `/10.4.2.${20 + member}` : '-',
      active ? `${spec.id}-${member}` : '-',
    ]);
  });
  // Members past the partition count get no assignment: they are listed with no partitions.
  for (let member = members; active && member < job.instances; member++) {
    rows.push([spec.group, '-', '-', '-', '-', '-', memberId(spec.id, member), `/10.4.2.${20 + member}`, `${spec.id}-${member}`]);
  }
  const header = rebalancing
    ? `\nWarning: Consumer group '${spec.group}' is rebalancing.\n`
    : active
      ? ''
      : `\nConsumer group '${spec.group}' has no active members.\n`;
  return { title: `Consumer group ${spec.group}`, command, body: `${header}\n${columns(rows)}` };
}

/** `kcat | xxd` on the record the job is stuck on: byte 0 is the magic byte, bytes 1–4 the schema id. */
export function recordDumpOutput(s: Scenario, state: SimState, jobId: string): Printed {
  const spec = lookup(s).job.get(jobId);
  const failure = state.world.jobs[jobId]?.lastFailure;
  const topic = spec?.topic ?? 'topic';
  if (!failure) {
    return { title: 'Record head', command: `kcat -C -b kafka:9092 -t ${topic} -o -1 -c 1 | xxd | head -1`, body: 'No failed record to inspect: the job has not reported a deserialization error.' };
  }
  const command = `kcat -C -b kafka:9092 -t ${topic} -p ${failure.partition} -o ${failure.offset} -c 1 | xxd | head -1`;
  const hex2 = (n: number) => n.toString(16).padStart(2, '0');
  const bytes =
    failure.schemaId < 0
      ? [0x7b, 0x22, 0x6f, 0x72, 0x64, 0x65, 0x72, 0x5f, 0x69, 0x64, 0x22, 0x3a, 0x22, 0x4f, 0x52, 0x44]
      : [0x00, (failure.schemaId >>> 24) & 255, (failure.schemaId >>> 16) & 255, (failure.schemaId >>> 8) & 255, failure.schemaId & 255, 0x12, 0x4f, 0x52, 0x44, 0x2d, 0x38, 0x31, 0x37, 0x32, 0x33, 0x0c];
  const hex = bytes.map(hex2).reduce((acc, b, i) => acc + b + (i % 2 === 1 ? ' ' : ''), '').trim();
  const ascii = bytes.map((b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : '.')).join('');
  const note =
    failure.schemaId < 0
      ? 'First byte is 0x7b ("{"), not the 0x00 magic byte: this record is JSON, not Confluent-framed Avro.'
      : `Magic byte 0x00, schema id 0x${failure.schemaId.toString(16).padStart(8, '0')} = ${failure.schemaId}.`;
  return { title: `Record ${topic}-${failure.partition}@${failure.offset}`, command, body: `00000000: ${hex}  ${ascii}\n\n# ${note}` };
}
