// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { playBot, prepareRun, replay, type SimState } from '../../src/engine';
import { loadScenario } from '../../src/scenarios/load-scenario';
import type { Scenario, scenarioSchema } from '../../src/scenarios/schema';
import { ActionPalette } from '../../src/ui/console/actions/ActionPalette';
import { SidePanel } from '../../src/ui/console/chat/SidePanel';
import { Pager } from '../../src/ui/console/pager/Pager';
import { ToolsPanel } from '../../src/ui/console/tools/ToolsPanel';
import BriefingScreen from '../../src/ui/screens/briefing/BriefingScreen';
import ResultScreen from '../../src/ui/screens/result/ResultScreen';
import { useConsoleUi } from '../../src/ui/store/console-ui-store';
import { usePreferences } from '../../src/ui/store/preferences-store';
import { openSession, showRun } from '../../src/ui/store/session-actions';
import { useSessionStore } from '../../src/ui/store/session-store';
import { repoRoot } from '../../scripts/lib/builtin-scenarios';

// Text in a scenario file is data: an imported file must never get markup into the page.
const img = '<img src=x onerror="window.__pwned=1">';
const script = '<script>window.__pwned=1</script>';
const payload = (where: string) => `${where} ${img} ${script}`;

type Doc = z.input<typeof scenarioSchema>;
const seed = 1;
let base: Scenario;

beforeAll(() => {
  const doc = parse(readFileSync(join(repoRoot, 'docs/examples/flash-sale-lag.yaml'), 'utf8')) as Doc;
  doc.hook = payload('HOOK');
  doc.briefing.role = payload('ROLE');
  doc.briefing.platform = payload('PLATFORM');
  doc.briefing.stakes = [payload('STAKE')];
  doc.briefing.deadline.label = payload('DEADLINE');
  for (const alert of doc.alerts) alert.title = payload(`ALERT ${alert.id}`);
  for (const action of doc.actions) {
    action.label = payload(`LABEL ${action.id}`);
    action.verdict.why = payload(`WHY ${action.id}`);
    for (const reveal of action.reveals ?? []) {
      if (reveal.kind !== 'text') continue;
      reveal.title = payload('TOOL TITLE');
      reveal.command = payload('TOOL COMMAND');
      reveal.body = payload('TOOL BODY');
    }
  }
  for (const message of doc.messages ?? []) message.text = payload(`MESSAGE ${message.id}`);
  for (const option of doc.prevention) option.label = payload(`PREVENTION ${option.id}`);
  doc.rootCause.evidence.forEach((e, i) => (e.what = payload(`EVIDENCE ${i}`)));
  doc.rootCause.statement = payload('STATEMENT');
  for (const step of doc.walkthrough) step.why = payload('STEP WHY');
  const loaded = loadScenario(stringify(doc));
  if (!loaded.ok) throw new Error(`the payload scenario does not load: ${JSON.stringify(loaded.problems)}`);
  base = loaded.scenario;
});

beforeEach(() => {
  localStorage.clear();
  delete (window as { __pwned?: unknown }).__pwned;
  useSessionStore.setState({ session: null, speed: 5, paused: true });
  usePreferences.setState({ theme: 'dark', speed: 5, hintsOn: true, bestScores: {} });
});

afterEach(cleanup);

/** The model's run, stopped once the campaign calendar (a text reveal) has printed and the first message arrived. */
function midIncident(s: Scenario): SimState {
  const run = playBot(s, 'model', seed);
  const paged = run.state.milestones.detected ?? 0;
  return replay(s, seed, run.log.filter((e) => e.at <= paged + 200), paged + 200);
}

function expectInertText(container: HTMLElement, visible: string[]): void {
  const text = container.textContent ?? '';
  for (const fragment of visible) expect(text).toContain(payload(fragment));
  expect(container.querySelectorAll('script')).toHaveLength(0);
  // The app's own logo is an <img>; none may come from the scenario.
  for (const element of container.querySelectorAll('img')) {
    expect(element.getAttribute('src')).not.toBe('x');
    expect(element.hasAttribute('onerror')).toBe(false);
  }
  expect(container.querySelectorAll('[onerror]')).toHaveLength(0);
  expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
}

describe('scenario text is shown as text, never as HTML', () => {
  it('in the briefing', async () => {
    await openSession(base, seed, true, 'normal');
    const { container } = render(<BriefingScreen />);
    expectInertText(container, ['ROLE', 'PLATFORM', 'STAKE', 'DEADLINE']);
  });

  it('in the console: pager, action labels, tool output and chat', () => {
    const s = prepareRun(base, seed, 'normal');
    const state = midIncident(s);
    expect(state.outputs.some((o) => o.kind === 'text')).toBe(true);
    showRun(s, seed, state, true);
    useConsoleUi.setState({ sideTab: 'chat' });
    const { container } = render(
      <>
        <Pager />
        <ActionPalette />
        <ToolsPanel />
        <SidePanel />
      </>,
    );
    expectInertText(container, ['ALERT checkouts-freshness', 'LABEL campaign-calendar', 'TOOL BODY', 'MESSAGE cmo-frozen']);
  });

  it('in the debrief', () => {
    const s = prepareRun(base, seed, 'normal');
    showRun(s, seed, playBot(s, 'model', seed).state, true);
    const { container } = render(<ResultScreen />);
    expectInertText(container, ['LABEL campaign-calendar']);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(tsx?|jsx?)$/.test(name) ? [path] : [];
  });
}

describe('the UI source', () => {
  it('never writes raw HTML (dangerouslySetInnerHTML, innerHTML, outerHTML, insertAdjacentHTML, document.write)', () => {
    const raw = /dangerouslySetInnerHTML|\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write/;
    const files = sourceFiles(join(repoRoot, 'src', 'ui'));
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.filter((file) => raw.test(readFileSync(file, 'utf8'))).map((file) => relative(repoRoot, file));
    expect(offenders).toEqual([]);
  });
});
