import type { ReactNode } from 'react';
import { useTabKeys } from '../../hooks/use-tab-keys';

/** One tab: its id and what it shows. */
export interface TabSpec<T extends string> {
  id: T;
  label: ReactNode;
}

/**
 * An ARIA tablist: tab `id` is `${idPrefix}-tab-${id}` and controls `${idPrefix}-panel-${id}`.
 * Arrow keys, Home and End move between tabs; only the selected tab is in the Tab order.
 */
export function TabList<T extends string>({ label, idPrefix, tabs, selected, onSelect }: { label: string; idPrefix: string; tabs: readonly TabSpec<T>[]; selected: T; onSelect: (id: T) => void }) {
  const onKeyDown = useTabKeys(
    tabs.map((t) => t.id),
    selected,
    onSelect,
    `${idPrefix}-tab`,
  );
  return (
    <div className="tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button
          key={t.id}
          id={`${idPrefix}-tab-${t.id}`}
          type="button"
          role="tab"
          className="tabs__tab"
          aria-selected={selected === t.id}
          aria-controls={`${idPrefix}-panel-${t.id}`}
          tabIndex={selected === t.id ? 0 : -1}
          onClick={() => onSelect(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
