import { describe, expect, it } from 'vitest';
import { advance, applyEntry, createInitialState, facilitatorView, playBot, playerView, prepareRun } from '../../src/engine';
import { appendedItems, applyViewPatch, diffViews, snapshotView } from '../../src/rooms';
import { scenarioRun } from '../support/sim-harness';

const s = prepareRun(scenarioRun('consumer-lag-storm'), 2, 'normal');
const model = playBot(s, 'model', 2);

// States along the model's run: before and after each command, and long idle stretches.
function statesAlongTheRun() {
  const out = [createInitialState(s, 2)];
  for (const entry of model.log) {
    const last = out[out.length - 1];
    if (!last) break;
    out.push(advance(s, last, entry.at), applyEntry(s, advance(s, last, entry.at), entry));
  }
  return out;
}

describe('view patches', () => {
  const states = statesAlongTheRun();

  it('rebuild every player view exactly from the one before', () => {
    for (let i = 1; i < states.length; i += 1) {
      const prev = playerView(s, states[i - 1] as never);
      const next = playerView(s, states[i] as never);
      const patch = diffViews(snapshotView(prev), snapshotView(next));
      expect(applyViewPatch(prev, patch)).toStrictEqual(next);
    }
  });

  // A patch applies to the view it was diffed from only (a part can change and change back between
  // two broadcasts), which is why the server brings everyone up to date before it answers a sync.
  it('rebuild every facilitator view exactly from the one before', () => {
    for (let i = 1; i < states.length; i += 1) {
      const prev = facilitatorView(s, states[i - 1] as never);
      const next = facilitatorView(s, states[i] as never);
      expect(applyViewPatch(prev, diffViews(snapshotView(prev), snapshotView(next)))).toStrictEqual(next);
    }
  });

  it('send the series as appended samples, so a patch stays small as the chart grows', () => {
    const late = states[states.length - 1] as never;
    const later = advance(s, late, (states[states.length - 1]?.t ?? 0) + 60);
    const whole = JSON.stringify(playerView(s, later)).length;
    const patch = JSON.stringify(diffViews(snapshotView(playerView(s, late)), snapshotView(playerView(s, later)))).length;
    expect(patch).toBeLessThan(whole / 5);
  });

  it('send a list that only grew as its new items, and any other change whole', () => {
    const late = states[states.length - 1] as never;
    const earlier = states[Math.floor(states.length / 2)] as never;
    const patch = diffViews(snapshotView(playerView(s, earlier)), snapshotView(playerView(s, late)));
    expect(patch.append?.timeline?.from).toBe(playerView(s, earlier).timeline.length);
    expect(patch.set.timeline).toBeUndefined();
    const json = (x: unknown) => JSON.stringify(x);
    expect(appendedItems([1], json([1]), [12], json([12]))).toBeNull();
    expect(appendedItems([1], json([1]), [1, 2], json([1, 2]))).toEqual({ from: 1, items: [2] });
    expect(appendedItems([1, 2], json([1, 2]), [2], json([2]))).toBeNull();
    expect(appendedItems([], '[]', ['a'], json(['a']))).toEqual({ from: 0, items: ['a'] });
    expect(appendedItems([{ a: 1 }], json([{ a: 1 }]), [{ a: 1, b: 2 }], json([{ a: 1, b: 2 }]))).toBeNull();
  });
});
