import { windowChoices } from '../../selectors/series-window';

/** Picks how much sim time the charts show: 15 minutes, an hour or three hours. */
export function WindowPicker({ value, onChange }: { value: number; onChange: (seconds: number) => void }) {
  return (
    <div className="charts-window" role="group" aria-label="Chart time window">
      {windowChoices.map((choice) => (
        <button
          key={choice.seconds}
          type="button"
          className="charts-window__option"
          aria-pressed={choice.seconds === value}
          title={`Show the ${choice.long}`}
          onClick={() => onChange(choice.seconds)}
        >
          {choice.label}
        </button>
      ))}
    </div>
  );
}
