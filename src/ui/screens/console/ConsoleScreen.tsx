import { useCallback, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { ActionPalette } from '../../console/actions/ActionPalette';
import { DashboardsPanel } from '../../console/charts/DashboardsPanel';
import { SidePanel } from '../../console/chat/SidePanel';
import { SkipLinks, type SkipTarget } from '../../console/keyboard/SkipLinks';
import { Pager } from '../../console/pager/Pager';
import { ShortcutsDialog } from '../../console/top-bar/ShortcutsDialog';
import { TopBar } from '../../console/top-bar/TopBar';
import { ToolsPanel } from '../../console/tools/ToolsPanel';
import { PaneSplitter } from '../../components/splitter/PaneSplitter';
import { TabList, type TabSpec } from '../../components/tabs/TabList';
import { useMediaQuery } from '../../hooks/use-media-query';
import { useHost, useHostDrive } from '../../hooks/use-session';
import { useConsoleUi, type ConsoleView } from '../../store/console-ui-store';
import { toolPaneShareRange, usePreferences } from '../../store/preferences-store';
import { useConsoleShortcuts } from './use-console-shortcuts';
import './console.css';

const parts: { id: ConsoleView; shown: string; more: string }[] = [
  { id: 'pager', shown: 'Pager', more: ' & actions' },
  { id: 'dashboards', shown: 'Dashboards', more: '' },
  { id: 'tools', shown: 'Tools', more: '' },
  { id: 'chat', shown: 'Chat', more: ' & timeline' },
];
const partLabels = Object.fromEntries(parts.map((p) => [p.id, p.shown + p.more])) as Record<ConsoleView, string>;
// A phone shows the short word; the full name (which starts with it) is what a screen reader hears.
const views: TabSpec<ConsoleView>[] = parts.map((p) => ({
  id: p.id,
  label: (
    <>
      {p.shown}
      {p.more && <span className="visually-hidden">{p.more}</span>}
    </>
  ),
}));

const partId = (view: ConsoleView) => `console-view-panel-${view}`;

/** Below a laptop's width the console is one column: its parts become tabs. */
const narrowQuery = '(max-width: 1023.98px)';

/**
 * One part of the console: a tab panel on a narrow screen, a named group of the columns on a
 * wide one. Focusable from script, so a skip link can land on it.
 */
function ConsolePart({ view, narrow, className, grow, children }: { view: ConsoleView; narrow: boolean; className: string; grow?: number; children: ReactNode }) {
  const shown = useConsoleUi((s) => s.view);
  if (!narrow) {
    return (
      <div className={className} id={partId(view)} role="group" aria-label={partLabels[view]} tabIndex={-1} style={grow === undefined ? undefined : { flexGrow: grow }}>
        {children}
      </div>
    );
  }
  return (
    <div className={className} id={partId(view)} role="tabpanel" aria-labelledby={`console-view-tab-${view}`} tabIndex={-1} hidden={shown !== view}>
      {children}
    </div>
  );
}

/** The centre column: dashboards over the tool pane, split by a handle the player can drag or move with the keyboard. */
function CentreColumn({ narrow }: { narrow: boolean }) {
  const share = usePreferences((p) => p.toolPaneShare);
  const ref = useRef<HTMLDivElement>(null);
  return (
    <div className="console__center" ref={ref}>
      {/* The split is a share of the height: both panes grow in that ratio from nothing. The factors are
          scaled up so that, when the dashboards stop at their content's height, the tool pane takes all
          that is left (flex factors that sum below 1 would leave part of it empty). */}
      <ConsolePart view="dashboards" narrow={narrow} className="console__dashboards" grow={(1 - share) * 100}>
        <DashboardsPanel />
      </ConsolePart>
      {!narrow && (
        <PaneSplitter
          label="Resize the tool pane"
          controls={partId('tools')}
          share={share}
          min={toolPaneShareRange.min}
          max={toolPaneShareRange.max}
          onShare={(next) => usePreferences.getState().setToolPaneShare(next)}
          container={ref}
        />
      )}
      <ConsolePart view="tools" narrow={narrow} className="console__tools" grow={share * 100}>
        <ToolsPanel />
      </ConsolePart>
    </div>
  );
}

/** Brings a part of the console into view (its tab, on a narrow screen) and puts the keyboard there. */
function focusPart(target: SkipTarget): void {
  const view: ConsoleView = target === 'actions' ? 'pager' : target;
  flushSync(() => useConsoleUi.getState().setView(view));
  // The actions are reached through their selected group tab, the way into the palette.
  const actions = target === 'actions' ? document.querySelector<HTMLElement>('[role="tablist"][aria-label="Action groups"] [aria-selected="true"]') : null;
  (actions ?? document.getElementById(partId(view)))?.focus();
}

/**
 * The incident console: where the player works the incident while the clock runs. `notice` sits
 * under the top bar (a room's connection and pause banner, a follower's label).
 */
export default function ConsoleScreen({ notice }: { notice?: ReactNode }) {
  const [helpOpen, setHelpOpen] = useState(false);
  const host = useHost();
  const narrow = useMediaQuery(narrowQuery);
  const view = useConsoleUi((s) => s.view);
  const openHelp = useCallback(() => setHelpOpen(true), []);
  const showPager = useCallback(() => focusPart('pager'), []);
  useHostDrive();
  useConsoleShortcuts(host, { openHelp, showPager });
  const follower = host.kind === 'follower';
  return (
    <div className={`console${narrow ? ' console--narrow' : ''}`}>
      {!follower && <SkipLinks onSkip={focusPart} />}
      <TopBar onShowShortcuts={openHelp} />
      {notice}
      {/* A follower window mirrors another one on a projector: nothing in it can be clicked or focused. */}
      <main className="console__main" aria-label="Incident console" inert={follower}>
        {narrow && <TabList label="Console" idPrefix="console-view" tabs={views} selected={view} onSelect={(v) => useConsoleUi.getState().setView(v)} />}
        <ConsolePart view="pager" narrow={narrow} className="console__left">
          <Pager />
          <ActionPalette />
        </ConsolePart>
        <CentreColumn narrow={narrow} />
        <ConsolePart view="chat" narrow={narrow} className="console__right">
          <SidePanel />
        </ConsolePart>
      </main>
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
