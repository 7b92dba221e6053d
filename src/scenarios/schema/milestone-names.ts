/** Names of the incident milestones, in the order an incident normally reaches them (plain data, no zod). */
export const milestoneNames = ['impactStart', 'detected', 'acknowledged', 'diagnosed', 'mitigated', 'resolved'] as const;
