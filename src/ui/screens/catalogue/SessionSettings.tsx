import { useId } from 'react';
import { levelEffects, levelNames, type Level } from '../../../engine/prepare-run';
import { levelLabels } from '../../selectors/format';
import { speeds, type Speed } from '../../store/session-store';
import { maxSeed } from './random-seed';

interface SessionSettingsProps {
  speed: Speed;
  onSpeed: (speed: Speed) => void;
  level: Level;
  onLevel: (level: Level) => void;
  hintsOn: boolean;
  onHints: (on: boolean) => void;
  /** The seed as typed, so a half-typed number is not thrown away. */
  seedText: string;
  onSeedText: (text: string) => void;
  seedError: string | null;
  onNewSeed: () => void;
}

/** How the next session is played: level, clock speed, hints, and the seed that fixes the incident's draws. */
export function SessionSettings({ speed, onSpeed, level, onLevel, hintsOn, onHints, seedText, onSeedText, seedError, onNewSeed }: SessionSettingsProps) {
  const id = useId();
  return (
    <section className="card catalogue-settings" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="catalogue-settings__title">
        Session settings
      </h2>

      <fieldset className="catalogue-settings__group">
        <legend className="field__label">Level</legend>
        <div className="catalogue-speed catalogue-level">
          {levelNames.map((l) => (
            <label key={l} className="catalogue-speed__option">
              <input type="radio" name={`${id}-level`} value={l} checked={level === l} onChange={() => onLevel(l)} aria-describedby={`${id}-level-help`} />
              <span>{levelLabels[l]}</span>
            </label>
          ))}
        </div>
        <p id={`${id}-level-help`} className="catalogue-settings__help">
          {levelEffects[level].summary} Scores are compared within a level.
        </p>
      </fieldset>

      <fieldset className="catalogue-settings__group">
        <legend className="field__label">Speed</legend>
        <div className="catalogue-speed">
          {speeds.map((s) => (
            <label key={s} className="catalogue-speed__option">
              <input type="radio" name={`${id}-speed`} value={s} checked={speed === s} onChange={() => onSpeed(s)} />
              <span>{s}×</span>
            </label>
          ))}
        </div>
        <p className="catalogue-settings__help">Sim seconds per real second. You can change it or pause during play.</p>
      </fieldset>

      <div className="catalogue-settings__group">
        <label className="catalogue-check">
          <input type="checkbox" checked={hintsOn} onChange={(e) => onHints(e.target.checked)} />
          <span>Hints</span>
        </label>
        <p className="catalogue-settings__help">Offer hints during play. Each one you open costs a few points.</p>
      </div>

      <div className="catalogue-settings__group">
        <label className="field__label" htmlFor={`${id}-seed`}>
          Seed
        </label>
        <div className="catalogue-seed">
          <input
            id={`${id}-seed`}
            className="catalogue-seed__input"
            type="number"
            min={0}
            max={maxSeed}
            step={1}
            autoComplete="off"
            value={seedText}
            aria-invalid={seedError ? true : undefined}
            aria-describedby={`${id}-seed-help`}
            onChange={(e) => onSeedText(e.target.value)}
          />
          <button type="button" className="btn" onClick={onNewSeed}>
            New random seed
          </button>
        </div>
        <p id={`${id}-seed-help`} className={seedError ? 'catalogue-settings__error' : 'catalogue-settings__help'}>
          {seedError ?? 'Same scenario and seed, same incident: share it to compare runs.'}
        </p>
      </div>
    </section>
  );
}
