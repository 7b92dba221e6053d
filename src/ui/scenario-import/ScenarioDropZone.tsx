import { useEffect, useRef, useState } from 'react';
import type { ImportFile } from './imported-scenarios-store';

function carriesFiles(e: DragEvent): boolean {
  return e.dataTransfer !== null && [...e.dataTransfer.types].includes('Files');
}

/**
 * Makes the whole window a drop target for scenario files while it is mounted: dragging files in
 * shows an overlay that says what dropping will do; dropping hands the files over. Drags of
 * anything else (text, links) are left alone.
 */
export function ScenarioDropZone({ onFiles, disabled }: { onFiles: (files: ImportFile[]) => void; disabled: boolean }) {
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  const latest = useRef({ onFiles, disabled });
  useEffect(() => {
    latest.current = { onFiles, disabled };
  }, [onFiles, disabled]);

  useEffect(() => {
    const reset = () => {
      depth.current = 0;
      setOver(false);
    };
    const onEnter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth.current += 1;
      setOver(true);
    };
    const onOverEvent = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      // Without this the browser would open the file instead of handing it to us.
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = latest.current.disabled ? 'none' : 'copy';
      setOver(true);
    };
    const onLeave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setOver(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      reset();
      const files = e.dataTransfer ? [...e.dataTransfer.files] : [];
      if (files.length > 0 && !latest.current.disabled) latest.current.onFiles(files);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOverEvent);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    window.addEventListener('dragend', reset);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOverEvent);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
      window.removeEventListener('dragend', reset);
    };
  }, []);

  if (!over) return null;
  return (
    <div className="scenario-drop" data-testid="scenario-drop-overlay">
      <div className="scenario-drop__panel">
        <svg className="scenario-drop__icon" viewBox="0 0 24 24" width="40" height="40" aria-hidden="true" focusable="false">
          <path d="M12 3v11m-4.5-4.5L12 14l4.5-4.5M4 16v3a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-3" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <p className="scenario-drop__title">Drop to import a scenario</p>
        <p className="scenario-drop__help">A YAML or JSON scenario file. It is checked here, in your browser, before it joins the catalogue.</p>
      </div>
    </div>
  );
}
