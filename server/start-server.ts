import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { matchMaker, Server } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { roomLimits } from '../src/rooms';
import type { ServerConfig } from './config';
import { FiredrillRoom, roomName, useRoomContext } from './firedrill-room';
import { matchmaking } from './matchmaking';
import { RoomAdopter } from './room-adoption';
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
 * (embedded by default), and brings back every room that was open when it last stopped. With
 * Redis configured it is one of several processes sharing rooms: it also takes over the rooms of
 * any of them that dies.
 */
export async function startServer(config: ServerConfig, log: (line: string) => void = console.log): Promise<RunningServer> {
  const http = createServer(staticFiles(config.distDir));
  // Outlast the clients' idle keep-alive (Node's agent closes at 5 s): when both sides time out
  // together, a request sent on a socket the server is closing fails with "socket hang up".
  http.keepAliveTimeout = 65_000;
  const transport = new WebSocketTransport({ server: http, maxPayload: roomLimits.maxMessageBytes * 4 });
  const shared = config.redisUrl !== null;
  const gameServer = new Server({ transport, greet: false, gracefullyShutdown: false, ...(await matchmaking(config.redisUrl)), ...(config.publicAddress !== null && { publicAddress: config.publicAddress }) });
  await matchMaker.onReady;

  const store = await openStore(config, matchMaker.processId);
  const scenarios = new ScenarioBook();
  const context: RoomContext = { store, scenarios, timeScale: config.timeScale, rooms: new Set(), restoring: new Map(), log };
  useRoomContext(context);
  gameServer.define(roomName, FiredrillRoom);
  guardRequestSize(http);

  await gameServer.listen(config.port, config.host);
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : config.port;

  const adopter = new RoomAdopter(context, shared);
  await adopter.adopt();
  adopter.start();

  if (shared && config.publicAddress === null) log('FIREDRILL_PUBLIC_ADDRESS is not set: clients open a room\'s connection at the address they asked for a seat, so that address must lead to the room\'s own process');
  // Said last, once the rooms this process takes at start are back: whoever waits for this line can join at once.
  const database = config.databaseUrl ? 'PostgreSQL' : `embedded database in ${config.dataDir}`;
  log(`firedrill rooms listening on http://${config.host}:${port} (${database}${shared ? `, rooms shared through Redis as process ${matchMaker.processId}` : ''})`);

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      await adopter.stop();
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
