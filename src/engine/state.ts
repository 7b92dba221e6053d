import type { Command, LogEntry, MilestoneName, RevealKind, VerdictKind } from '../scenarios/schema';
import type { LateWindowState, TableLayoutState } from './world/lake-state';
import type { SchedulerState, WindowedTable } from './world/orchestration-state';
import type { Hold } from './hands';
import type { RepliesState } from './stakeholder-replies';

/** How a range of offsets was (last) processed; the status of each record follows from it. */
export interface LedgerRun {
  from: number;
  to: number;
  readerMode: 'pinned' | 'registry';
  onError: 'fail' | 'dlq' | 'skip';
  /** Skipped by an offset reset or expired by retention: every record in it is lost. */
  skipped: boolean;
  /** Its dead-letter records were replayed and delivered. */
  dlqReplayed: boolean;
  /** Extra rows the sink holds for records in this range (re-deliveries into an appending sink). */
  duplicates: number;
}

/** A stretch of a partition written with one schema version and one poison pattern. */
export interface Segment {
  from: number;
  writerVersion: number;
  /** Every `poisonEvery`-th record (at `phase`) is a poison record; 0 means none. */
  poisonEvery: number;
  poisonKind: 'pinned-reader' | 'any-reader';
  phase: number;
  /** Columns the producer wrote as null in this stretch (absent: none); removed once upstream repairs the rows. */
  nulls?: NullShare[];
  /** Fields the producer moved into a nested field in this stretch (absent: none). */
  moved?: MovedField[];
}

/** A top-level field written as null in `fraction` of records, its value carried in the nested field `to`. */
export interface MovedField {
  field: string;
  to: string;
  fraction: number;
}

/** A column written as null, and for what share of records. */
export interface NullShare {
  column: string;
  fraction: number;
}

/** One Kafka partition. */
export interface PartitionState {
  base: number;
  logStart: number;
  logEnd: number;
  segments: Segment[];
  /** Log-end offset sampled every `offsetIndexStepS` from the world's start. */
  index: number[];
}

/** A topic and its partitions. */
export interface TopicState {
  partitions: PartitionState[];
}

/** A producer's current behaviour. */
export interface ProducerState {
  ratePerSec: number;
  writerVersion: number;
  poisonEvery: number;
  poisonKind: 'pinned-reader' | 'any-reader';
  lastRate: number;
  /** Events sent late (offline devices flushing later); absent when none ever were. */
  late?: { share: number; byS: number };
  /** Columns the producer writes as null (absent: none), set by `producer.set nullColumns`. */
  nullColumns?: NullShare[];
  /** Fields the producer moved into nested fields (absent: none), set by `producer.set movedFields`. */
  movedFields?: MovedField[];
}

/** A streaming job's runtime status, as Flink names them. */
export type JobStatus = 'RUNNING' | 'RESTARTING' | 'FAILED' | 'STOPPED';

/** One log line of a job. */
export interface JobLogLine {
  t: number;
  level: 'INFO' | 'WARN' | 'ERROR';
  text: string;
}

/** A streaming job's state: configuration, offsets and the ledger of what it did with each record. */
export interface JobState {
  status: JobStatus;
  readerMode: 'pinned' | 'registry';
  onError: 'fail' | 'dlq' | 'skip';
  instances: number;
  ratePerInstance: number;
  restartsUsed: number;
  numRestarts: number;
  restartAt: number | null;
  committed: number[];
  highWater: number[];
  /** Below this offset, re-delivery overwrites the sink's partitions instead of duplicating. */
  overwriteUntil: number[];
  ledger: LedgerRun[][];
  /** The record the job failed on last, if any. */
  lastFailure: { partition: number; offset: number; schemaId: number; error: string } | null;
  consumedLastTick: number;
  errorsLastTick: number;
  logs: JobLogLine[];
  checkpointId: number;
  /** A bounded backfill running beside the live job, if any. */
  backfill: BackfillState | null;
  /** Event-time windows and what the watermark dropped; only for jobs declaring an allowed lateness. */
  lateWindows?: LateWindowState;
  /** The poll-loop model, when the job declares one (absent: throughput is only `ratePerInstance`). */
  poll?: PollState;
  /** Set by `job.set idempotentSink`: overrides the declared sink mode (MERGE on the event id). */
  idempotentSink?: boolean;
}

/** A consumer group's poll loops: settings, members' loops in flight, rebalances. */
export interface PollState {
  maxPollRecords: number;
  maxPollIntervalS: number;
  sinkCallMs: number;
  sinkSlowShare: number;
  sinkSlowMs: number;
  sinkTimeoutMs: number | null;
  rebalanceS: number;
  sinkCall: string;
  /** The group is rebalancing (nobody consumes) until this time. */
  rebalanceUntil: number | null;
  rebalances: number;
  commitFailures: number;
  generation: number;
  /** The longest loop in flight or last finished, in seconds. */
  lastLoopS: number;
  /** How long the loops evicted at the last rebalance would have taken. */
  lastEvicted: number[];
  /** One loop per active member (member m owns partitions i with i % members === m); null when idle. */
  loops: (PollLoop | null)[];
  /** Per partition: where the current batch ends and how far it has been written to the sink. */
  batchEnd: number[];
  written: number[];
}

/** One member's poll loop in flight. */
export interface PollLoop {
  began: number;
  loopS: number;
  records: number;
  /** Calls of this batch that hung on the degraded downstream. */
  slowCalls: number;
  /** With `onError: fail`, the record the batch stops before; the job fails on it when the batch ends. */
  failAt: { partition: number; offset: number } | null;
}

/** A bounded re-read of a range of offsets, per partition. */
export interface BackfillState {
  cursor: number[];
  end: number[];
  ratePerSec: number;
  overwrite: boolean;
  startedAt: number;
}

/** The state of one Airflow task instance. */
export type TaskState = 'none' | 'scheduled' | 'queued' | 'running' | 'up_for_reschedule' | 'success' | 'failed' | 'upstream_failed';

/** One DAG run. */
export interface DagRun {
  logicalTime: number;
  state: 'queued' | 'running' | 'success' | 'failed';
  sensor: TaskState;
  build: TaskState;
  sensorStartedAt: number | null;
  buildStartedAt: number | null;
  /** When each waiting task joined the slot queue (first come, first served). */
  queuedAt: number;
  endedAt: number | null;
  /** The sensor table's data watermark when the build started: what the build will publish. */
  sourceThrough: number | null;
  /** How the run was started, when not by the schedule. */
  runType?: 'manual' | 'backfill';
}

/** A DAG's runs and whether it is paused. */
export interface DagState {
  paused: boolean;
  nextRunAt: number;
  runs: DagRun[];
  failedRuns: number;
  /** Overrides set by `dag.set` (absent: as declared). */
  sensorMode?: 'poke' | 'reschedule';
  timezone?: 'UTC' | 'local';
  mode?: 'append' | 'overwrite';
}

/** A lake table's load state. */
export interface TableState {
  /** Event time up to which the table holds data. */
  loadedThrough: number;
  lastLoadAt: number;
  rows: number;
  /** Files, layout and compaction; only for tables declaring a layout. */
  layout?: TableLayoutState;
  /** The most recent partitions marked provisional, in seconds; absent or 0 when all are final. */
  provisionalS?: number;
  /** An upstream extract's current delay (only for landing tables). */
  landingDelayS?: number;
  /** Per-window build tracking (only for targets of DAGs declaring a build mode). */
  windows?: WindowedTable;
}

/** A registry subject's runtime state. */
export interface SubjectState {
  compatibility: string;
  registered: { version: number; at: number }[];
}

/** The simulated platform. */
export interface WorldState {
  producers: Record<string, ProducerState>;
  topics: Record<string, TopicState>;
  jobs: Record<string, JobState>;
  tables: Record<string, TableState>;
  dags: Record<string, DagState>;
  subjects: Record<string, SubjectState>;
  flags: Record<string, boolean>;
  /** Present only when the scenario declares a scheduler. */
  scheduler?: SchedulerState;
}

/** An alert rule's runtime state. */
export interface AlertState {
  status: 'ok' | 'pending' | 'firing';
  pendingSince: number | null;
  firedAt: number | null;
  lastFiredAt: number | null;
  ackedAt: number | null;
  resolvedAt: number | null;
  fireCount: number;
}

/** An action the player started that has not finished. */
export interface RunningAction {
  action: string;
  startedAt: number;
  endsAt: number;
}

/** An action the player started and how it was judged. */
export interface Decision {
  action: string;
  startedAt: number;
  completedAt: number | null;
  verdict: VerdictKind;
}

/** What a tool printed when an investigation completed. */
export interface ToolOutput {
  at: number;
  action: string;
  kind: RevealKind;
  title: string;
  command: string;
  body: string;
}

/** A root cause the responder declared, and how it compares with the run's cause (hidden from the player until the end). */
export interface CauseDeclaration {
  at: number;
  component: string;
  mechanism: string;
  evidence: string[];
  parts: { component: boolean; mechanism: boolean; evidence: boolean };
  correct: boolean;
}

/** A command typed at the shell: running until `endsAt`, then what it printed, stamped with the sim time it ran at. */
export interface TerminalEntry {
  id: number;
  line: string;
  startedAt: number;
  endsAt: number;
  /** Null while the command runs. */
  output: string | null;
  exit: number | null;
  /** The session log's entry that typed it (absent in transcripts from before it was kept). */
  logIndex?: number;
  /** The seat that typed it, in a room (each seat has its own prompts); absent in solo play. */
  by?: string;
  /** What the command changed in the world, as the timeline says it (absent: nothing). */
  changed?: string[];
}

/** A line in the incident's chat: from a stakeholder or the player's status update. */
export interface ChatMessage {
  at: number;
  from: string;
  text: string;
  kind: 'stakeholder' | 'status-update';
  etaS?: number;
  nextUpdateS?: number;
  impact?: string;
}

/** An entry of the player-visible incident timeline. */
export interface TimelineEntry {
  at: number;
  kind: 'alert' | 'action-started' | 'action-completed' | 'message' | 'declaration' | 'note' | 'hint' | 'system' | 'inject';
  text: string;
  /** A hint released to one person: the room seat that alone sees it. */
  to?: string;
}

/** A command the engine refused, and why. */
export interface RejectedCommand {
  at: number;
  command: Command;
  reason: string;
  /** The seat that sent it, in a room. */
  by?: string;
}

/** Sampled metric values for charts, bounded in length. */
export interface SeriesState {
  stepS: number;
  times: number[];
  values: Record<string, number[]>;
}

/** The incident's flow, as the XState machine's state value. */
export type FlowValue = string | { [region: string]: FlowValue };

/** Everything about a session at one moment. A pure function of scenario, seed and log. */
export interface SimState {
  scenarioId: string;
  scenarioVersion: number;
  seed: number;
  rng: number;
  t: number;
  nextTickAt: number;
  flow: FlowValue;
  world: WorldState;
  metrics: Record<string, number>;
  series: SeriesState;
  alerts: Record<string, AlertState>;
  running: RunningAction[];
  decisions: Decision[];
  outputs: ToolOutput[];
  messages: ChatMessage[];
  sentMessages: string[];
  timeline: TimelineEntry[];
  notes: { at: number; text: string }[];
  hintsUsed: number;
  severity: string | null;
  causeDeclarations: CauseDeclaration[];
  resolveAttempts: { at: number; failures: string[] }[];
  /** When the player declared the impact mitigated (their claim; the world decides the milestone). */
  mitigationDeclaredAt: number | null;
  postmortem: ({ at: number } & Omit<Extract<Command, { type: 'postmortem.submit' }>, 'type'>) | null;
  injects: { at: number; inject: string }[];
  milestones: Record<MilestoneName, number | null>;
  faultTimes: Record<string, number>;
  faultsApplied: string[];
  impactObserved: boolean;
  /** Seconds since impact start during which the mitigation conditions did not hold (SLA breach). */
  impactS: number;
  ended: { at: number; reason: 'completed' | 'timed-out' | 'ended-early' } | null;
  rejected: RejectedCommand[];
  log: LogEntry[];
  /** The shell's transcript; absent until the first command is typed. */
  terminal?: TerminalEntry[];
  /** The SQL prompt's transcript (the query as `line`); absent until the first query. */
  sql?: TerminalEntry[];
  /** A decision drill's plans, as sent; absent until the first. */
  plans?: SentPlan[];
  /** The commands in each responder's hands (see hands.ts); absent until the first. */
  hands?: Hold[];
  /** Stakeholders' answers to the player's updates; absent until the first. */
  replies?: RepliesState;
}

/** A decision drill's plan as the player sent it, with why it did harm (empty when it did none). */
export interface SentPlan {
  at: number;
  sections: { section: string; lines: string[] }[];
  harmful: string[];
}
