import type { ServerOptions } from '@colyseus/core';

/**
 * Colyseus's presence and driver: on Redis when several processes share rooms (any of them takes
 * a matchmaking request and reaches the room's process over pub/sub), else Colyseus's in-memory
 * ones. Loaded only when configured, so a single process never loads a Redis client.
 */
export async function matchmaking(redisUrl: string | null): Promise<Pick<ServerOptions, 'presence' | 'driver'>> {
  if (!redisUrl) return {};
  const [{ RedisPresence }, { RedisDriver }] = await Promise.all([import('@colyseus/redis-presence'), import('@colyseus/redis-driver')]);
  const url = withoutClientInfo(redisUrl);
  return { presence: new RedisPresence(url), driver: new RedisDriver(url) };
}

// ioredis 5.8.2 and later send CLIENT SETINFO before their ready check, and a SUBSCRIBE that slips
// in between turns the check into "Connection in subscriber mode" (redis/ioredis#2037): the
// presence then misses its process channel, and Colyseus drops the process from matchmaking.
// ioredis reads its options from the URL's query too; skipping the client info closes the gap.
function withoutClientInfo(redisUrl: string): string {
  const url = new URL(redisUrl);
  if (!url.searchParams.has('disableClientInfo')) url.searchParams.set('disableClientInfo', 'true');
  return url.toString();
}
