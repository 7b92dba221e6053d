import { parentPort } from 'node:worker_threads';
import { checkScenarioSource } from './check-scenario-source.ts';

// One of scenario:check's workers: checks the files it is handed, one at a time, off the main thread.
parentPort?.on('message', (job: { index: number; text: string; file: string; parSeeds: number }) => {
  parentPort?.postMessage({ index: job.index, problems: checkScenarioSource(job.text, job.file, job.parSeeds) });
});
