import type { Status } from '../../selectors/card-readings';

/** A card's status in words, coloured by tone; the word carries the meaning, not the colour. */
export function StatusBadge({ status }: { status: Status }) {
  return (
    <span className={`badge badge--${status.tone} charts-badge`}>
      <span className="visually-hidden">Status:</span> {status.label}
    </span>
  );
}
