import { memo, useMemo, useState, type ComponentProps, type ReactNode } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis, type XAxisTickContentProps, type YAxisTickContentProps } from 'recharts';
import type { BoxSize } from '../../hooks/use-box-size';
import type { SeriesLine } from '../../selectors/chart-catalogue';
import type { ChartPlot } from '../../selectors/dashboards';
import { clockLabel, formatAxis } from '../../selectors/format';
import { ChartTooltip } from './ChartTooltip';
import { frameParts } from './use-revealed-plot';

// How far below or above its anchor point a label's baseline sits, as Recharts places its own.
const baselineShift = { start: '0.71em', middle: '0.355em', end: '0' } as const;

/**
 * An axis label drawn as plain SVG text. Recharts' own label measures the words of every new
 * label in the page (a forced layout) before drawing it, which a time axis at 20× does each sample.
 */
function plainTick(format: (value: number) => string): (props: XAxisTickContentProps | YAxisTickContentProps) => ReactNode {
  return function PlainTick({ x, y, payload, textAnchor, verticalAnchor }) {
    return (
      <text className="recharts-cartesian-axis-tick-value" x={x} y={y} dy={baselineShift[verticalAnchor]} textAnchor={textAnchor} fontSize={11} fill="var(--fg-muted)">
        {format(Number(payload.value))}
      </text>
    );
  };
}

// One label drawer per unit, so an axis' settings stay the same object from one drawing to the next.
const valueTicks = new Map<string, ReturnType<typeof plainTick>>();
function valueTick(unit: ChartPlot['unit']): ReturnType<typeof plainTick> {
  let tick = valueTicks.get(unit);
  if (!tick) {
    tick = plainTick((v) => formatAxis(unit, v));
    valueTicks.set(unit, tick);
  }
  return tick;
}
const margin = { top: 6, right: 6, bottom: 0, left: 0 };

// Dashed reference series go on top, so a series that matches them exactly still shows both.
function drawOrder(lines: readonly SeriesLine[]): SeriesLine[] {
  return [...lines.filter((l) => !l.dashed), ...lines.filter((l) => l.dashed)];
}

type GridProps = ComponentProps<typeof CartesianGrid>;
type VerticalCoordinatesGenerator = NonNullable<GridProps['verticalCoordinatesGenerator']>;
type HorizontalCoordinatesGenerator = NonNullable<GridProps['horizontalCoordinatesGenerator']>;
type GridAxis = Parameters<VerticalCoordinatesGenerator>[0]['xAxis'];

/** Grid lines at an axis' ticks and at the plot's two edges, as Recharts draws them by default. */
function gridLines(axis: GridAxis, from: number, to: number): number[] {
  const at = (axis?.ticks ?? []).flatMap((tick: unknown) => {
    const x = typeof tick === 'number' ? axis?.scale?.map(tick) : undefined;
    return x === undefined || !Number.isFinite(x) ? [] : [x];
  });
  if (!at.includes(from)) at.push(from);
  if (!at.includes(to)) at.push(to);
  return at;
}

// The grid is placed from the axes' scales directly: Recharts' default generator lays the ticks out
// again, measuring their labels' text in the page, the costliest part of a chart's first drawing.
const verticalGrid: VerticalCoordinatesGenerator = ({ xAxis, offset }) => gridLines(xAxis, offset.left, offset.left + offset.width);
const horizontalGrid: HorizontalCoordinatesGenerator = ({ yAxis, offset }) => gridLines(yAxis, offset.top, offset.top + offset.height);

/**
 * A small time-series chart. Memoised on its plot, which the selectors hand back unchanged until a
 * new sample arrives, so engine ticks between samples do not redraw it. No animation, no dots.
 */
// Wide enough for the longest tick label (`100%`, `1.5h`, `$4.5k`) at the axis font size.
function axisWidth(labels: readonly string[], least: number): number {
  return Math.max(least, 10 + 7 * Math.max(0, ...labels.map((l) => l.length)));
}

export const SeriesChart = memo(function SeriesChart({ plot, size, frame = frameParts.grid }: { plot: ChartPlot; size: BoxSize; frame?: number }) {
  const { rows, lines, domain, ticks, unit, rightUnit, left, right, reference, clock } = plot;
  const leftWidth = axisWidth(left.ticks.map((v) => formatAxis(unit, v)), 36);
  const rightWidth = rightUnit && right ? axisWidth(right.ticks.map((v) => formatAxis(rightUnit, v)), 30) : 0;
  // The tooltip joins the chart when a pointer first comes near it: a chart nobody points at draws faster without it.
  const [pointedAt, setPointedAt] = useState(false);
  const timeTick = useMemo(() => plainTick((t) => clockLabel(clock, t)), [clock]);
  return (
    // Sized by its card (measured once there), not by a container of its own that draws the chart
    // at a guessed size and again at the measured one.
    <div onPointerEnter={pointedAt ? undefined : () => setPointedAt(true)}>
      <ComposedChart width={size.width} height={size.height} data={rows} margin={margin} accessibilityLayer={false}>
        {frame >= frameParts.grid && <CartesianGrid stroke="var(--chart-grid)" strokeWidth={1} verticalCoordinatesGenerator={verticalGrid} horizontalCoordinatesGenerator={horizontalGrid} />}
        {frame >= frameParts.timeAxis && (
        <XAxis
          dataKey="t"
          type="number"
          domain={domain}
          ticks={ticks}
          allowDataOverflow
          interval={0}
          tick={timeTick}
          tickLine={false}
          axisLine={{ stroke: 'var(--border-strong)' }}
          height={16}
          tickMargin={2}
        />
        )}
        {frame >= frameParts.valueAxes && (
        <YAxis
          yAxisId="left"
          width={leftWidth}
          domain={[0, left.max]}
          ticks={left.ticks}
          interval={0}
          allowDataOverflow
          tick={valueTick(unit)}
          tickLine={false}
          axisLine={false}
        />
        )}
        {frame >= frameParts.valueAxes && rightUnit && right && (
          <YAxis
            yAxisId="right"
            orientation="right"
            width={rightWidth}
            domain={[0, right.max]}
            ticks={right.ticks}
            interval={0}
            allowDataOverflow
            tick={valueTick(rightUnit)}
            tickLine={false}
            axisLine={false}
          />
        )}
        {frame >= frameParts.grid && reference && (
          <ReferenceLine
            yAxisId="left"
            y={reference.value}
            stroke="var(--danger)"
            strokeDasharray="4 3"
            label={{ value: reference.label, position: 'insideBottomLeft', fill: 'var(--danger)', fontSize: 10 }}
          />
        )}
        {drawOrder(lines).map((l) =>
          l.shape === 'area' ? (
            <Area
              key={l.dataKey}
              dataKey={l.dataKey}
              name={l.label}
              yAxisId={l.axis}
              type="linear"
              stackId={l.stacked ? 'stack' : undefined}
              stroke={`var(--chart-${l.color})`}
              fill={`var(--chart-${l.color})`}
              fillOpacity={l.stacked ? 0.5 : 0.16}
              strokeWidth={l.stacked ? 1 : 1.5}
              dot={false}
              activeDot={false}
              isAnimationActive={false}
            />
          ) : (
            <Line
              key={l.dataKey}
              dataKey={l.dataKey}
              name={l.label}
              yAxisId={l.axis}
              type={l.shape === 'step' ? 'stepAfter' : 'linear'}
              stroke={`var(--chart-${l.color})`}
              strokeWidth={1.5}
              strokeDasharray={l.dashed ? '5 3' : undefined}
              dot={false}
              activeDot={false}
              isAnimationActive={false}
            />
          ),
        )}
        {pointedAt && (
          <Tooltip
            isAnimationActive={false}
            cursor={{ stroke: 'var(--border-strong)', strokeWidth: 1 }}
            allowEscapeViewBox={{ x: false, y: true }}
            content={(props) => <ChartTooltip active={props.active} payload={props.payload} label={props.label} plot={plot} />}
          />
        )}
      </ComposedChart>
    </div>
  );
});
