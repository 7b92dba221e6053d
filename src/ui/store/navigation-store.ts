import { create } from 'zustand';

/** The screens shown when no session is open. */
export type HomePage = 'catalogue' | 'history';

interface Navigation {
  page: HomePage;
  /** A message for the next screen shown (why something could not be opened). */
  notice: string | null;
  go: (page: HomePage, notice?: string | null) => void;
}

/** Which home screen shows while no incident is open. */
export const useNavigation = create<Navigation>()((set) => ({
  page: 'catalogue',
  notice: null,
  go: (page, notice = null) => set({ page, notice }),
}));
