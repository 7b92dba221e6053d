import { describe, expect, it } from 'vitest';
import { advance, applyEntry, createInitialState, facilitatorView, playBot, playerView, prepareRun } from '../../src/engine';
import { applyViewPatch, diffViews, snapshotView } from '../../src/rooms';
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
});
