import { useStore } from 'zustand';
import { useOwnedResource } from '../hooks/use-owned-resource';
import type { RoomPicture, RoomSession } from './room-session';

/** Opens a room session while the calling screen is mounted (null for the first render); `open` runs again when `key` changes. */
export function useRoomSession(key: string | null, open: () => RoomSession): RoomSession | null {
  return useOwnedResource(key, open, (session) => session.close());
}

/** Reads one part of a room's picture. */
export function useRoomPicture<T>(session: RoomSession, select: (p: RoomPicture) => T): T {
  return useStore(session.room, select);
}
