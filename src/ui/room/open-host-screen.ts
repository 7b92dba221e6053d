import { useEffect } from 'react';
import type { ParticipantRole } from '../../rooms';
import { hashOf } from '../routes/hash-route';
import { goTo } from '../routes/use-hash-route';
import type { Speed } from '../store/session-store';
import { handOver } from './open-rooms';
import type { RoomSession } from './room-session';
import { rememberSeatsToFill } from './seats-to-fill';

/** Waits for a new room's welcome, then opens the host screen on the host's secret link with this connection. */
export function useOpenHostScreenWhenWelcomed(session: RoomSession | null, speed: Speed, seats: readonly ParticipantRole[]): void {
  useEffect(() => {
    if (!session) return;
    let done = false;
    return session.room.subscribe((p) => {
      if (done || !p.info || !p.hostToken) return;
      done = true;
      session.setSpeed(speed);
      rememberSeatsToFill(localStorage, p.info.code, [...seats]);
      handOver(p.info.code, session);
      goTo(hashOf({ kind: 'host', code: p.info.code, hostToken: p.hostToken }));
    });
  }, [session, speed, seats]);
}

/** Reports a room that could not be created (the server's refusal) and lets the caller forget its session. */
export function useCreateFailure(session: RoomSession | null, failed: (message: string) => void): void {
  useEffect(() => {
    if (!session) return;
    return session.room.subscribe((p) => {
      if (p.failure) failed(p.failure);
    });
  }, [session, failed]);
}
