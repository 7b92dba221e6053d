// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ActionPalette } from '../../src/ui/console/actions/ActionPalette';
import { PanelHarness } from '../support/panel-harness';
import { Sim, scenario } from '../support/sim-harness';

const avro = scenario('avro-schema-break');
const harness = new PanelHarness(avro, () => <ActionPalette />);
afterEach(() => harness.unmount());

const hasButton = (name: RegExp) => [...harness.container.querySelectorAll<HTMLButtonElement>('button')].some((b) => name.test(b.textContent ?? ''));
const mitigate = () => act(() => [...harness.container.querySelectorAll<HTMLButtonElement>('button')].find((b) => /^Mitigate$/.test(b.textContent ?? ''))?.click());

describe('a facilitator inject in the player console', () => {
  it('offers the curveball decisions only once the host has fired it', () => {
    harness.mount(new Sim(avro, 1).start().waitForPage().state);
    mitigate();
    expect(hasButton(/Write a one-page launch plan/)).toBe(false);
    harness.unmount();
    harness.mount(new Sim(avro, 1).start().waitForPage().send({ type: 'facilitator.inject', inject: 'curveball-launch-moved-forward' }).state);
    mitigate();
    expect(hasButton(/Write a one-page launch plan/)).toBe(true);
  });
});
