import type { ToolAction } from './tool-tabs';

/** What an empty tab says: which actions from the palette fill it. */
export function ToolEmptyState({ label, fillers }: { label: string; fillers: readonly ToolAction[] }) {
  return (
    <div className="tools-empty">
      <p className="tools-empty__title">Nothing in {label} yet.</p>
      {fillers.length === 0 ? (
        <p>No investigation in this scenario reports here.</p>
      ) : fillers.length === 1 ? (
        <p>Run “{fillers[0]?.label}” from the action palette.</p>
      ) : (
        <>
          <p>Run one of these from the action palette:</p>
          <ul className="tools-empty__list">
            {fillers.map((f) => (
              <li key={f.id}>“{f.label}”</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
