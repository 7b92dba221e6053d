import { Fragment, memo, useId, type ReactNode } from 'react';
import type { Reading } from '../../selectors/card-readings';
import type { ChartCardModel } from '../../selectors/dashboards';
import { CardPlot } from './CardPlot';

import { StatusBadge } from './StatusBadge';

// Spaces live in text nodes and punctuation in visually hidden spans, so the caption reads as
// one sentence to screen readers ("… — orders-enricher: 10 restarts, 0 errors/min. Status: FAILED")
// in every browser, while the eye sees a compact header.
const hidden = (text: string) => <span className="visually-hidden">{text}</span>;

/** The large figure(s) of a card, with words around them for screen readers. */
export function ReadingFigures({ reading }: { reading: Reading }) {
  const { headline, comparison, detail } = reading;
  return (
    <span className="charts-card__figures">
      {headline && (
        <>
          <span className="charts-card__value">{headline.value}</span>
          {headline.unit && (
            <>
              {' '}
              <span className="charts-card__unit">{headline.unit}</span>
            </>
          )}
        </>
      )}
      {comparison && (
        <>
          <span className="charts-card__value">
            {comparison.items.map((item, i) => (
              <Fragment key={item.label}>
                {i > 0 && (
                  <>
                    {' '}
                    <span className="charts-card__joiner">{comparison.joiner}</span>{' '}
                  </>
                )}
                <span className="charts-card__compare">
                  <span className="charts-swatch" style={{ background: `var(--chart-${item.color})` }} />
                  {hidden(item.label)} {item.value}
                </span>
              </Fragment>
            ))}
          </span>{' '}
          <span className="charts-card__unit">{comparison.unit}</span>
        </>
      )}
      {detail && (
        <>
          {hidden(',')} <span className="charts-card__detail" title={detail}>
            {detail}
          </span>
        </>
      )}
      {hidden('.')}
    </span>
  );
}

/** A card's caption: name, figures and status, readable as one sentence. */
export function CardCaption({ id, title, scope, tooltip, figures, badge }: { id: string; title: string; scope: ReactNode; tooltip: string; figures: ReactNode; badge: ReactNode }) {
  return (
    <figcaption className="charts-card__caption" id={id}>
      <span className="charts-card__name" title={tooltip}>
        <span className="charts-card__title">{title}</span> {hidden('—')} <span className="charts-card__scope">{scope}</span>
        {hidden(':')}
      </span>{' '}
      <span className="charts-card__reading">
        {figures} {badge}
      </span>
    </figcaption>
  );
}

/**
 * One small-multiple chart: a figure whose caption names the metric and states its current value
 * and status in words; the chart itself is hidden from screen readers, the caption says it all.
 */
export const ChartCard = memo(function ChartCard({ card }: { card: ChartCardModel }) {
  const captionId = useId();
  return (
    <figure className={`charts-card charts-card--${card.reading.status.tone}`} data-kind={card.kind} aria-labelledby={captionId}>
      <CardCaption
        id={captionId}
        title={card.title}
        scope={card.scope}
        tooltip={`${card.title} — ${card.scope}`}
        figures={<ReadingFigures reading={card.reading} />}
        badge={<StatusBadge status={card.reading.status} />}
      />
      <CardPlot plot={card.plot} />
    </figure>
  );
});
