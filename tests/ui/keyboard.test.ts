// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest';
import { applyEntry, playBot, playerView, replay, type SimState } from '../../src/engine';
import type { Scenario } from '../../src/scenarios/schema';
import { isTyping, shortcutOf, shortcutList } from '../../src/ui/console/keyboard/shortcuts';
import { loadBuiltinScenario } from '../../src/ui/scenarios/builtin-scenarios';
import { alertToAcknowledge, firedAlerts } from '../../src/ui/selectors/pager-alerts';

const press = (key: string, target: EventTarget | null = document.body, mods: Partial<Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey'>> = {}) =>
  shortcutOf({ key, target, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('console shortcuts', () => {
  it('maps each documented key to its action, whatever the case', () => {
    expect(press(' ')).toEqual({ do: 'pause' });
    expect(press('a')).toEqual({ do: 'acknowledge' });
    expect(press('A')).toEqual({ do: 'acknowledge' });
    expect(press('t')).toEqual({ do: 'terminal' });
    expect(press('u')).toEqual({ do: 'update' });
    expect(press('/')).toEqual({ do: 'search-logs' });
    expect(press('?')).toEqual({ do: 'help' });
    expect(press('1')).toEqual({ do: 'speed', speed: 1 });
    expect(press('5')).toEqual({ do: 'speed', speed: 20 });
    expect(press('6')).toBeNull();
    expect(press('x')).toBeNull();
    expect(press('Enter')).toBeNull();
  });

  it('answers nothing while the player types in a field or a list box, or holds a browser modifier', () => {
    for (const target of [document.createElement('input'), document.createElement('textarea'), document.createElement('select')]) {
      expect(isTyping(target)).toBe(true);
      for (const key of [' ', 'a', 't', '/', '3', '?']) expect(press(key, target)).toBeNull();
    }
    expect(press('a', document.body, { ctrlKey: true })).toBeNull();
    expect(press('t', document.body, { metaKey: true })).toBeNull();
    expect(press('u', document.body, { altKey: true })).toBeNull();
    expect(press(' ', document.createElement('button'))).toEqual({ do: 'pause' });
  });

  it('leaves keys inside a dialog to the dialog', () => {
    const dialog = document.createElement('dialog');
    const button = document.createElement('button');
    dialog.append(button);
    document.body.append(dialog);
    expect(press('a', button)).toBeNull();
  });

  it('documents every key it answers', () => {
    const documented = shortcutList.map((s) => s.keys);
    for (const keys of ['Space', '1 – 5', 'A', 'T', 'U', '/', '?']) expect(documented).toContain(keys);
  });
});

describe('the acknowledge shortcut', () => {
  let scenario: Scenario;
  let fired: SimState;

  beforeAll(async () => {
    const loaded = await loadBuiltinScenario('avro-schema-break');
    if (!loaded) throw new Error('the built-in scenario did not load');
    scenario = loaded;
    // An idle run, some minutes after the first page: nothing acknowledged.
    const idle = playBot(scenario, 'idle', 3);
    fired = replay(scenario, 3, idle.log, 600);
  });

  it('answers the newest page still waiting, then the next one, then nothing', () => {
    let state = fired;
    const answered: string[] = [];
    for (let id = alertToAcknowledge(playerView(scenario, state)); id !== null; id = alertToAcknowledge(playerView(scenario, state))) {
      expect(answered).not.toContain(id);
      answered.push(id);
      state = applyEntry(scenario, state, { at: state.t, command: { type: 'alert.acknowledge', alert: id } });
    }
    const alerts = firedAlerts(playerView(scenario, fired)).filter((a) => a.state.status === 'firing');
    expect(answered.length).toBe(alerts.length);
    expect(answered.length).toBeGreaterThan(0);
    // Pages come before warnings.
    const severities = answered.map((id) => alerts.find((a) => a.rule.id === id)?.rule.severity);
    expect(severities).toEqual([...severities].sort((a, b) => (a === 'page' ? 0 : 1) - (b === 'page' ? 0 : 1)));
    expect(severities[0]).toBe('page');
  });
});
