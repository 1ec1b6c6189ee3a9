import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * The width of an element in CSS pixels, followed as it changes, for a chart drawn to fit it: at most `widest` (also
 * the width before it is measured, and where the browser has no ResizeObserver), at least 280.
 */
export function useWidth(widest: number): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(widest);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(280, Math.min(widest, Math.round(entry.contentRect.width))));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [widest]);
  return [ref, width];
}
