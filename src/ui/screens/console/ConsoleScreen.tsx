import { useEffect, useState } from 'react';
import { ActionPalette } from '../../console/actions/ActionPalette';
import { DashboardsPanel } from '../../console/charts/DashboardsPanel';
import { InjectMenu } from '../../console/facilitator/InjectMenu';
import { SidePanel } from '../../console/chat/SidePanel';
import { Pager } from '../../console/pager/Pager';
import { ShortcutsDialog } from '../../console/top-bar/ShortcutsDialog';
import { TopBar } from '../../console/top-bar/TopBar';
import { ToolsPanel } from '../../console/tools/ToolsPanel';
import { useSimHost } from '../../hooks/use-sim-host';
import { useSessionStore, speeds } from '../../store/session-store';
import './console.css';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Keyboard shortcuts: space pauses, 1–5 pick a speed, ? lists the shortcuts. */
function useShortcuts(openHelp: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === ' ' && !(e.target instanceof HTMLButtonElement)) {
        e.preventDefault();
        useSessionStore.getState().togglePause();
      } else if (e.key === '?') {
        e.preventDefault();
        openHelp();
      } else if (/^[1-5]$/.test(e.key)) {
        useSessionStore.getState().setSpeed(speeds[Number(e.key) - 1] ?? 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openHelp]);
}

/** The incident console: where the player works the incident while the clock runs. */
export default function ConsoleScreen() {
  const [helpOpen, setHelpOpen] = useState(false);
  useSimHost();
  useShortcuts(() => setHelpOpen(true));
  return (
    <div className="console">
      <TopBar onShowShortcuts={() => setHelpOpen(true)} />
      <main className="console__main" aria-label="Incident console">
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
