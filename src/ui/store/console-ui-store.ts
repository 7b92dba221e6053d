import { create } from 'zustand';
import type { ToolTabId } from '../console/tools/tool-tabs';

/** The tabs of the console's right-hand column. */
export type SideTab = 'chat' | 'timeline' | 'notes' | 'hints';

/** The console's parts, shown one at a time as tabs on a screen narrower than a laptop's. */
export type ConsoleView = 'pager' | 'dashboards' | 'tools' | 'chat';

interface ConsoleUi {
  /** The part shown on a narrow screen (a wide one shows them all). */
  view: ConsoleView;
  setView: (view: ConsoleView) => void;
  sideTab: SideTab;
  /** Bumped to ask the status-update composer to take focus. */
  composerFocusRequest: number;
  setSideTab: (tab: SideTab) => void;
  openComposer: () => void;
  /** A tool tab asked for from outside the tool pane (a keyboard shortcut): it opens and takes focus. */
  toolRequest: { tab: ToolTabId; n: number; line?: string };
  /** Opens a tool tab; for the terminal, `line` starts the command line (the player finishes it). */
  openTool: (tab: ToolTabId, line?: string) => void;
}

/** Console layout state that several panels share; none of it is game state. */
export const useConsoleUi = create<ConsoleUi>()((set, get) => ({
  view: 'pager',
  setView: (view) => set({ view }),
  sideTab: 'chat',
  composerFocusRequest: 0,
  setSideTab: (sideTab) => set({ sideTab }),
  openComposer: () => set({ view: 'chat', sideTab: 'chat', composerFocusRequest: get().composerFocusRequest + 1 }),
  toolRequest: { tab: 'terminal', n: 0 },
  openTool: (tab, line) => set({ view: 'tools', toolRequest: { tab, n: get().toolRequest.n + 1, ...(line === undefined ? {} : { line }) } }),
}));
