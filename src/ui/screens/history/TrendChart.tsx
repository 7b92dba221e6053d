import { memo, useId } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TrendPoint } from '../../history/history-selectors';
import { formatMinutes } from '../../history/history-selectors';
import { axisScale } from '../../selectors/axis-scale';

const axisTick = { fontSize: 11, fill: 'var(--fg-muted)' };
// Room above the top tick so a dot at the axis maximum is drawn whole.
const margin = { top: 10, right: 12, bottom: 0, left: 0 };

/** Which series a trend chart draws. */
export type TrendKind = 'score' | 'mttr';

interface Axis {
  max: number;
  ticks: number[];
  format: (v: number) => string;
}

function minutesTick(v: number): string {
  return v >= 60 && v % 60 === 0 ? `${v / 60}h` : `${v}m`;
}

function axisFor(kind: TrendKind, trend: readonly TrendPoint[], maxScore: number): Axis {
  if (kind === 'score') return { max: maxScore, ticks: [0, maxScore / 2, maxScore], format: String };
  const longest = Math.max(0, ...trend.map((p) => p.mttrMin ?? 0));
  // Round duration steps (minutes, quarter hours, hours) come from the dashboards' axis rules.
  const scale = axisScale('seconds', longest * 60);
  return { max: scale.max / 60, ticks: scale.ticks.map((t) => t / 60), format: minutesTick };
}

interface TooltipProps {
  active?: boolean;
  payload?: readonly { value?: unknown }[];
  label?: unknown;
  kind: TrendKind;
}

function TrendTooltip({ active, payload, label, kind }: TooltipProps) {
  if (!active || !payload || payload.length === 0) return null;
  const value = payload[0]?.value;
  const text = typeof value !== 'number' ? 'no MTTR' : kind === 'score' ? `score ${value}` : formatMinutes(value);
  return (
    <div className="history-tooltip">
      Attempt {String(label)}: <strong>{text}</strong>
    </div>
  );
}

/**
 * A small line chart of one measure over a scenario's attempts, in a figure whose caption states
 * the trend in words. The plot itself is hidden from assistive technology: the caption and the
 * attempts table carry the same information.
 */
export const TrendChart = memo(function TrendChart({ kind, trend, caption, maxScore }: { kind: TrendKind; trend: readonly TrendPoint[]; caption: string; maxScore: number }) {
  const axis = axisFor(kind, trend, maxScore);
  const color = kind === 'score' ? 'var(--chart-1)' : 'var(--chart-2)';
  const dataKey = kind === 'score' ? 'score' : 'mttrMin';
  const captionId = useId();
  return (
    // Named explicitly as well: not every accessibility tree names a figure from its figcaption.
    <figure className={`history-chart history-chart--${kind}`} aria-labelledby={captionId}>
      <figcaption id={captionId} className="history-chart__caption">
        {caption}
      </figcaption>
      <div className="history-chart__plot" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%" minWidth={0} minHeight={0} initialDimension={{ width: 320, height: 132 }}>
          <LineChart data={[...trend]} margin={margin} accessibilityLayer={false}>
            <CartesianGrid stroke="var(--chart-grid)" strokeWidth={1} vertical={false} />
            <XAxis
              dataKey="attempt"
              type="category"
              tick={axisTick}
              tickLine={false}
              axisLine={{ stroke: 'var(--border-strong)' }}
              height={18}
              tickMargin={4}
              interval="preserveStartEnd"
              minTickGap={8}
            />
            <YAxis
              width={34}
              domain={[0, axis.max]}
              ticks={axis.ticks}
              interval={0}
              tickFormatter={axis.format}
              tick={axisTick}
              tickLine={false}
              axisLine={false}
            />
            <Line
              dataKey={dataKey}
              type="linear"
              stroke={color}
              strokeWidth={2}
              connectNulls={false}
              dot={{ r: 3.5, fill: 'var(--bg-raised)', stroke: color, strokeWidth: 2 }}
              activeDot={{ r: 4.5, fill: color, stroke: 'var(--bg-raised)', strokeWidth: 2 }}
              isAnimationActive={false}
            />
            <Tooltip
              isAnimationActive={false}
              cursor={{ stroke: 'var(--border-strong)', strokeWidth: 1 }}
              content={(props) => <TrendTooltip active={props.active} payload={props.payload} label={props.label} kind={kind} />}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
});
