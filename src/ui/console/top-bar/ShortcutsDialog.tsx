import { useEffect, useRef } from 'react';

const shortcuts: [string, string][] = [
  ['Space', 'Pause or resume the clock'],
  ['1 – 5', 'Speed 1×, 2×, 5×, 10×, 20×'],
  ['?', 'Show these shortcuts'],
  ['Tab', 'Move between controls'],
  ['← →', 'Move between tabs'],
  ['Esc', 'Close this dialog'],
];

/** The keyboard shortcuts, in a modal dialog. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="shortcuts" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table className="shortcuts__table">
        <tbody>
          {shortcuts.map(([key, what]) => (
            <tr key={key}>
              <th scope="row">
                <kbd>{key}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit" className="btn btn--primary">
          Close
        </button>
      </form>
    </dialog>
  );
}
