import { useState } from 'react';
import { relativeTime } from '../../../engine';
import type { RubricCriterion } from '../../../engine/interview/rubric';
import type { FeedItem, RubricMark } from '../../../rooms';

const scores = [1, 2, 3, 4] as const;

/** Saves a criterion's mark: its score (null clears it) and the log entries and notes cited. */
export type MarkCriterion = (criterion: string, score: RubricMark['score'], evidence: number[], notes: string[]) => void;

function Criterion({ c, mark, feed, collecting, onCollect, onMark }: { c: RubricCriterion; mark: RubricMark | undefined; feed: readonly FeedItem[]; collecting: boolean; onCollect: () => void; onMark: MarkCriterion }) {
  const evidence = mark?.evidence ?? [];
  const notes = mark?.notes ?? [];
  const save = (score: RubricMark['score'], ev: number[]) => onMark(c.id, score, ev, notes);
  // The choice shows at once; the server's mark replaces it when it arrives.
  const [chosen, setChosen] = useState<{ over: RubricMark | undefined; score: RubricMark['score'] } | null>(null);
  const score = chosen && chosen.over === mark ? chosen.score : (mark?.score ?? null);
  return (
    <li className={`host-rubric__item${collecting ? ' host-rubric__item--collecting' : ''}`}>
      <fieldset className="host-rubric__scores">
        <legend className="host-rubric__title">
          {c.title} {c.source === 'scenario' && <span className="host-probes__own">(this scenario)</span>}
        </legend>
        {scores.map((n) => (
          <label key={n} className="host-rubric__score">
            <input type="radio" name={`score-${c.id}`} value={n} checked={score === n} onChange={() => (setChosen({ over: mark, score: n }), save(n, evidence))} />
            <span className="host-rubric__number">{n}</span>
            <span className="host-rubric__anchor">{c.anchors[n - 1]}</span>
          </label>
        ))}
      </fieldset>
      <div className="host-rubric__evidence">
        <button type="button" className="btn btn--small" aria-pressed={collecting} onClick={onCollect}>
          {collecting ? 'Collecting evidence…' : 'Collect evidence'}
        </button>
        {evidence.length + notes.length === 0 ? (
          <span className="room-card__help">No evidence yet.</span>
        ) : (
          <ul className="host-list" aria-label={`Evidence for ${c.title}`}>
            {evidence.map((seq) => {
              const item = feed.find((f) => f.seq === seq);
              return (
                <li key={seq} className="host-list__item host-rubric__cited">
                  <span className="mono">
                    {item ? `${relativeTime(item.at)} ${item.by?.name ?? 'Room'}: ${item.text}` : `entry ${seq}`}
                  </span>
                  <button type="button" className="btn btn--small btn--ghost" aria-label={`Remove entry ${seq} from ${c.title}`} onClick={() => save(score, evidence.filter((x) => x !== seq))}>
                    Remove
                  </button>
                </li>
              );
            })}
            {notes.length > 0 && <li className="host-list__item room-card__help">{notes.length === 1 ? 'and 1 note' : `and ${notes.length} notes`}</li>}
          </ul>
        )}
      </div>
    </li>
  );
}

/** The rubric: each criterion scored 1-4 on its anchors, with the commands and notes cited as evidence. Interviewer only. */
export function RubricCard({ onMark, criteria, marks, feed, collecting, onCollect, title = 'Rubric' }: { onMark: MarkCriterion; title?: string; criteria: readonly RubricCriterion[]; marks: readonly RubricMark[]; feed: readonly FeedItem[]; collecting: string | null; onCollect: (id: string | null) => void }) {
  const scored = marks.filter((m) => m.score !== null).length;
  return (
    <section className="panel room-card" aria-labelledby="host-rubric-title">
      <h2 id="host-rubric-title" className="room-card__heading">
        {title}{' '}
        <span className="catalogue__count">
          {scored}/{criteria.length}
          <span className="visually-hidden"> scored</span>
        </span>
      </h2>
      <ol className="host-rubric">
        {criteria.map((c) => (
          <Criterion key={c.id} c={c} mark={marks.find((m) => m.criterion === c.id)} feed={feed} collecting={collecting === c.id} onCollect={() => onCollect(collecting === c.id ? null : c.id)} onMark={onMark} />
        ))}
      </ol>
    </section>
  );
}
