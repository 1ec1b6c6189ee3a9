import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * The width a chart is drawn at: `widest` until its box is measured, then the box's own (at least 280 CSS pixels, at
 * most `widest`), followed as it changes. A chart drawn at its box's width keeps its text at its size on a phone.
 */
export function useChartWidth(widest: number): [RefObject<HTMLDivElement | null>, number] {
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
