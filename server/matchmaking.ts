import type { ServerOptions } from '@colyseus/core';

/**
 * Colyseus's presence and driver: on Redis when several processes share rooms (any of them takes
 * a matchmaking request and reaches the room's process over pub/sub), else Colyseus's in-memory
 * ones. Loaded only when configured, so a single process never loads a Redis client.
 */
export async function matchmaking(redisUrl: string | null): Promise<Pick<ServerOptions, 'presence' | 'driver'>> {
  if (!redisUrl) return {};
  const [{ RedisPresence }, { RedisDriver }] = await Promise.all([import('@colyseus/redis-presence'), import('@colyseus/redis-driver')]);
  return { presence: new RedisPresence(redisUrl), driver: new RedisDriver(redisUrl) };
}
