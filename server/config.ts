import { resolve } from 'node:path';

/** The server's settings, all from the environment. */
export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  redisUrl: string | null;
  /** Where clients reach this very process (host[:port][/path], no scheme), when several share rooms. */
  publicAddress: string | null;
  distDir: string;
  timeScale: number;
}

/**
 * Reads the settings: PORT (8080), HOST (127.0.0.1), FIREDRILL_DATA, FIREDRILL_DATABASE_URL,
 * FIREDRILL_REDIS_URL, FIREDRILL_PUBLIC_ADDRESS, FIREDRILL_DIST, FIREDRILL_TIME_SCALE (tests only).
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const timeScale = Number(env.FIREDRILL_TIME_SCALE ?? 1);
  if (!Number.isFinite(timeScale) || timeScale < 1 || timeScale > 1000) throw new Error(`FIREDRILL_TIME_SCALE must be a number from 1 to 1000, not "${env.FIREDRILL_TIME_SCALE}"`);
  const databaseUrl = env.FIREDRILL_DATABASE_URL || null;
  const redisUrl = env.FIREDRILL_REDIS_URL || null;
  // Processes that share rooms must share their logs too: an embedded database is one process's alone.
  if (redisUrl && !/^rediss?:\/\/[^/]/.test(redisUrl)) throw new Error(`FIREDRILL_REDIS_URL is a redis:// or rediss:// URL, not "${redisUrl}"`);
  if (redisUrl && !databaseUrl) throw new Error('FIREDRILL_REDIS_URL needs FIREDRILL_DATABASE_URL: processes that share rooms share one PostgreSQL');
  const publicAddress = env.FIREDRILL_PUBLIC_ADDRESS || null;
  if (publicAddress && /^[a-z]+:\/\//i.test(publicAddress)) throw new Error(`FIREDRILL_PUBLIC_ADDRESS is host[:port][/path] without a scheme, not "${publicAddress}"`);
  return {
    port,
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(env.FIREDRILL_DATA || '.firedrill-data'),
    databaseUrl,
    redisUrl,
    publicAddress,
    distDir: resolve(env.FIREDRILL_DIST || 'dist'),
    timeScale,
  };
}
