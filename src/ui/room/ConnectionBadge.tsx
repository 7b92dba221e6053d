import type { HostConnection } from '../host/session-host';

const labels: Record<HostConnection, { text: string; tone: string }> = {
  local: { text: 'This browser', tone: 'neutral' },
  connecting: { text: 'Connecting…', tone: 'info' },
  connected: { text: 'Connected', tone: 'ok' },
  reconnecting: { text: 'Reconnecting…', tone: 'warn' },
  lost: { text: 'Connection lost', tone: 'danger' },
};

/** How this window is linked to the room, in words and colour. */
export function ConnectionBadge({ connection }: { connection: HostConnection }) {
  const { text, tone } = labels[connection];
  return (
    <span className={`badge badge--${tone} connection-badge`} data-connection={connection}>
      <span className="connection-badge__dot" aria-hidden="true" />
      {text}
    </span>
  );
}
