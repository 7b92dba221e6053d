// The worker thread a bot module runs in (see bot-module.ts): a bot that throws, hangs, prints
// or exits cannot take the runner down or garble its output. Plain JavaScript, so the worker
// needs no TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';

const port = parentPort;
if (!port) throw new Error('bot-worker.mjs runs only as a worker thread');

function describeError(error) {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

// Replies with plain data only: an answer holding functions or symbols cannot cross to the runner.
function reply(message) {
  try {
    port.postMessage(message);
  } catch (error) {
    port.postMessage({ kind: message.kind, step: message.step, error: `returned something that is not plain data (${describeError(error)})` });
  }
}

let decide;
try {
  const mod = await import(workerData.url);
  decide = mod.default;
  if (typeof decide !== 'function') reply({ kind: 'loaded', error: 'has no default export function: export default function decide(view) { return [] }' });
  else reply({ kind: 'loaded', everyS: typeof mod.everyS === 'function' ? String(mod.everyS) : mod.everyS });
} catch (error) {
  reply({ kind: 'loaded', error: `cannot be loaded: ${describeError(error)}` });
}

port.on('message', async ({ step, view }) => {
  try {
    reply({ kind: 'answer', step, commands: await decide(view) });
  } catch (error) {
    reply({ kind: 'answer', step, error: `decide threw ${describeError(error)}` });
  }
});
