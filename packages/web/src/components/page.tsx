import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';

/** Sets document.title for the page: "<title> – <suffix>". */
export function useDocumentTitle(title: string, suffix = 'Vägen'): void {
  useEffect(() => {
    document.title = title ? `${title} – ${suffix}` : suffix;
  }, [title, suffix]);
}

/**
 * After a route change, move focus to the page's h1 so that screen readers announce the new page
 * and keyboard users start at the top of the content. The first page load keeps the browser default.
 */
export function RouteFocus(): null {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const id = requestAnimationFrame(() => {
      const h1 = document.querySelector<HTMLElement>('main h1');
      if (h1) {
        h1.setAttribute('tabindex', '-1');
        h1.focus({ preventScroll: false });
      }
    });
    return () => cancelAnimationFrame(id);
  }, [pathname]);
  return null;
}

export function SkipLink({ children, target = 'innehall' }: { children: ReactNode; target?: string }) {
  return (
    <a
      className="skip-link"
      href={`#${target}`}
      onClick={(e) => {
        e.preventDefault();
        const main = document.getElementById(target);
        if (main) {
          main.focus();
          main.scrollIntoView();
        }
      }}
    >
      {children}
    </a>
  );
}

export function PageHeading({ children }: { children: ReactNode }) {
  return <h1 tabIndex={-1}>{children}</h1>;
}

/** Polite status message (result counts, "saved"). Always rendered so screen readers pick up changes. */
export function StatusMessage({ children, className }: { children?: ReactNode; className?: string }) {
  return (
    <div role="status" className={className ?? 'status-message'}>
      {children}
    </div>
  );
}

export function Loading({ text = 'Hämtar uppgifter …' }: { text?: string }) {
  return (
    <p className="loading" aria-busy="true">
      {text}
    </p>
  );
}
