// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ActionPalette } from '../../src/ui/console/actions/ActionPalette';
import { InjectMenu } from '../../src/ui/console/facilitator/InjectMenu';
import { useSessionStore } from '../../src/ui/store/session-store';
import { PanelHarness } from '../support/panel-harness';
import { Sim, scenario } from '../support/sim-harness';

const avro = scenario('avro-schema-break');
const harness = new PanelHarness(avro, () => (
  <>
    <ActionPalette />
    <InjectMenu />
  </>
));
afterEach(() => harness.unmount());

const buttons = () => [...harness.container.querySelectorAll<HTMLButtonElement>('button')];
const button = (name: RegExp) => {
  const found = buttons().find((b) => name.test(b.textContent ?? ''));
  if (!found) throw new Error(`no button named ${name}`);
  return found;
};

describe('the facilitator inject menu', () => {
  it('lists the curveball, fires it, and the curveball decisions then appear among the actions', () => {
    harness.mount(new Sim(avro, 1).start().waitForPage().state);
    expect(harness.container.querySelector('summary')?.textContent).toMatch(/Facilitator: injects/);
    expect(buttons().some((b) => /Draft a must-have/.test(b.textContent ?? ''))).toBe(false);
    act(() => button(/Fire: Curveball: the launch moved forward two weeks/).click());
    expect(useSessionStore.getState().session?.state.injects.map((i) => i.inject)).toEqual(['curveball-launch-moved-forward']);
    expect(button(/Fired at .*Curveball: the launch moved forward/).disabled).toBe(true);
    act(() => button(/^Mitigate$/).click());
    expect(buttons().some((b) => /Draft a must-have \/ can-wait MVP plan/.test(b.textContent ?? ''))).toBe(true);
  });
});
