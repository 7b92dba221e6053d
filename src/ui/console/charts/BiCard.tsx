import { memo, useId } from 'react';
import type { BiCardModel } from '../../selectors/dashboards';
import { CardCaption } from './ChartCard';
import { CardPlot } from './CardPlot';
import { StatusBadge } from './StatusBadge';

/**
 * A BI dashboard as its audience sees it: how old its data is, amber and STALE past its table's
 * SLA, greyed out and BLANK once the tiles show no data for today.
 */
export const BiCard = memo(function BiCard({ card }: { card: BiCardModel }) {
  const captionId = useId();
  const { reading } = card;
  const state = reading.blank ? 'blank' : reading.stale ? 'stale' : 'fresh';
  return (
    <figure className={`charts-card charts-bi charts-bi--${state} charts-card--${reading.status.tone}`} data-kind="bi" aria-labelledby={captionId}>
      <CardCaption
        id={captionId}
        title={card.title}
        tooltip={`${card.title} — BI dashboard for ${card.audience}`}
        scope={
          <>
            <span className="charts-bi__tag">BI</span> <span className="visually-hidden">dashboard for</span> {card.audience}
          </>
        }
        figures={
          <span className="charts-card__figures">
            <span className="charts-card__value charts-bi__asof">{reading.asOf === null ? 'No data loaded yet' : `Data as of ${reading.asOf}`}</span>
            {reading.asOf !== null && (
              <>
                {' '}
                <span className="charts-card__detail">— {reading.ago}</span>
              </>
            )}
            <span className="visually-hidden">.</span>
          </span>
        }
        badge={<StatusBadge status={reading.status} />}
      />
      <div className="charts-bi__body">
        <CardPlot plot={card.plot} />
        {reading.blank && (
          <p className="charts-bi__blank">
            <span className="charts-bi__blank-title">No data for today</span>{' '}
            <span className="charts-bi__blank-sub">
              {card.table} has not loaded since {reading.asOf}
            </span>
          </p>
        )}
      </div>
    </figure>
  );
});
