import { useEffect, useState, type RefObject } from 'react';

/** An element's content box in CSS pixels. */
export interface BoxSize {
  width: number;
  height: number;
}

/**
 * The element's content size, kept up to date as the layout changes (a window resize, a dragged
 * splitter); null until first measured. Whole pixels, so sub-pixel jitter does not redraw.
 */
export function useBoxSize(ref: RefObject<Element | null>): BoxSize | null {
  const [size, setSize] = useState<BoxSize | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (!box) return;
      const next = { width: Math.round(box.width), height: Math.round(box.height) };
      setSize((was) => (was && was.width === next.width && was.height === next.height ? was : next));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
