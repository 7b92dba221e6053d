import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A native modal dialog that is open while mounted: the browser traps focus inside it, closes it
 * on Escape and returns focus to where it was. The child marked `data-autofocus` gets focus first. Where `showModal` is missing (jsdom) it opens
 * non-modally so the content is still there.
 */
export function ModalDialog({ labelledBy, describedBy, className, onClose, children }: { labelledBy: string; describedBy?: string; className: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    // The control marked data-autofocus takes focus (React renders autoFocus as a call, not an attribute the dialog sees).
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
      // A dialog removed while open does not hand focus back by itself.
      if (previous?.isConnected && previous !== document.body) previous.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={`import-modal ${className}`}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onClose={onClose}
      onCancel={(e) => {
        // Escape: let React unmount the dialog rather than leave a closed one behind.
        e.preventDefault();
        onClose();
      }}
    >
      {children}
    </dialog>
  );
}
