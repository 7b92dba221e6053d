import type { KeyboardEvent } from 'react';

/** Arrow-key, Home and End navigation for an ARIA tablist whose tabs have ids `${idPrefix}-${id}`. */
export function useTabKeys<T extends string>(ids: readonly T[], current: T, select: (id: T) => void, idPrefix: string) {
  return (e: KeyboardEvent) => {
    const i = ids.indexOf(current);
    let next: T | undefined;
    if (e.key === 'ArrowRight') next = ids[(i + 1) % ids.length];
    else if (e.key === 'ArrowLeft') next = ids[(i - 1 + ids.length) % ids.length];
    else if (e.key === 'Home') next = ids[0];
    else if (e.key === 'End') next = ids[ids.length - 1];
    if (next === undefined) return;
    e.preventDefault();
    select(next);
    document.getElementById(`${idPrefix}-${next}`)?.focus();
  };
}
