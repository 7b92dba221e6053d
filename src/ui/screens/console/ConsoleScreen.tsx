import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ActionPalette } from '../../console/actions/ActionPalette';
import { DashboardsPanel } from '../../console/charts/DashboardsPanel';
import { InjectMenu } from '../../console/facilitator/InjectMenu';
import { SidePanel } from '../../console/chat/SidePanel';
import { Pager } from '../../console/pager/Pager';
import { ShortcutsDialog } from '../../console/top-bar/ShortcutsDialog';
import { TopBar } from '../../console/top-bar/TopBar';
import { ToolsPanel } from '../../console/tools/ToolsPanel';
import { PaneSplitter } from '../../components/splitter/PaneSplitter';
import { TabList, type TabSpec } from '../../components/tabs/TabList';
import { useMediaQuery } from '../../hooks/use-media-query';
import { useHost, useHostDrive } from '../../hooks/use-session';
import type { SessionHost } from '../../host/session-host';
import { useConsoleUi, type ConsoleView } from '../../store/console-ui-store';
import { toolPaneShareRange, usePreferences } from '../../store/preferences-store';
import { speeds } from '../../store/session-store';
import './console.css';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Keyboard shortcuts: space pauses, 1–5 pick a speed, ? lists the shortcuts. */
function useShortcuts(host: SessionHost, openHelp: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const canClock = host.store.getState().controls.clock;
      if (e.key === ' ' && !(e.target instanceof HTMLButtonElement)) {
        e.preventDefault();
        if (canClock) host.setPaused(!host.store.getState().paused);
      } else if (e.key === '?') {
        e.preventDefault();
        openHelp();
      } else if (/^[1-5]$/.test(e.key) && canClock) {
        host.setSpeed(speeds[Number(e.key) - 1] ?? 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [host, openHelp]);
}

const views: TabSpec<ConsoleView>[] = [
  { id: 'pager', label: 'Pager & actions' },
  { id: 'dashboards', label: 'Dashboards' },
  { id: 'tools', label: 'Tools' },
  { id: 'chat', label: 'Chat' },
];

/** Below a laptop's width the console is one column: its parts become tabs. */
const narrowQuery = '(max-width: 1023.98px)';

/** One part of the console: a tab panel on a narrow screen, a region of the columns on a wide one. */
function ConsolePart({ view, narrow, className, grow, children }: { view: ConsoleView; narrow: boolean; className: string; grow?: number; children: ReactNode }) {
  const shown = useConsoleUi((s) => s.view);
  if (!narrow) {
    return (
      <div className={className} id={`console-view-panel-${view}`} style={grow === undefined ? undefined : { flexGrow: grow }}>
        {children}
      </div>
    );
  }
  return (
    <div className={className} id={`console-view-panel-${view}`} role="tabpanel" aria-labelledby={`console-view-tab-${view}`} hidden={shown !== view}>
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
      {/* The split is a share of the height: both panes grow in that ratio from nothing. */}
      <ConsolePart view="dashboards" narrow={narrow} className="console__dashboards" grow={1 - share}>
        <DashboardsPanel />
      </ConsolePart>
      {!narrow && (
        <PaneSplitter
          label="Resize the tool pane"
          controls="console-view-panel-tools"
          share={share}
          min={toolPaneShareRange.min}
          max={toolPaneShareRange.max}
          onShare={(next) => usePreferences.getState().setToolPaneShare(next)}
          container={ref}
        />
      )}
      <ConsolePart view="tools" narrow={narrow} className="console__tools" grow={share}>
        <ToolsPanel />
      </ConsolePart>
    </div>
  );
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
  useHostDrive();
  useShortcuts(host, () => setHelpOpen(true));
  return (
    <div className={`console${narrow ? ' console--narrow' : ''}`}>
      <TopBar onShowShortcuts={() => setHelpOpen(true)} />
      {notice}
      {/* A follower window mirrors another one on a projector: nothing in it can be clicked or focused. */}
      <main className="console__main" aria-label="Incident console" inert={host.kind === 'follower'}>
        {narrow && <TabList label="Console" idPrefix="console-view" tabs={views} selected={view} onSelect={(v) => useConsoleUi.getState().setView(v)} />}
        <ConsolePart view="pager" narrow={narrow} className="console__left">
          <Pager />
          <ActionPalette />
          <InjectMenu />
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
