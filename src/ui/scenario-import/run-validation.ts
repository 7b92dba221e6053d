import type { ImportCheck } from './validate-import';
import type { ValidateRequest } from './validate-worker';

async function inThisThread(request: ValidateRequest): Promise<ImportCheck> {
  const { validateImport } = await import('./validate-import');
  return validateImport(request.text, request.fileName, new Set(request.builtinIds));
}

/**
 * Checks a scenario file with the shared validator, in a worker where the browser has them so
 * the page stays responsive while the bots play it; otherwise (tests, old browsers) here. Either
 * way zod and yaml load only now, never with the first screen.
 */
export function runValidation(text: string, fileName: string, builtinIds: ReadonlySet<string>): Promise<ImportCheck> {
  const request: ValidateRequest = { text, fileName, builtinIds: [...builtinIds] };
  if (typeof Worker === 'undefined') return inThisThread(request);
  return new Promise<ImportCheck>((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./validate-worker.ts', import.meta.url), { type: 'module', name: 'scenario-validation' });
    } catch {
      resolve(inThisThread(request));
      return;
    }
    worker.onmessage = (event: MessageEvent<ImportCheck>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      // A worker that cannot start (blocked by policy, say) must not make the import fail.
      event.preventDefault();
      worker.terminate();
      resolve(inThisThread(request));
    };
    worker.postMessage(request);
  });
}
