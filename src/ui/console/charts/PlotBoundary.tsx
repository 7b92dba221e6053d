import { Component, type ReactNode } from 'react';

/** How many times a plot whose code failed to load asks for it again by itself, and the first wait. */
const autoRetries = 5;
const firstRetryMs = 1000;

interface Props {
  children: ReactNode;
  /** Called before each new attempt, to ask for the chart's code afresh. */
  onRetry: () => void;
}

interface State {
  failed: boolean;
  attempts: number;
}

/**
 * Keeps a chart whose code failed to load (a network blip, a room server restarting as the console
 * opened) from taking the whole console down: the plot area says so and tries again, waiting
 * twice as long each time. The card's caption and figures stay; only the drawing is missing.
 */
export class PlotBoundary extends Component<Props, State> {
  override state: State = { failed: false, attempts: 0 };
  private timer: ReturnType<typeof setTimeout> | undefined;

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  override componentDidCatch(): void {
    if (this.state.attempts < autoRetries) this.timer = setTimeout(this.retry, firstRetryMs * 2 ** this.state.attempts);
  }

  override componentWillUnmount(): void {
    clearTimeout(this.timer);
  }

  private retry = (): void => {
    this.props.onRetry();
    this.setState((s) => ({ failed: false, attempts: s.attempts + 1 }));
  };

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return <p className="charts-card__plot-note">{this.state.attempts < autoRetries ? 'Chart not loaded yet: trying again…' : 'The chart could not load: reload the page to see it.'}</p>;
  }
}
