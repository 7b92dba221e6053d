/**
 * The mechanisms a responder chooses from when declaring a root cause: one list for every
 * scenario, always in this order, so neither its content nor its order says anything about the
 * incident at hand.
 */
export const mechanisms = [
  { id: 'schema-incompatibility', label: 'Schema change the reader cannot handle (incompatible or drifted schema)' },
  { id: 'source-data-error', label: 'Bad data written at the source' },
  { id: 'upstream-delivery-failure', label: 'Upstream delivery stopped or late (an extract or feed did not land)' },
  { id: 'poll-timeout-rebalance', label: 'Consumer poll timeout / rebalance storm' },
  { id: 'duplicate-processing', label: 'Duplicate processing (records replayed into a non-idempotent sink)' },
  { id: 'late-data-watermark', label: 'Late data dropped behind the watermark' },
  { id: 'clock-timezone', label: 'Clock, timezone or daylight-saving error' },
  { id: 'resource-starvation', label: 'Resource starvation (worker slots, pools, quotas)' },
  { id: 'scheduler-failure', label: 'Scheduler or orchestrator down' },
  { id: 'small-files', label: 'Small files / over-partitioning' },
  { id: 'under-provisioned', label: 'Under-provisioned consumer (throughput below the produce rate)' },
  { id: 'bad-deploy-config', label: 'Bad deploy or configuration change in the pipeline' },
  { id: 'infrastructure-outage', label: 'Infrastructure outage (broker, storage or network)' },
  { id: 'plan-exceeds-capacity', label: 'Plan exceeds capacity (a decision, not a platform fault)' },
] as const;

/** A mechanism's id. */
export type MechanismId = (typeof mechanisms)[number]['id'];

/** The mechanism ids, for schemas. */
export const mechanismIds = mechanisms.map((m) => m.id) as [MechanismId, ...MechanismId[]];

/** The kinds of platform component a cause can be pinned on, in the order pickers list them. */
export const componentKinds = ['producer', 'topic', 'subject', 'job', 'table', 'dag', 'scheduler', 'dashboard', 'none'] as const;

/** A component of the platform as `kind:id` (`job:orders-enricher`), `scheduler`, or `none` for a cause that is no component's fault. */
export const componentPattern = /^(?:(?:producer|topic|subject|job|table|dag|dashboard):[A-Za-z0-9_-]{1,64}|scheduler|none)$/;
