import type { Scenario, VerdictKind } from '../../scenarios/schema';
import { declarationLabel, judgeDeclaration } from '../diagnosis';
import { interventions, judgeInterventions } from '../scoring/consequences';
import type { TrackedReplay } from './tracked-replay';

/** What kind of moment a chart marker stands for. */
export type MarkerKind = 'action' | 'declaration' | 'ack' | 'comms' | 'resolve';

/** One thing a responder did, placed on the debrief's charts. */
export interface DebriefMarker {
  at: number;
  label: string;
  kind: MarkerKind;
  /** For actions: how the scenario judges it; for typed changes: what they did. */
  verdict?: VerdictKind | 'no-effect';
  /** For actions: the catalogue id. */
  action?: string;
  /** For root-cause declarations: whether it named the real cause. */
  correct?: boolean;
  /** Longer text, such as a status update's words or the checks a resolution failed. */
  detail?: string;
}

/**
 * The markers of a run: every command the engine accepted that changed the incident (hints,
 * notes and the session start are left out). Refused commands changed nothing, so they get none.
 */
export function markersOf(s: Scenario, run: TrackedReplay): DebriefMarker[] {
  const { state, accepted } = run;
  const markers: DebriefMarker[] = [];
  let resolveAttempt = 0;
  // A typed line that changed the world is marked where it was typed, with the verdict its consequences earned.
  const typed = new Map(interventions(state).map((e) => [e.logIndex, e]));
  const verdicts = new Map(judgeInterventions(s, state).map((v) => [v.logIndex, v.verdict]));
  state.log.forEach((entry, i) => {
    if (!accepted[i]) return;
    const c = entry.command;
    const at = entry.at;
    switch (c.type) {
      case 'action.start': {
        const spec = s.actions.find((a) => a.id === c.action);
        if (spec) markers.push({ at, label: spec.label, kind: 'action', verdict: spec.verdict.kind, action: spec.id });
        return;
      }
      case 'terminal.run': {
        const changed = typed.get(i);
        if (!changed) return;
        const verdict = verdicts.get(i);
        markers.push({ at, label: `$ ${changed.line}`, kind: 'action', ...(verdict && { verdict }), detail: (changed.changed ?? []).join('; ') });
        return;
      }
      case 'alert.acknowledge':
        markers.push({ at, label: `Acknowledged: ${s.alerts.find((a) => a.id === c.alert)?.title ?? c.alert}`, kind: 'ack' });
        return;
      case 'incident.set-severity':
        markers.push({ at, label: `Severity ${c.severity}`, kind: 'declaration' });
        return;
      case 'incident.declare-cause':
        markers.push({ at, label: `Cause declared: ${declarationLabel(s, c.component, c.mechanism)}`, kind: 'declaration', correct: Object.values(judgeDeclaration(s, c)).every(Boolean) });
        return;
      case 'incident.declare-mitigated':
        markers.push({ at, label: 'Declared mitigated', kind: 'declaration' });
        return;
      case 'comms.post':
        markers.push({ at, label: 'Status update', kind: 'comms', detail: c.text });
        return;
      case 'incident.resolve': {
        const failures = state.resolveAttempts[resolveAttempt++]?.failures ?? [];
        markers.push(
          failures.length === 0
            ? { at, label: 'Resolved', kind: 'resolve' }
            : { at, label: `Resolve refused: ${failures.length} check(s) failed`, kind: 'resolve', detail: failures.join('; ') },
        );
        return;
      }
      case 'postmortem.submit':
        markers.push({ at, label: 'Postmortem submitted', kind: 'resolve' });
        return;
      case 'session.end':
        markers.push({ at, label: 'Session ended early', kind: 'resolve' });
        return;
      default:
        return;
    }
  });
  return markers;
}
