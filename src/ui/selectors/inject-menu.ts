import type { SimState } from '../../engine';
import type { Scenario } from '../../scenarios/schema';

/** One inject a facilitator can fire, and whether it has been fired. */
export interface InjectMenuItem {
  id: string;
  label: string;
  description: string;
  firedAt: number | null;
}

/** The injects of the running scenario, with when each fired (a curveball pack's included). */
export function injectMenu(s: Scenario, state: Pick<SimState, 'injects'>): InjectMenuItem[] {
  return s.injects.map((i) => ({ id: i.id, label: i.label, description: i.description, firedAt: state.injects.find((x) => x.inject === i.id)?.at ?? null }));
}
