import { createStore } from 'zustand/vanilla';
import { followChannelName, followerPingMs, isFollowMessage, type FollowMessage } from './follow-channel';
import { noControls, type HostSnapshot, type SessionHost } from './session-host';

/** A host that mirrors another window of this browser as a view (a projector beside the facilitator's laptop). */
export interface FollowerHost extends SessionHost {
  /** Stops listening. */
  close: () => void;
}

const ignore = () => undefined;

/**
 * Follows the leading window over a BroadcastChannel. It never sends a command: the snapshot's
 * controls are all off, so the console renders read-only. `channel` is injectable for tests.
 */
export function createFollowerHost(channel: BroadcastChannel = new BroadcastChannel(followChannelName)): FollowerHost {
  const store = createStore<HostSnapshot>()(() => ({ view: null, clock: 0, paused: true, speed: 1, controls: noControls, connection: 'reconnecting', pausedBy: null }));
  const say = (message: FollowMessage) => channel.postMessage(message);
  let silence: ReturnType<typeof setTimeout> | undefined;
  const heard = () => {
    clearTimeout(silence);
    // No word from a leader for a few pings: the other window was closed or left the incident.
    silence = setTimeout(() => store.setState({ connection: 'lost' }), followerPingMs * 3);
  };
  channel.onmessage = (event: MessageEvent) => {
    if (!isFollowMessage(event.data)) return;
    const m = event.data;
    if (m.type === 'leader.view') {
      store.setState({ view: m.view, clock: m.clock, paused: m.paused, speed: m.speed, connection: 'connected' });
      heard();
    } else if (m.type === 'leader.clock') {
      store.setState({ clock: m.clock, paused: m.paused, speed: m.speed, connection: 'connected' });
      heard();
    } else if (m.type === 'leader.gone') {
      store.setState({ connection: 'lost' });
    }
  };
  say({ type: 'follower.here', fresh: true });
  const ping = setInterval(() => say({ type: 'follower.here', fresh: store.getState().connection !== 'connected' }), followerPingMs);
  return {
    kind: 'follower',
    store,
    send: ignore,
    setPaused: ignore,
    setSpeed: ignore,
    drive: () => ignore,
    close: () => {
      clearInterval(ping);
      clearTimeout(silence);
      channel.close();
    },
  };
}
