import { useId, type FormEvent } from 'react';
import { timeOfDay } from '../../../engine';
import { useReadOnly, useSend, useView } from '../../hooks/use-session';
import { planLines, usePlanDraft } from '../../store/plan-draft-store';
import './plan.css';

/**
 * A decision drill's plan, written by the player section by section (one item per line) and
 * sent to the people it is for; it can be revised and sent again. Earlier versions stay below,
 * newest first. Nothing here says how a plan is judged.
 */
export function PlanEditor() {
  const view = useView();
  const send = useSend();
  const readOnly = useReadOnly();
  const base = useId();
  const sections = view.scenario.planSections ?? [];
  const runKey = `${view.scenario.id}@${view.scenario.version}`;
  const draft = usePlanDraft();
  const text = draft.run === runKey ? draft.text : {};
  const lastSent = view.plans.at(-1);
  const recipients = view.scenario.planRecipients ?? [];
  const to = recipients.map((r) => r.name).join(' and ');
  const counts = sections.map((x) => planLines(text[x.id] ?? '').length);
  const total = counts.reduce((a, b) => a + b, 0);
  const running = view.ended === null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (total === 0) return;
    send({ type: 'plan.send', sections: sections.map((x) => ({ section: x.id, lines: planLines(text[x.id] ?? '') })).filter((x) => x.lines.length > 0) });
  };
  const startFromSent = () => {
    if (!lastSent) return;
    usePlanDraft.getState().load(runKey, Object.fromEntries(lastSent.sections.map((x) => [x.section, x.lines.join('\n')])));
  };

  return (
    <div className="plan">
      <header className="plan__header">
        <h3 className="plan__title">Your plan</h3>
        <p className="plan__lead">
          Write it as you would send it, one item per line. <strong>Send</strong> gives it to {to || 'the people waiting for it'}; you can revise it and send again.
        </p>
      </header>
      <form className="plan__form" aria-label="Plan" onSubmit={submit}>
        {sections.map((x, i) => (
          <div key={x.id} className="plan__section">
            <label className="plan__label" htmlFor={`${base}-${x.id}`}>
              {x.label}
              <span className="plan__count">
                {counts[i]} line{counts[i] === 1 ? '' : 's'}
              </span>
            </label>
            <p className="plan__hint" id={`${base}-${x.id}-hint`}>
              {x.hint}
            </p>
            <textarea
              id={`${base}-${x.id}`}
              className="plan__text"
              rows={3}
              value={text[x.id] ?? ''}
              aria-describedby={`${base}-${x.id}-hint`}
              disabled={readOnly || !running}
              onChange={(e) => usePlanDraft.getState().setText(runKey, x.id, e.target.value)}
            />
          </div>
        ))}
        <div className="plan__actions">
          {lastSent && total === 0 && (
            <button type="button" className="btn btn--ghost" onClick={startFromSent} disabled={readOnly || !running}>
              Start from version {view.plans.length}
            </button>
          )}
          <button type="submit" className="btn btn--primary" disabled={readOnly || !running || total === 0}>
            {lastSent ? `Send version ${view.plans.length + 1}` : 'Send the plan'}
            {to && <span className="visually-hidden"> to {to}</span>}
          </button>
        </div>
      </form>
      {view.plans.length > 0 && (
        <section className="plan__sent" aria-labelledby={`${base}-sent`}>
          <h3 className="plan__title" id={`${base}-sent`}>
            Sent, newest first
          </h3>
          {[...view.plans].reverse().map((plan, i) => {
            const version = view.plans.length - i;
            return (
              <details key={plan.at + '/' + version} className="plan__version" open={i === 0}>
                <summary>
                  Version {version}, sent at <time>{timeOfDay(view.scenario.clock, plan.at)}</time>
                </summary>
                <dl className="plan__sent-list">
                  {plan.sections.map((x) => (
                    <div key={x.section}>
                      <dt>{sections.find((s) => s.id === x.section)?.label ?? x.section}</dt>
                      {x.lines.map((line, j) => (
                        <dd key={j}>{line}</dd>
                      ))}
                    </div>
                  ))}
                </dl>
              </details>
            );
          })}
        </section>
      )}
    </div>
  );
}
