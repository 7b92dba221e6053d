import { parentPort } from 'node:worker_threads';
import { validateScenarioText } from '../src/scenarios/validate-scenario.ts';

// Runs the app's scenario checks (loader, cross-references, lint bots) off the server's event
// loop: they take seconds, and every room would stall meanwhile.
parentPort?.on('message', (job: { id: number; text: string; fileName: string }) => {
  parentPort?.postMessage({ id: job.id, result: validateScenarioText(job.text, job.fileName) });
});
