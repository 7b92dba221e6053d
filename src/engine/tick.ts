import type { Scenario } from '../scenarios/schema';
import { completeActions } from './actions';
import { completeTyped } from './terminal/terminal-session';
import { evaluateAlerts } from './alerts';
import { advanceFlow, regionIs, stageOf } from './flow/session-machine';
import { deliverDueMessages, deliverMessage } from './messages';
import { computeMetrics } from './metrics/compute-metrics';
import { holds } from './metrics/conditions';
import { sampleSeries } from './metrics/series';
import { deliverReplies } from './stakeholder-replies';
import type { SimState } from './state';
import { accountJob, type Accounting } from './world/accounting';
import { applyEffect } from './world/apply-effect';
import { stepDags } from './world/step-dags';
import { stepLandings } from './world/step-landings';
import { stepJobs } from './world/step-jobs';
import { stepLake } from './world/step-lake';
import { stepProducers } from './world/step-producers';
import { stepSinkTables } from './world/step-sink-tables';

/** Steps the world one tick at `state.t`: faults, producers, jobs, tables, DAGs, then the incident's reactions. */
export function tick(s: Scenario, state: SimState): void {
  applyDueFaults(s, state);
  stepProducers(s, state);
  stepJobs(s, state);
  stepLake(s, state);
  refreshMetrics(s, state, true);
  const runningBefore = state.running.length;
  completeActions(s, state);
  const typed = completeTyped(s, state);
  // Finished actions change the world; alerts, milestones and the views must see that this tick, not the next.
  if (state.running.length < runningBefore || typed) refreshMetrics(s, state, false);
  evaluateAlerts(s, state);
  trackImpact(s, state);
  deliverDueMessages(s, state);
  deliverReplies(s, state);
  sampleSeries(state.series, state.t, state.metrics);
}

/** Recomputes accounting, job-fed tables, DAGs (when stepping) and metrics. */
export function refreshMetrics(s: Scenario, state: SimState, stepWorld: boolean): void {
  // One per job, in the scenario's order of jobs.
  const accounts: Accounting[] = [];
  for (const job of s.world.jobs) accounts.push(accountJob(s, state, job.id));
  stepSinkTables(s, state, accounts);
  if (stepWorld) {
    stepLandings(s, state);
    stepDags(s, state);
  }
  state.metrics = computeMetrics(s, state, accounts);
}

function applyDueFaults(s: Scenario, state: SimState): void {
  for (const fault of s.faults) {
    const at = state.faultTimes[fault.id];
    if (at === undefined || at > state.t || state.faultsApplied.includes(fault.id)) continue;
    state.faultsApplied.push(fault.id);
    for (const effect of fault.effects) applyEffect(s, state, effect, (id) => deliverMessage(s, state, id));
  }
}

/**
 * Records the world's milestones: the first page after impact start is detection; impact is
 * mitigated the first time the scenario's mitigation conditions hold after being broken.
 */
function trackImpact(s: Scenario, state: SimState): void {
  const impactStart = state.milestones.impactStart;
  if (impactStart === null || state.t < impactStart) return;
  const ok = s.mitigatedWhen.every((c) => holds(state, c));
  if (!ok) {
    state.impactObserved = true;
    state.impactS += s.clock.tickS;
  }
  if (ok && state.impactObserved && state.milestones.mitigated === null) {
    state.milestones.mitigated = state.t;
    if (stageOf(state.flow) === 'running') state.flow = advanceFlow(state.flow, { type: 'world.impact-stopped' });
    state.timeline.push({ at: state.t, kind: 'system', text: 'Impact stopped: the dashboards are fresh again.' });
  }
  if (ok && state.milestones.mitigated !== null && regionIs(state.flow, 'impact', 'ongoing')) {
    state.flow = advanceFlow(state.flow, { type: 'world.impact-stopped' });
  }
}
