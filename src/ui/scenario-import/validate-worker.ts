// A dedicated worker that checks an imported scenario file off the main thread: the lint rules
// play the scenario with the bots, which takes long enough to freeze the page otherwise.
import { validateImport } from './validate-import';

/** What the page asks the worker to check. */
export interface ValidateRequest {
  text: string;
  fileName: string;
  builtinIds: string[];
}

self.onmessage = (event: MessageEvent<ValidateRequest>) => {
  const { text, fileName, builtinIds } = event.data;
  self.postMessage(validateImport(text, fileName, new Set(builtinIds)));
};
