import { useEffect } from 'react';
import { shortcutOf, type ShortcutAction } from '../../console/keyboard/shortcuts';
import type { SessionHost } from '../../host/session-host';
import { alertToAcknowledge } from '../../selectors/pager-alerts';
import { useConsoleUi } from '../../store/console-ui-store';

/** What the shortcuts do that only the console screen can: open its help, bring a part into view. */
export interface ShortcutHandlers {
  openHelp: () => void;
  showPager: () => void;
}

function run(action: ShortcutAction, host: SessionHost, handlers: ShortcutHandlers): void {
  const { controls, paused, view } = host.store.getState();
  const ui = useConsoleUi.getState();
  switch (action.do) {
    case 'pause':
      if (controls.clock) host.setPaused(!paused);
      return;
    case 'speed':
      if (controls.clock) host.setSpeed(action.speed);
      return;
    case 'help':
      return handlers.openHelp();
    case 'acknowledge': {
      const alert = view && controls.commands ? alertToAcknowledge(view) : null;
      if (alert) host.send({ type: 'alert.acknowledge', alert });
      else handlers.showPager();
      return;
    }
    case 'terminal':
      return ui.openTool('terminal');
    case 'search-logs': {
      // Where a narrated log reader prints into the Job logs tab, search there; otherwise start a log search at the terminal.
      const logTab = view?.outputs.some((o) => o.kind === 'job-logs') ?? false;
      return logTab ? ui.openTool('jobs') : ui.openTool('terminal', 'kubectl logs deployment/');
    }
    case 'update':
      if (controls.commands) ui.openComposer();
  }
}

/**
 * The console's keyboard shortcuts (listed in `shortcutList`). They listen before any control:
 * Space pauses and is kept from pressing the focused button, which it would do on release.
 */
export function useConsoleShortcuts(host: SessionHost, handlers: ShortcutHandlers): void {
  const { openHelp, showPager } = handlers;
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const action = shortcutOf(e);
      if (!action) return;
      e.preventDefault();
      if (!e.repeat) run(action, host, { openHelp, showPager });
    };
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key === ' ' && shortcutOf(e)) e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('keyup', onKeyUp, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('keyup', onKeyUp, true);
    };
  }, [host, openHelp, showPager]);
}
