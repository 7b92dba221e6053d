import { z } from 'zod';

import { milestoneNames } from './milestone-names.ts';

export { milestoneNames };
export const milestoneNameSchema = z.enum(milestoneNames);
/** A milestone's name. */
export type MilestoneName = z.infer<typeof milestoneNameSchema>;

export const comparisonSchema = z.enum(['<', '<=', '>', '>=', '==', '!=']);
/** A comparison operator used in alert rules and conditions. */
export type Comparison = z.infer<typeof comparisonSchema>;

/**
 * A metric reference such as `table.orders_fact.freshnessS` or `job.orders-enricher.lag`.
 * The entity kinds and their metrics are listed in `metric-catalogue.ts`.
 */
export const metricRefSchema = z
  .string()
  .regex(/^[a-z]+(\.[A-Za-z0-9_-]+){1,2}(:[A-Za-z0-9_-]+)?$/, 'must look like kind.entity.metric, for example table.orders_fact.freshnessS');

/** A test on one metric of the world. */
export const metricConditionSchema = z.strictObject({
  metric: metricRefSchema,
  op: comparisonSchema,
  value: z.number().finite(),
});

/** A precondition or verification check: a metric test, an action already completed, or a milestone reached. */
export const conditionSchema = z.union([
  metricConditionSchema,
  z.strictObject({ actionDone: z.string().min(1) }),
  z.strictObject({ milestone: milestoneNameSchema }),
]);
/** A condition over the world, the actions taken or the milestones reached. */
export type Condition = z.infer<typeof conditionSchema>;
/** A test on one metric. */
export type MetricCondition = z.infer<typeof metricConditionSchema>;

/** A condition with the sentence shown to the player when it does not hold. */
export const checkSchema = z.strictObject({
  when: conditionSchema,
  failText: z.string().min(1),
});
/** A named verification check. */
export type Check = z.infer<typeof checkSchema>;
