// @vitest-environment jsdom
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { frameParts, useRevealedPlot, type RevealedPlot } from '../../src/ui/console/charts/use-revealed-plot';
import type { ChartPlot } from '../../src/ui/selectors/dashboards';

afterEach(cleanup);

/** A plot with `n` series; only what the hook reads matters here. */
function plotOf(name: string, n: number): ChartPlot {
  return { name, lines: Array.from({ length: n }, (_, i) => ({ dataKey: `${name}:${i}` })) } as unknown as ChartPlot;
}

/** Every commit of a drawing: which probe, what it showed, and what all probes showed at that moment. */
let commits: { id: number; shown: string; all: string[] }[] = [];

// A chart whose frame is still being drawn shows `name/f<parts>`; then `name/<series drawn>`.
const label = (drawn: RevealedPlot | null) => {
  if (!drawn) return 'waiting';
  const name = (drawn.plot as unknown as { name: string }).name;
  return drawn.frame < frameParts.grid ? `${name}/f${drawn.frame}` : `${name}/${drawn.plot.lines.length}`;
};

function Probe({ id, plot, wanted = true }: { id: number; plot: ChartPlot; wanted?: boolean }) {
  const drawn = useRevealedPlot(plot, wanted);
  useEffect(() => {
    if (drawn) commits.push({ id, shown: label(drawn), all: shownTexts() });
  }, [id, drawn]);
  return <span data-probe={id}>{label(drawn)}</span>;
}

const shownTexts = () => [...document.querySelectorAll('[data-probe]')].map((e) => e.textContent ?? '');

describe('charts drawing through the draw queue', () => {
  it('draw their frame a part per turn, then two series per turn, one drawing per commit, in queue order', async () => {
    commits = [];
    render(
      <>
        <Probe id={0} plot={plotOf('a', 3)} />
        <Probe id={1} plot={plotOf('b', 1)} />
      </>,
    );
    // Nothing heavy is drawn in the first commit.
    expect(shownTexts()).toEqual(['waiting', 'waiting']);
    await waitFor(() => expect(shownTexts()).toEqual(['a/3', 'b/1']));
    // The screen shows the last reveal before its effects have run: wait for its commit to be recorded.
    await waitFor(() => expect(commits.at(-1)?.shown).toBe('a/3'));
    expect(commits.map((c) => `${c.id}:${c.shown}`)).toEqual(['0:a/f1', '1:b/f1', '0:a/f2', '1:b/f2', '0:a/f3', '1:b/f3', '0:a/0', '1:b/0', '0:a/2', '1:b/1', '0:a/3']);
    // Each commit changed exactly one probe: no two drawings ever share a commit.
    let before = ['waiting', 'waiting'];
    for (const c of commits) {
      expect(c.all.filter((text, i) => text !== before[i])).toEqual([c.shown]);
      before = c.all;
    }
  });

  it('draw a new plot whole, in one turn, once the first one is fully drawn, taking the latest plot at the turn', async () => {
    commits = [];
    const view = render(<Probe id={0} plot={plotOf('a', 4)} />);
    // The screen shows the last reveal before its effects have run: wait for its commit to be recorded.
    await waitFor(() => expect(commits.at(-1)?.shown).toBe('a/4'));
    commits = [];
    act(() => view.rerender(<Probe id={0} plot={plotOf('b', 4)} />));
    act(() => view.rerender(<Probe id={0} plot={plotOf('c', 4)} />));
    await waitFor(() => expect(shownTexts()).toEqual(['c/4']));
    await waitFor(() => expect(commits.at(-1)?.shown).toBe('c/4'));
    expect(commits.map((c) => c.shown)).toEqual(['c/4']);
  });

  it('ask for no turn while out of sight, and draw when they come into view', async () => {
    commits = [];
    const view = render(<Probe id={0} plot={plotOf('a', 1)} wanted={false} />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(shownTexts()).toEqual(['waiting']);
    act(() => view.rerender(<Probe id={0} plot={plotOf('a', 1)} wanted />));
    await waitFor(() => expect(shownTexts()).toEqual(['a/1']));
  });

  it('hand the turn on when a chart leaves the screen while waiting or drawing', async () => {
    commits = [];
    const view = render(
      <>
        <Probe key="0" id={0} plot={plotOf('a', 6)} />
        <Probe key="1" id={1} plot={plotOf('b', 6)} />
        <Probe key="2" id={2} plot={plotOf('c', 1)} />
      </>,
    );
    await waitFor(() => expect(commits.length).toBeGreaterThan(0));
    act(() => view.rerender(<Probe key="2" id={2} plot={plotOf('c', 1)} />));
    await waitFor(() => expect(shownTexts()).toEqual(['c/1']));
    // And the queue still serves newcomers afterwards.
    act(() =>
      view.rerender(
        <>
          <Probe key="3" id={3} plot={plotOf('d', 2)} />
          <Probe key="2" id={2} plot={plotOf('c', 1)} />
        </>,
      ),
    );
    await waitFor(() => expect(shownTexts()).toEqual(['d/2', 'c/1']));
  });
});
