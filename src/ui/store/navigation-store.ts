import { create } from 'zustand';
import type { RoomMode } from '../../rooms/roles';

/** The screens shown when no session is open. */
export type HomePage = 'catalogue' | 'history' | 'new-room';

interface Navigation {
  page: HomePage;
  /** The kind of room the "new room" screen creates. */
  roomMode: RoomMode;
  /** A message for the next screen shown (why something could not be opened). */
  notice: string | null;
  go: (page: HomePage, notice?: string | null) => void;
  /** Opens the screen that creates a room of a kind. */
  newRoom: (mode: RoomMode) => void;
}

/** Which home screen shows while no incident is open. */
export const useNavigation = create<Navigation>()((set) => ({
  page: 'catalogue',
  roomMode: 'drill',
  notice: null,
  go: (page, notice = null) => set({ page, notice }),
  newRoom: (roomMode) => set({ page: 'new-room', roomMode, notice: null }),
}));
