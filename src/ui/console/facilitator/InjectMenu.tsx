import { useMemo } from 'react';
import { timeOfDay } from '../../../engine';
import { useReadOnly, useSend } from '../../hooks/use-session';
import { injectMenu } from '../../selectors/inject-menu';
import { useSessionStore } from '../../store/session-store';
import './inject-menu.css';

/**
 * The facilitator's injects (a curveball, a surprise stakeholder), folded away by default so a
 * solo player can throw one at themselves or a facilitator can fire one during a drill.
 */
export function InjectMenu() {
  const scenario = useSessionStore((s) => s.session?.scenario);
  const injects = useSessionStore((s) => s.session?.state.injects);
  const send = useSend();
  const readOnly = useReadOnly();
  const items = useMemo(() => (scenario && injects ? injectMenu(scenario, { injects }) : []), [scenario, injects]);
  if (!scenario || items.length === 0) return null;
  return (
    <details className="panel inject-menu">
      <summary className="inject-menu__summary">Facilitator: injects ({items.length})</summary>
      <ul className="inject-menu__list">
        {items.map((item) => (
          <li key={item.id} className="inject-menu__item">
            <button
              type="button"
              className="btn inject-menu__fire"
              disabled={readOnly || item.firedAt !== null}
              aria-describedby={`inject-${item.id}-description`}
              onClick={() => send({ type: 'facilitator.inject', inject: item.id })}
            >
              {item.firedAt === null ? `Fire: ${item.label}` : `Fired at ${timeOfDay(scenario.clock, item.firedAt)}: ${item.label}`}
            </button>
            <p className="inject-menu__description" id={`inject-${item.id}-description`}>
              {item.description}
            </p>
          </li>
        ))}
      </ul>
    </details>
  );
}
