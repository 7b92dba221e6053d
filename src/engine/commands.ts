import type { LogEntry, Scenario } from '../scenarios/schema';
import { actionBlocker, startAction } from './actions';
import { advanceFlow, stageOf } from './flow/session-machine';
import { holds } from './metrics/conditions';
import { lookup } from './scenario-lookup';
import type { ChatMessage, SimState } from './state';
import { answerUpdate } from './stakeholder-replies';
import { applyEffect } from './world/apply-effect';
import { deliverMessage } from './messages';
import { declarationLabel, declarationProblem, judgeDeclaration } from './diagnosis';
import { completeTyped, startTyped } from './terminal/terminal-session';
import { sendPlan } from './plan/send-plan';
import { actionHoldS, handsRefusal, takeHold } from './hands';

/**
 * Applies one command at `state.t` (the caller has advanced time to `entry.at`). A command
 * that makes no sense now is recorded as rejected with a reason, never thrown.
 */
export function applyCommand(s: Scenario, state: SimState, entry: LogEntry): void {
  const reason = execute(s, state, entry);
  if (reason) state.rejected.push({ at: state.t, command: entry.command, reason, ...(entry.by !== undefined && { by: entry.by }) });
}

function execute(s: Scenario, state: SimState, entry: LogEntry): string | null {
  const c = entry.command;
  const stage = stageOf(state.flow);
  const t = state.t;
  if (c.type === 'session.start') {
    if (stage !== 'briefing') return 'the session has already started';
    state.flow = advanceFlow(state.flow, { type: 'session.start' });
    state.timeline.push({ at: t, kind: 'system', text: 'You are on call.' });
    // The world may have paged during the briefing; the flow learns it now.
    if (state.milestones.detected !== null) state.flow = advanceFlow(state.flow, { type: 'world.paged' });
    return null;
  }
  if (c.type === 'note.add') {
    state.notes.push({ at: t, text: c.text });
    return null;
  }
  if (stage === 'briefing') return 'the session has not started yet';
  if (stage === 'debrief') return 'the session is over';
  if (c.type === 'session.end') {
    state.flow = advanceFlow(state.flow, { type: 'session.ended' });
    state.ended = { at: t, reason: 'ended-early' };
    state.timeline.push({ at: t, kind: 'system', text: 'The session was ended before the incident was closed.' });
    return null;
  }
  if (c.type === 'postmortem.submit') {
    if (stage !== 'prevent') return 'the postmortem comes after the incident is resolved';
    const known = new Set(s.prevention.map((p) => p.id));
    // Fields in one fixed order, so a replayed file (parsed in schema order) hashes like the live run.
    const i = c.impact;
    const impact = i && {
      ...(i.durationMin !== undefined && { durationMin: i.durationMin }),
      ...(i.detectedAfterMin !== undefined && { detectedAfterMin: i.detectedAfterMin }),
      ...(i.lost !== undefined && { lost: i.lost }),
      ...(i.duplicated !== undefined && { duplicated: i.duplicated }),
      ...(i.summary !== undefined && { summary: i.summary }),
    };
    state.postmortem = {
      at: t,
      rootCause: c.rootCause,
      followUps: [...new Set(c.followUps.filter((f) => known.has(f)))],
      ...(impact && { impact }),
      ...(c.cause && { cause: { component: c.cause.component, mechanism: c.cause.mechanism } }),
      ...(c.timeline !== undefined && { timeline: c.timeline }),
      ...(c.contributing && { contributing: [...c.contributing] }),
      ...(c.owners && { owners: Object.fromEntries(Object.keys(c.owners).sort().map((k) => [k, c.owners?.[k] as string])) }),
    };
    state.flow = advanceFlow(state.flow, { type: 'postmortem.submitted' });
    state.ended = { at: t, reason: 'completed' };
    state.timeline.push({ at: t, kind: 'system', text: 'Postmortem submitted.' });
    return null;
  }
  if (c.type === 'comms.post') {
    const update: ChatMessage = { at: t, from: 'you', text: c.text, kind: 'status-update', ...(c.etaS !== undefined && { etaS: c.etaS }), ...(c.nextUpdateS !== undefined && { nextUpdateS: c.nextUpdateS }), ...(c.impact !== undefined && { impact: c.impact }) };
    state.messages.push(update);
    state.timeline.push({ at: t, kind: 'message', text: `Status update: ${c.text}` });
    answerUpdate(s, state, update);
    return null;
  }
  if (c.type === 'facilitator.inject') {
    const inject = s.injects.find((i) => i.id === c.inject);
    if (!inject) return `there is no inject "${c.inject}"`;
    state.injects.push({ at: t, inject: inject.id });
    state.timeline.push({ at: t, kind: 'inject', text: inject.label });
    for (const effect of inject.effects) applyEffect(s, state, effect, (id) => deliverMessage(s, state, id));
    return null;
  }
  if (stage !== 'running') return 'the incident is closed; write the postmortem';
  switch (c.type) {
    case 'alert.acknowledge': {
      const alert = Object.hasOwn(state.alerts, c.alert) ? state.alerts[c.alert] : undefined;
      if (!alert) return `there is no alert "${c.alert}"`;
      if (alert.status !== 'firing') return `alert "${c.alert}" is not firing`;
      if (alert.ackedAt !== null) return `alert "${c.alert}" is already acknowledged`;
      alert.ackedAt = t;
      const rule = lookup(s).alert.get(c.alert);
      state.timeline.push({ at: t, kind: 'declaration', text: `Acknowledged: ${rule?.title ?? c.alert}` });
      if (rule?.severity === 'page' && state.milestones.detected !== null && state.milestones.acknowledged === null) {
        state.milestones.acknowledged = t;
        state.flow = advanceFlow(state.flow, { type: 'incident.acknowledged' });
      }
      return null;
    }
    case 'action.start': {
      const spec = lookup(s).action.get(c.action);
      if (!spec) return `there is no action "${c.action}"`;
      const blocker = actionBlocker(s, state, spec) ?? handsRefusal(s.clock, state.hands, entry.by, t);
      if (blocker) return blocker;
      takeHold(state, { ...(entry.by !== undefined && { by: entry.by }), what: spec.label, from: t, until: t + actionHoldS(spec) });
      startAction(s, state, spec);
      return null;
    }
    case 'plan.send':
      return sendPlan(s, state, c.sections);
    case 'incident.set-severity':
      if (s.kind === 'decision') return 'a decision drill has no severity to set';
      state.severity = c.severity;
      state.timeline.push({ at: t, kind: 'declaration', text: `Severity set to ${c.severity}` });
      return null;
    case 'incident.declare-cause': {
      if (s.kind === 'decision') return 'a decision drill has no root cause to declare; the plan you send shows you sized the problem';
      const problem = declarationProblem(s, state, c);
      if (problem) return problem;
      const parts = judgeDeclaration(s, c);
      const correct = parts.component && parts.mechanism && parts.evidence;
      state.causeDeclarations.push({ at: t, component: c.component, mechanism: c.mechanism, evidence: [...c.evidence], parts, correct });
      state.timeline.push({ at: t, kind: 'declaration', text: `Root cause declared: ${declarationLabel(s, c.component, c.mechanism)}` });
      if (correct && state.milestones.diagnosed === null) {
        state.milestones.diagnosed = t;
        state.flow = advanceFlow(state.flow, { type: 'incident.diagnosed' });
      }
      return null;
    }
    case 'incident.declare-mitigated': {
      if (state.mitigationDeclaredAt !== null) return 'mitigation has already been declared';
      state.mitigationDeclaredAt = t;
      const stopped = state.milestones.mitigated !== null;
      state.timeline.push({ at: t, kind: 'declaration', text: stopped ? 'Declared mitigated: the impact has stopped.' : 'Declared mitigated, but the dashboards are still stale.' });
      return null;
    }
    case 'incident.resolve': {
      const failures = s.resolvedWhen.filter((check) => !holds(state, check.when)).map((check) => check.failText);
      state.resolveAttempts.push({ at: t, failures });
      if (failures.length > 0) {
        // Which checks failed would name the cause and the hidden damage: the debrief says, not the console.
        state.timeline.push({ at: t, kind: 'declaration', text: 'Not resolved: the platform does not pass every verification check yet.' });
        return null;
      }
      state.milestones.resolved = t;
      state.flow = advanceFlow(state.flow, { type: 'incident.resolved' });
      state.timeline.push({ at: t, kind: 'declaration', text: 'Incident resolved: every verification check passed.' });
      return null;
    }
    case 'terminal.run':
    case 'sql.run': {
      const prompt = c.type === 'sql.run' ? 'sql' : 'terminal';
      const refused = handsRefusal(s.clock, state.hands, entry.by, t) ?? startTyped(s, state, prompt, c.type === 'sql.run' ? c.query : c.line, entry.by);
      if (refused) return refused;
      const typed = state[prompt]?.at(-1);
      if (typed) takeHold(state, { ...(entry.by !== undefined && { by: entry.by }), what: typed.line, from: t, until: typed.endsAt });
      completeTyped(s, state);
      return null;
    }
    case 'hint.reveal': {
      const hint = s.hints[state.hintsUsed];
      if (!hint) return 'there are no more hints';
      state.hintsUsed += 1;
      state.timeline.push({ at: t, kind: 'hint', text: hint.text, ...(c.to !== undefined && { to: c.to }) });
      return null;
    }
  }
  return `there is no command "${String((c as { type?: unknown }).type)}"`;
}
