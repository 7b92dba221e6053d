import { create } from 'zustand';

/** The tabs of the console's right-hand column. */
export type SideTab = 'chat' | 'timeline' | 'notes' | 'hints';

interface ConsoleUi {
  sideTab: SideTab;
  /** Bumped to ask the status-update composer to take focus. */
  composerFocusRequest: number;
  setSideTab: (tab: SideTab) => void;
  openComposer: () => void;
}

/** Console layout state that several panels share; none of it is game state. */
export const useConsoleUi = create<ConsoleUi>()((set, get) => ({
  sideTab: 'chat',
  composerFocusRequest: 0,
  setSideTab: (sideTab) => set({ sideTab }),
  openComposer: () => set({ sideTab: 'chat', composerFocusRequest: get().composerFocusRequest + 1 }),
}));
