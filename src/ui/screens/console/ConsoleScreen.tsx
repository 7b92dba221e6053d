import { useEffect, useState, type ReactNode } from 'react';
import { ActionPalette } from '../../console/actions/ActionPalette';
import { DashboardsPanel } from '../../console/charts/DashboardsPanel';
import { InjectMenu } from '../../console/facilitator/InjectMenu';
import { SidePanel } from '../../console/chat/SidePanel';
import { Pager } from '../../console/pager/Pager';
import { ShortcutsDialog } from '../../console/top-bar/ShortcutsDialog';
import { TopBar } from '../../console/top-bar/TopBar';
import { ToolsPanel } from '../../console/tools/ToolsPanel';
import { useHost, useHostDrive } from '../../hooks/use-session';
import type { SessionHost } from '../../host/session-host';
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

/**
 * The incident console: where the player works the incident while the clock runs. `notice` sits
 * under the top bar (a room's connection and pause banner, a follower's label).
 */
export default function ConsoleScreen({ notice }: { notice?: ReactNode }) {
  const [helpOpen, setHelpOpen] = useState(false);
  const host = useHost();
  useHostDrive();
  useShortcuts(host, () => setHelpOpen(true));
  return (
    <div className="console">
      <TopBar onShowShortcuts={() => setHelpOpen(true)} />
      {notice}
      {/* A follower window mirrors another one on a projector: nothing in it can be clicked or focused. */}
      <main className="console__main" aria-label="Incident console" inert={host.kind === 'follower'}>
        <div className="console__left">
          <Pager />
          <ActionPalette />
          <InjectMenu />
        </div>
        <div className="console__center">
          <DashboardsPanel />
          <ToolsPanel />
        </div>
        <div className="console__right">
          <SidePanel />
        </div>
      </main>
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
