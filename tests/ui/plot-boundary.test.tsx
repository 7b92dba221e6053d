// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PlotBoundary } from '../../src/ui/console/charts/PlotBoundary';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** A chart whose code fails to load while `loads.ok` is false. */
const loads = { ok: false };
function Chart() {
  if (!loads.ok) throw new TypeError('Failed to fetch dynamically imported module');
  return <span>drawn</span>;
}

/** A card with a caption and a plot whose chart code fails to load for now; returns the retry spy. */
function renderFailingPlot() {
  vi.useFakeTimers();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  loads.ok = false;
  const onRetry = vi.fn();
  render(
    <div>
      <p>caption</p>
      <PlotBoundary onRetry={onRetry}>
        <Chart />
      </PlotBoundary>
    </div>,
  );
  return onRetry;
}

describe('a plot whose chart code failed to load', () => {
  it('says so instead of taking the console down, tries again by itself and draws once the code arrives', () => {
    const onRetry = renderFailingPlot();
    expect(screen.getByText('caption')).toBeTruthy();
    expect(screen.getByText(/Chart not loaded yet: trying again/)).toBeTruthy();
    // The first new attempt comes after a second; it fails again, and the next waits two.
    act(() => vi.advanceTimersByTime(1000));
    expect(onRetry).toHaveBeenCalledTimes(1);
    expect(screen.getByText(/trying again/)).toBeTruthy();
    loads.ok = true;
    act(() => vi.advanceTimersByTime(1999));
    expect(onRetry).toHaveBeenCalledTimes(1);
    act(() => vi.advanceTimersByTime(1));
    expect(onRetry).toHaveBeenCalledTimes(2);
    expect(screen.getByText('drawn')).toBeTruthy();
  });

  it('stops trying after five attempts and says to reload', () => {
    const onRetry = renderFailingPlot();
    // Each attempt renders, fails and waits twice as long as the one before: 1, 2, 4, 8 and 16 seconds.
    for (let i = 0; i < 8; i++) act(() => vi.advanceTimersByTime(20_000));
    expect(onRetry).toHaveBeenCalledTimes(5);
    expect(screen.getByText('The chart could not load: reload the page to see it.')).toBeTruthy();
  });
});
