import type { Effect, Scenario } from '../../scenarios/schema';
import { lookup } from '../scenario-lookup';
import type { DagRun, SimState } from '../state';
import { rerunWindows } from './dag-windows';
import { landNow } from './step-landings';

/** The effects on extracts, the scheduler and DAG runs. */
export type OrchestrationEffect = Extract<
  Effect,
  { op: 'table.set-landing' | 'table.land' | 'scheduler.set' | 'dag.set' | 'dag.trigger' | 'dag.clear' | 'dag.rerun' | 'dag.backfill' }
>;

function newRun(logicalTime: number, t: number, runType?: 'manual' | 'backfill'): DagRun {
  return { logicalTime, state: 'queued', sensor: 'none', build: 'none', sensorStartedAt: null, buildStartedAt: null, queuedAt: t, endedAt: null, sourceThrough: null, ...(runType && { runType }) };
}

/** Applies one orchestration effect to the world. Effects naming something missing do nothing. */
export function applyOrchestrationEffect(s: Scenario, state: SimState, effect: OrchestrationEffect): void {
  const w = state.world;
  const t = state.t;
  switch (effect.op) {
    case 'table.set-landing': {
      const table = w.tables[effect.table];
      if (table && table.landingDelayS !== undefined) table.landingDelayS = effect.delayS;
      return;
    }
    case 'table.land':
      return landNow(s, state, effect.table);
    case 'scheduler.set': {
      const scheduler = w.scheduler;
      if (!scheduler) return;
      if (effect.running !== undefined) {
        if (effect.running && !scheduler.running) scheduler.lastHeartbeatAt = t;
        scheduler.running = effect.running;
      }
      if (effect.slots !== undefined) scheduler.slots = effect.slots;
      return;
    }
    case 'dag.set': {
      const dag = w.dags[effect.dag];
      if (!dag) return;
      if (effect.sensorMode !== undefined) dag.sensorMode = effect.sensorMode;
      if (effect.timezone !== undefined) dag.timezone = effect.timezone;
      if (effect.mode !== undefined) dag.mode = effect.mode;
      return;
    }
    case 'dag.trigger': {
      const dag = w.dags[effect.dag];
      const spec = lookup(s).dag.get(effect.dag);
      // A manual run covers the latest complete period, like `airflow dags trigger` with the current logical date.
      if (dag && spec) dag.runs.push(newRun(Math.floor(t / spec.everyS) * spec.everyS, t, 'manual'));
      return;
    }
    case 'dag.clear': {
      const dag = w.dags[effect.dag];
      if (!dag) return;
      for (const run of dag.runs) {
        if (run.state !== 'failed') continue;
        Object.assign(run, newRun(run.logicalTime, t, run.runType));
      }
      dag.failedRuns = 0;
      return;
    }
    case 'dag.rerun': {
      const dag = w.dags[effect.dag];
      const spec = lookup(s).dag.get(effect.dag);
      if (dag && spec) rerunWindows(s, state, spec, dag, effect.fromS, effect.toS, effect.replace ?? false);
      return;
    }
    case 'dag.backfill': {
      const dag = w.dags[effect.dag];
      const spec = lookup(s).dag.get(effect.dag);
      if (!dag || !spec) return;
      for (let at = Math.ceil(effect.fromS / spec.everyS) * spec.everyS; at < effect.toS; at += spec.everyS) dag.runs.push(newRun(at, t, 'backfill'));
      return;
    }
  }
}
