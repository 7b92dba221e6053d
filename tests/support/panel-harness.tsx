import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { playerView, type SimState } from '../../src/engine';
import type { Scenario } from '../../src/scenarios/schema';
import { useSessionStore } from '../../src/ui/store/session-store';

// These panel tests drive react-dom directly inside act().
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Mounts a console panel over a session whose engine state the test controls. */
export class PanelHarness {
  private root: Root | null = null;
  container: HTMLElement = document.createElement('div');

  constructor(
    private readonly scenario: Scenario,
    private readonly panel: () => ReactNode,
  ) {}

  /** Puts an engine state in the session store, as the host does after each step. */
  publish(state: SimState): void {
    act(() => {
      useSessionStore.setState({ session: { scenario: this.scenario, seed: 1, level: 'normal', hintsOn: true, state, view: playerView(this.scenario, state), clock: state.t } });
    });
  }

  mount(state: SimState): void {
    this.publish(state);
    this.container = document.createElement('div');
    document.body.appendChild(this.container);
    this.root = createRoot(this.container);
    act(() => this.root?.render(this.panel()));
  }

  unmount(): void {
    act(() => this.root?.unmount());
    this.root = null;
    this.container.remove();
    useSessionStore.setState({ session: null });
  }
}
