import { useId, type ReactNode } from 'react';
import type { ScenarioCard as ScenarioCardFacts } from '../../scenarios/builtin-scenarios';
import { levelLabels } from '../../selectors/format';
import type { BestScore } from '../../store/preferences-store';

const difficultyBadge: Record<ScenarioCardFacts['difficulty'], string> = {
  easy: 'badge--ok',
  normal: 'badge--info',
  hard: 'badge--danger',
};

interface ScenarioCardProps {
  card: ScenarioCardFacts;
  best: BestScore | undefined;
  /** The level the best score is for (the level chosen in the settings). */
  level: ScenarioCardFacts['difficulty'];
  /** Why the briefing cannot open right now (e.g. the seed is invalid), if it cannot. */
  blockedBy: string | null;
  onOpen: () => void;
  /** Where an imported scenario came from; absent for a built-in. */
  imported?: { fileName: string; importedAt: string } | null;
  /** More controls beside "Open briefing" (an imported card's Remove). */
  actions?: ReactNode;
}

function importedOn(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

/** One scenario in the catalogue: what it is about, how long it takes, the player's best, and the way in. */
export function ScenarioCard({ card, best, level, blockedBy, onOpen, imported = null, actions }: ScenarioCardProps) {
  const id = useId();
  return (
    // Focusable from script only, so a newly imported card can take focus.
    <article className={imported ? 'card card--scenario catalogue-card catalogue-card--imported' : 'card card--scenario catalogue-card'} aria-labelledby={`${id}-title`} data-scenario-id={card.id} tabIndex={-1}>
      <div className="catalogue-card__top">
        <h3 id={`${id}-title`} className="catalogue-card__title">
          {card.title}
        </h3>
        <span className="catalogue-card__badges">
          {imported && <span className="badge badge--neutral catalogue-card__imported">Imported</span>}
          {card.kind === 'decision' && <span className="badge badge--neutral">Decision drill</span>}
          <span className={`badge ${difficultyBadge[card.difficulty]}`}>
            <span className="visually-hidden">Rated difficulty: </span>
            {levelLabels[card.difficulty]}
          </span>
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
      {imported && (
        <p className="catalogue-card__source">
          Imported from <span className="catalogue-card__file">{imported.fileName}</span> on {importedOn(imported.importedAt)}
        </p>
      )}
      <div className="catalogue-card__footer">
        <dl className="catalogue-card__meta">
          <div>
            <dt className="figure-label">Length</dt>
            <dd>~{card.expectedMinutes} min</dd>
          </div>
          <div>
            <dt className="figure-label">Your record ({levelLabels[level].toLowerCase()})</dt>
            <dd className={best ? 'catalogue-card__best' : undefined}>{best ? `Best: ${best.score} · ${best.grade}` : 'Not played yet'}</dd>
          </div>
        </dl>
        <div className="catalogue-card__actions">
          {actions}
          <button type="button" className="btn btn--primary catalogue-card__open" onClick={onOpen} disabled={blockedBy !== null} aria-describedby={blockedBy ? `${id}-blocked` : undefined}>
            Open briefing
            <span className="visually-hidden">: {card.title}</span>
          </button>
        </div>
      </div>
      {blockedBy && (
        <p id={`${id}-blocked`} className="catalogue-card__blocked">
          {blockedBy}
        </p>
      )}
    </article>
  );
}
