/**
 * What a responder types at the stale-revenue incident for each step they might take, so tests
 * read like the incident ("the responder switches the billing sensors to reschedule") and play
 * through the same parser a person types at.
 */
const billingDags = ['revenue_mart', 'finance_ar_aging', 'invoice_reconciliation', 'finance_kpis'];

export const staleRevenueSteps = {
  sourceFreshness: ['dbt source freshness'],
  testRevenue: ['dbt test --select revenue_daily'],
  checkScheduler: ['airflow jobs check --job-type SchedulerJob'],
  sensorsReschedule: billingDags.map((d) => `airflow variables set ${d}.sensor_mode reschedule`),
  restartScheduler: ['kubectl rollout restart deployment/airflow-scheduler'],
  stopBackfill: ['airflow tasks clear ledger_backfill --only-running -y'],
  raisePool: ['airflow pools set default_pool 12 "Default pool"'],
  triggerRevenue: ['airflow dags trigger revenue_mart'],
  clearFailedRevenue: ['airflow tasks clear revenue_mart --only-failed -y'],
  rerunHistory: ['airflow dags backfill -s 2024-09-30T08:30 -e 2024-10-01T08:15 revenue_mart'],
} as const;
