import { useId, useMemo } from 'react';
import { describePlatform, layoutPlatform, type Topology } from './diagram-layout';
import './platform-diagram.css';

interface PlatformDiagramProps {
  topology: Topology;
  /** Shows the legend under the diagram (solid = critical path, dashed = other pipelines). */
  legend?: boolean;
  className?: string;
}

/**
 * The data platform as a left-to-right flow diagram, built from any scenario's public
 * topology. Critical paths are drawn solid; the rest are dashed and muted.
 */
export function PlatformDiagram({ topology, legend = true, className }: PlatformDiagramProps) {
  const layout = useMemo(() => layoutPlatform(topology), [topology]);
  const description = useMemo(() => describePlatform(topology), [topology]);
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const arrow = `platform-diagram-arrow-${uid}`;
  const arrowDim = `platform-diagram-arrow-dim-${uid}`;
  const hasDimmed = layout.nodes.some((n) => !n.critical);
  return (
    // Focusable so a keyboard can scroll it sideways where the screen is narrower than the diagram.
    <figure className={['platform-diagram', className].filter(Boolean).join(' ')} tabIndex={0}>
      <svg
        className="platform-diagram__svg"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width={layout.width}
        height={layout.height}
        role="img"
        aria-label={description}
      >
        <defs>
          <marker id={arrow} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L8,4 L0,8 z" className="platform-diagram__arrowhead" />
          </marker>
          <marker id={arrowDim} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L8,4 L0,8 z" className="platform-diagram__arrowhead platform-diagram__arrowhead--dim" />
          </marker>
        </defs>
        {layout.columns.map((c) => (
          <text key={c.title} className="platform-diagram__column" x={c.x + layout.boxWidth / 2} y={12} textAnchor="middle">
            {c.title}
          </text>
        ))}
        {layout.edges.map((e) => (
          <path
            key={`${e.from}->${e.to}`}
            d={e.path}
            className={`platform-diagram__edge${e.critical ? '' : ' platform-diagram__edge--dim'}`}
            markerEnd={`url(#${e.critical ? arrow : arrowDim})`}
          />
        ))}
        {layout.nodes.map((n) => {
          const lineHeight = 15;
          const top = n.y + (n.lines.length === 1 ? 24 : 17);
          return (
            <g key={n.key} className={`platform-diagram__node platform-diagram__node--${n.kind}${n.critical ? '' : ' platform-diagram__node--dim'}`}>
              <title>{`${n.caption}: ${n.label}${n.critical ? '' : ' (not on the critical path)'}`}</title>
              <rect className="platform-diagram__box" x={n.x} y={n.y} width={layout.boxWidth} height={layout.boxHeight} rx={6} />
              <rect className="platform-diagram__stripe" x={n.x} y={n.y} width={4} height={layout.boxHeight} rx={2} />
              {n.lines.map((line, i) => (
                <text key={i} className="platform-diagram__label" x={n.x + 12} y={top + i * lineHeight}>
                  {line}
                </text>
              ))}
              <text className="platform-diagram__caption" x={n.x + 12} y={n.y + layout.boxHeight - 8}>
                {n.caption}
              </text>
            </g>
          );
        })}
      </svg>
      {legend && (
        <figcaption className="platform-diagram__legend">
          <span className="platform-diagram__key">
            <svg width="28" height="8" aria-hidden="true">
              <line x1="0" y1="4" x2="28" y2="4" className="platform-diagram__edge" />
            </svg>
            Critical path
          </span>
          {hasDimmed && (
            <span className="platform-diagram__key">
              <svg width="28" height="8" aria-hidden="true">
                <line x1="0" y1="4" x2="28" y2="4" className="platform-diagram__edge platform-diagram__edge--dim" />
              </svg>
              Other pipelines (dashed)
            </span>
          )}
        </figcaption>
      )}
    </figure>
  );
}
