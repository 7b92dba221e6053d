import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { matchMaker, Server } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { roomLimits } from '../src/rooms';
import type { ServerConfig } from './config';
import { FiredrillRoom, roomName, useRoomContext } from './firedrill-room';
import type { RoomContext } from './room-context';
import { ScenarioBook } from './scenarios';
import { staticFiles } from './static-files';
import { openStore } from './store/open-store';

/** A running server. */
export interface RunningServer {
  port: number;
  stop: () => Promise<void>;
}

// A create request carries at most a scenario file and a few fields; anything far larger is refused before it is read.
const maxMatchmakeBytes = roomLimits.maxScenarioBytes * 2;

/**
 * Starts one process serving the built app and the rooms on one port, with the rooms' store
 * (embedded by default), and brings back every room that was open when it last stopped.
 */
export async function startServer(config: ServerConfig, log: (line: string) => void = console.log): Promise<RunningServer> {
  const store = await openStore(config);
  const scenarios = new ScenarioBook();
  const context: RoomContext = { store, scenarios, timeScale: config.timeScale, rooms: new Set(), restoring: new Map(), log };
  useRoomContext(context);

  const http = createServer(staticFiles(config.distDir));
  // Outlast the clients' idle keep-alive (Node's agent closes at 5 s): when both sides time out
  // together, a request sent on a socket the server is closing fails with "socket hang up".
  http.keepAliveTimeout = 65_000;
  const transport = new WebSocketTransport({ server: http, maxPayload: roomLimits.maxMessageBytes * 4 });
  const gameServer = new Server({ transport, greet: false, gracefullyShutdown: false });
  gameServer.define(roomName, FiredrillRoom);
  guardRequestSize(http);

  await gameServer.listen(config.port, config.host);
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : config.port;

  for (const code of await store.openRoomCodes()) {
    const nonce = randomBytes(16).toString('hex');
    context.restoring.set(code, nonce);
    try {
      await matchMaker.createRoom(roomName, { restoreCode: code, restoreNonce: nonce });
    } catch (error) {
      log(`room ${code} could not be restored: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      context.restoring.delete(code);
    }
  }

  // Said last, once every open room is back: whoever waits for this line can join at once.
  log(`firedrill rooms listening on http://${config.host}:${port} (${config.databaseUrl ? 'PostgreSQL' : `embedded database in ${config.dataDir}`})`);

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      await gameServer.gracefullyShutdown(false);
      await scenarios.close();
      await store.close();
    })();
    return stopping;
  };
  return { port, stop };
}

// Colyseus reads matchmaking bodies whole; refuse oversized ones before any byte is buffered.
function guardRequestSize(http: ReturnType<typeof createServer>): void {
  const listeners = http.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  http.removeAllListeners('request');
  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > maxMatchmakeBytes || (req.method === 'POST' && req.headers['content-length'] === undefined)) {
      res.writeHead(413, { 'Content-Type': 'application/json', Connection: 'close' }).end(JSON.stringify({ code: 413, error: `a request body is at most ${maxMatchmakeBytes} bytes, with a Content-Length` }));
      req.destroy();
      return;
    }
    for (const listener of listeners) listener.call(http, req, res);
  });
}
