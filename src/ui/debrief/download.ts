/** The common start of every file the debrief exports: `firedrill-<scenario>-seed<seed>`. */
export function exportBaseName(scenarioId: string, seed: number): string {
  return `firedrill-${scenarioId}-seed${seed}`;
}

/**
 * Saves text as a file through the browser's download: a Blob, an object URL and a temporary
 * `<a download>`, clicked and removed. The URL is revoked once the click has been handled.
 */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
