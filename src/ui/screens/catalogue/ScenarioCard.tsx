import { useId } from 'react';
import type { ScenarioCard as ScenarioCardFacts } from '../../scenarios/builtin-scenarios';
import type { BestScore } from '../../store/preferences-store';

const difficultyBadge: Record<ScenarioCardFacts['difficulty'], string> = {
  easy: 'badge--ok',
  normal: 'badge--info',
  hard: 'badge--danger',
};

const difficultyLabel: Record<ScenarioCardFacts['difficulty'], string> = {
  easy: 'Easy',
  normal: 'Normal',
  hard: 'Hard',
};

interface ScenarioCardProps {
  card: ScenarioCardFacts;
  best: BestScore | undefined;
  loading: boolean;
  /** Why the briefing cannot open right now (e.g. the seed is invalid), if it cannot. */
  blockedBy: string | null;
  onOpen: () => void;
}

/** One scenario in the catalogue: what it is about, how long it takes, the player's best, and the way in. */
export function ScenarioCard({ card, best, loading, blockedBy, onOpen }: ScenarioCardProps) {
  const id = useId();
  return (
    <article className="catalogue-card" aria-labelledby={`${id}-title`}>
      <div className="catalogue-card__top">
        <h3 id={`${id}-title`} className="catalogue-card__title">
          {card.title}
        </h3>
        <span className={`badge ${difficultyBadge[card.difficulty]}`}>
          <span className="visually-hidden">Difficulty: </span>
          {difficultyLabel[card.difficulty]}
        </span>
      </div>
      <p className="catalogue-card__hook">{card.hook}</p>
      <ul className="catalogue-card__systems" aria-label="Systems involved">
        {card.systems.map((s) => (
          <li key={s} className="catalogue-card__chip">
            {s}
          </li>
        ))}
      </ul>
      <div className="catalogue-card__footer">
        <dl className="catalogue-card__meta">
          <div>
            <dt>Length</dt>
            <dd>~{card.expectedMinutes} min</dd>
          </div>
          <div>
            <dt>Your record</dt>
            <dd className={best ? 'catalogue-card__best' : undefined}>{best ? `Best: ${best.score} · ${best.grade}` : 'Not played yet'}</dd>
          </div>
        </dl>
        <button type="button" className="btn btn--primary catalogue-card__open" onClick={onOpen} disabled={loading || blockedBy !== null} aria-describedby={blockedBy ? `${id}-blocked` : undefined}>
          {loading ? 'Loading…' : 'Open briefing'}
          <span className="visually-hidden">: {card.title}</span>
        </button>
      </div>
      {blockedBy && (
        <p id={`${id}-blocked`} className="catalogue-card__blocked">
          {blockedBy}
        </p>
      )}
    </article>
  );
}
