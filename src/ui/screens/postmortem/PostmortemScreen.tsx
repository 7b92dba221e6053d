import { useId, useState, type FormEvent } from 'react';
import type { PlayerView } from '../../../engine';
import { sendCommand } from '../../store/session-actions';
import { useSessionStore } from '../../store/session-store';
import { ScreenHeader } from '../catalogue/ScreenHeader';
import { emptyFacts, factsFromDraft, PostmortemFacts, type FactsDraft } from './PostmortemFacts';
import { PostmortemRecap } from './PostmortemRecap';
import './postmortem.css';

/** The shortest root-cause statement worth submitting. */
const minStatementLength = 20;
const maxStatementLength = 4000;

/** The postmortem (prevent stage): the player states the root cause and commits to follow-ups. */
export default function PostmortemScreen() {
  const view = useSessionStore((s) => s.session?.view);
  return view ? <Postmortem view={view} /> : null;
}

function Postmortem({ view }: { view: PlayerView }) {
  const id = useId();
  const [statement, setStatement] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [facts, setFacts] = useState<FactsDraft>(emptyFacts);
  const [error, setError] = useState<string | null>(null);
  const length = statement.trim().length;
  const ready = length >= minStatementLength;

  const toggle = (followUp: string, on: boolean) => setChosen((list) => (on ? [...list, followUp] : list.filter((x) => x !== followUp)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!ready) return;
    const before = useSessionStore.getState().session?.view.rejected.length ?? 0;
    const order = view.scenario.prevention.map((p) => p.id);
    const followUps = order.filter((x) => chosen.includes(x));
    const parsed = factsFromDraft(facts, followUps);
    if ('error' in parsed) {
      setError(parsed.error);
      return;
    }
    setError(null);
    sendCommand({ type: 'postmortem.submit', rootCause: statement.trim(), followUps, ...parsed.facts });
    const rejected = useSessionStore.getState().session?.view.rejected ?? [];
    if (rejected.length > before) setError(`The postmortem was not accepted: ${rejected.at(-1)?.reason ?? 'unknown reason'}.`);
  };

  return (
    <div className="page postmortem">
      <ScreenHeader />
      <main className="postmortem__main">
        <div className="postmortem__intro">
          <p className="postmortem__eyebrow">{view.scenario.title} · resolved</p>
          <h1 className="postmortem__title">Postmortem</h1>
          <p className="postmortem__lead">
            The incident is closed. Write down what really happened and choose the follow-ups your team will commit to, each with an owner. The numbers, the cause and the owners are checked
            against the run and count towards your score; what you write in words is kept as written.
          </p>
        </div>

        <PostmortemRecap view={view} />

        <form className="card postmortem-form" onSubmit={submit} noValidate>
          <div className="postmortem-form__field">
            <label htmlFor={`${id}-statement`} className="postmortem-form__label">
              Root-cause statement
            </label>
            <p id={`${id}-statement-help`} className="postmortem-form__help">
              What failed, why it failed, and why nothing caught it sooner. At least {minStatementLength} characters.
            </p>
            <textarea
              id={`${id}-statement`}
              className="postmortem-form__textarea"
              rows={6}
              required
              maxLength={maxStatementLength}
              value={statement}
              aria-describedby={`${id}-statement-help ${id}-statement-count`}
              onChange={(e) => setStatement(e.target.value)}
            />
            <p id={`${id}-statement-count`} className={`postmortem-form__count${ready ? ' postmortem-form__count--ok' : ''}`} aria-live="polite">
              {ready ? `${length} characters` : `${length} of ${minStatementLength} characters needed`}
            </p>
          </div>

          <fieldset className="postmortem-form__followups">
            <legend className="postmortem-form__label">Follow-ups</legend>
            <p className="postmortem-form__help">Choose the ones that would stop this class of incident. Follow-ups that would not help cost points.</p>
            <ul className="postmortem-form__options">
              {view.scenario.prevention.map((p) => (
                <li key={p.id}>
                  <label className="postmortem-form__option">
                    <input type="checkbox" checked={chosen.includes(p.id)} onChange={(e) => toggle(p.id, e.target.checked)} />
                    <span>{p.label}</span>
                  </label>
                  {chosen.includes(p.id) && (
                    <label className="postmortem-form__owner" htmlFor={`${id}-owner-${p.id}`}>
                      <span className="postmortem-form__help">Owner</span>
                      <input
                        id={`${id}-owner-${p.id}`}
                        type="text"
                        maxLength={120}
                        placeholder="Team or person"
                        value={facts.owners[p.id] ?? ''}
                        aria-label={`Owner of: ${p.label}`}
                        onChange={(e) => setFacts({ ...facts, owners: { ...facts.owners, [p.id]: e.target.value } })}
                      />
                    </label>
                  )}
                </li>
              ))}
            </ul>
          </fieldset>

          <PostmortemFacts view={view} draft={facts} onChange={setFacts} idPrefix={id} />

          {error && (
            <p className="postmortem-form__error" role="alert">
              {error}
            </p>
          )}

          <div className="postmortem-form__actions">
            <p className="postmortem-form__summary">
              {chosen.length} follow-up{chosen.length === 1 ? '' : 's'} chosen
            </p>
            <button type="submit" className="btn btn--primary postmortem-form__submit" disabled={!ready}>
              Submit postmortem
            </button>
          </div>
        </form>
      </main>
    </div>
  );
}
