// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useQueuedValue } from '../../src/ui/hooks/use-queued-value';

afterEach(cleanup);

/** What each probe saw when its drawing committed: its own value and what its siblings showed at that moment. */
let commits: { id: number; value: string; siblings: string[] }[] = [];

function Probe({ id, value }: { id: number; value: string }) {
  const shown = useQueuedValue(value);
  useEffect(() => {
    if (shown === null) return;
    commits.push({ id, value: shown, siblings: [...document.querySelectorAll('[data-probe]')].map((e) => e.textContent ?? '') });
  }, [id, shown]);
  return <span data-probe={id}>{shown ?? 'waiting'}</span>;
}

function Probes({ values, hide = [] }: { values: string[]; hide?: number[] }) {
  return (
    <>
      {values.map((v, i) => (hide.includes(i) ? null : <Probe key={i} id={i} value={v} />))}
    </>
  );
}

const shownTexts = () => [...document.querySelectorAll('[data-probe]')].map((e) => e.textContent);

describe('the draw queue', () => {
  it('draws one component at a time, in order, each committing before the next starts', async () => {
    commits = [];
    render(<Probes values={['a', 'b', 'c', 'd']} />);
    // Nothing heavy is drawn in the first commit.
    expect(shownTexts()).toEqual(['waiting', 'waiting', 'waiting', 'waiting']);
    await waitFor(() => expect(shownTexts()).toEqual(['a', 'b', 'c', 'd']));
    expect(commits.map((c) => c.id)).toEqual([0, 1, 2, 3]);
    // When each drawing committed, the ones after it were still waiting: no two share a commit.
    for (const [i, c] of commits.entries()) expect(c.siblings.slice(i + 1).every((t) => t === 'waiting'), `probe ${i}`).toBe(true);
  });

  it('redraws with the latest value once, however often it changed while waiting', async () => {
    commits = [];
    const view = render(<Probes values={['a1', 'b1']} />);
    await waitFor(() => expect(shownTexts()).toEqual(['a1', 'b1']));
    commits = [];
    act(() => view.rerender(<Probes values={['a2', 'b2']} />));
    act(() => view.rerender(<Probes values={['a3', 'b3']} />));
    await waitFor(() => expect(shownTexts()).toEqual(['a3', 'b3']));
    // b never drew b2: its request was replaced while it waited for its turn.
    expect(commits.filter((c) => c.id === 1).map((c) => c.value)).toEqual(['b3']);
  });

  it('hands the turn on when a waiting or drawing component leaves the screen', async () => {
    commits = [];
    const view = render(<Probes values={['a', 'b', 'c']} />);
    act(() => view.rerender(<Probes values={['a', 'b', 'c']} hide={[0, 1]} />));
    await waitFor(() => expect(shownTexts()).toEqual(['c']));
    // And the queue still serves newcomers afterwards.
    act(() => view.rerender(<Probes values={['x', 'y', 'c']} />));
    await waitFor(() => expect(screen.getByText('x')).toBeTruthy());
    await waitFor(() => expect(shownTexts()).toEqual(['x', 'y', 'c']));
  });
});
