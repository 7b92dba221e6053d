// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { Profiler } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { advance, applyEntry, createInitialState, playBot, playerView, replay, type SimState } from '../../src/engine';
import type { Scenario } from '../../src/scenarios/schema';
import { DashboardsPanel } from '../../src/ui/console/charts/DashboardsPanel';
import { useSessionStore } from '../../src/ui/store/session-store';
import { scenario as builtin } from '../support/sim-harness';

// jsdom has no layout, so every chart box measures 0×0 and Recharts would draw nothing; this
// observer reports a card-sized box, as a browser would once the grid is laid out.
class CardSizedResizeObserver {
  constructor(private readonly callback: (entries: { target: Element; contentRect: { width: number; height: number } }[]) => void) {}
  observe(target: Element): void {
    this.callback([{ target, contentRect: { width: 200, height: 72 } }]);
  }
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver = CardSizedResizeObserver;

let s: Scenario;
let midIncident: SimState;
let recovered: SimState;

beforeAll(() => {
  s = builtin('avro-schema-break');
  const started = applyEntry(s, createInitialState(s, 1), { at: s.clock.playerStartS, command: { type: 'session.start' } });
  midIncident = advance(s, started, 600);
  const model = playBot(s, 'model', 1);
  const at = (model.state.milestones.mitigated ?? 0) + 900;
  recovered = replay(s, 1, model.log.filter((e) => e.at <= at), at);
});

function publish(state: SimState): void {
  act(() => {
    useSessionStore.setState({ session: { scenario: s, seed: 1, level: 'normal', hintsOn: true, state, view: playerView(s, state), clock: state.t } });
  });
}

beforeEach(() => useSessionStore.setState({ session: null, speed: 5, paused: false }));
afterEach(cleanup);

describe('dashboards panel', () => {
  it('names every chart card and states its current value and status in words', () => {
    publish(midIncident);
    render(<DashboardsPanel />);
    const panel = screen.getByRole('region', { name: 'Dashboards' });
    const figures = within(panel).getAllByRole('figure');
    expect(figures.length).toBeGreaterThanOrEqual(8);
    const freshness = screen.getByRole('figure', { name: /^orders_fact freshness — SLA 10 min: .+ Status: STALE$/ });
    const age = midIncident.metrics['table.orders_fact.freshnessS'] as number;
    expect(freshness.textContent).toContain(`${Math.floor(age / 60)}m`);
    expect(screen.getByRole('figure', { name: /^Null ratio — orders_fact\.channel: \d+(\.\d+)?%.*Status: SPIKE$/ })).toBeTruthy();
    expect(screen.getByRole('figure', { name: /^Restarts & errors — orders-enricher: \d+ restarts.*Status: FAILED$/ })).toBeTruthy();
    expect(screen.getByRole('figure', { name: /^Produced vs consumed — .*Produced [\d.]+ → Consumed 0.*Status: STALLED$/ })).toBeTruthy();
  });

  it('shows the executive dashboard blank, in words, while its data is too old', () => {
    publish(midIncident);
    render(<DashboardsPanel />);
    const exec = screen.getByRole('figure', { name: /^Executive Revenue \(today\) — BI dashboard for CEO, CFO and VPs: Data as of \d\d:\d\d — \d+ min ago\. Status: BLANK$/ });
    expect(within(exec).getByText('No data for today')).toBeTruthy();
  });

  it('shows the executive dashboard fresh again once the incident is mitigated', () => {
    publish(recovered);
    render(<DashboardsPanel />);
    const exec = screen.getByRole('figure', { name: /^Executive Revenue \(today\).*Status: FRESH$/ });
    expect(within(exec).queryByText('No data for today')).toBeNull();
    expect(screen.getByRole('figure', { name: /^Restarts & errors.*Status: RUNNING$/ })).toBeTruthy();
  });

  it('hides the drawn charts from screen readers and keeps nothing focusable inside them', async () => {
    publish(midIncident);
    const { container } = render(<DashboardsPanel />);
    const plots = container.querySelectorAll('.charts-card__plot');
    expect(plots.length).toBeGreaterThan(0);
    // Each card draws its first plot a few frames after the one before it.
    await waitFor(() => expect([...plots].every((p) => p.querySelector('svg'))).toBe(true), { timeout: 5000 });
    for (const plot of plots) {
      expect(plot.getAttribute('aria-hidden')).toBe('true');
      expect(plot.querySelector('svg')).not.toBeNull();
      expect(plot.querySelectorAll('[tabindex]:not([tabindex="-1"]), a, button, input')).toHaveLength(0);
    }
    // No dots on lines: the DOM stays small.
    expect(container.querySelectorAll('.recharts-dot, circle')).toHaveLength(0);
  });

  it('lets the player pick the window with toggle buttons', () => {
    publish(midIncident);
    render(<DashboardsPanel />);
    const picker = screen.getByRole('group', { name: 'Chart time window' });
    const pressed = () => within(picker).getAllByRole('button').filter((b) => b.getAttribute('aria-pressed') === 'true').map((b) => b.textContent);
    expect(pressed()).toEqual(['1h']);
    fireEvent.click(within(picker).getByRole('button', { name: '15m' }));
    expect(pressed()).toEqual(['15m']);
    fireEvent.click(within(picker).getByRole('button', { name: '3h' }));
    expect(pressed()).toEqual(['3h']);
  });

  it('does not redraw when only the display clock moves, and does when the engine state changes', () => {
    publish(midIncident);
    let commits = 0;
    render(
      <Profiler id="dashboards" onRender={() => commits++}>
        <DashboardsPanel />
      </Profiler>,
    );
    const afterMount = commits;
    for (let i = 1; i <= 10; i++) {
      act(() => {
        const session = useSessionStore.getState().session;
        if (session) useSessionStore.setState({ session: { ...session, clock: session.clock + i * 0.2 } });
      });
    }
    expect(commits).toBe(afterMount);
    publish(advance(s, midIncident, midIncident.t + 30));
    expect(commits).toBeGreaterThan(afterMount);
  });

  it('passes the axe WCAG 2.1 AA rules that jsdom can evaluate', async () => {
    publish(midIncident);
    const { container } = render(<DashboardsPanel />);
    // Contrast needs layout; it is checked in Chromium in both themes.
    const results = await axe.run(container, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'], rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
