import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Wrapper for wide tables. When the table is wider than the screen, the wrapper becomes a labelled, focusable
 * region so that keyboard users can scroll it (WCAG 2.1.1); otherwise it adds no tab stop.
 */
export function ScrollRegion({ label, children, busy }: { label: string; children: ReactNode; busy?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollable, setScrollable] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setScrollable(el.scrollWidth > el.clientWidth + 1);
    check();
    const ro = new ResizeObserver(check);
    ro.observe(el);
    if (el.firstElementChild) ro.observe(el.firstElementChild);
    return () => ro.disconnect();
  }, []);
  return (
    <div ref={ref} className="table-wrap" aria-busy={busy || undefined} {...(scrollable ? { role: 'region', 'aria-label': label, tabIndex: 0 } : {})}>
      {children}
    </div>
  );
}
