import { openPglite } from './pglite-client';
import { openPostgres } from './pg-client';
import type { RoomStore } from './room-store';
import { sqlRoomStore } from './sql-room-store';

/** Opens PostgreSQL when a URL is configured, else the embedded database in the data folder; `owner` names this server process. */
export async function openStore(config: { databaseUrl: string | null; dataDir: string }, owner: string): Promise<RoomStore> {
  const db = config.databaseUrl ? await openPostgres(config.databaseUrl) : await openPglite(config.dataDir);
  return sqlRoomStore(db, owner);
}
