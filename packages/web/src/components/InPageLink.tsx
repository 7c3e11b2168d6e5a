import type { ReactNode } from 'react';

/** A link to an element on the same page that also moves keyboard focus there. */
export function InPageLink({ target, focusTarget, children }: { target: string; focusTarget?: string; children: ReactNode }) {
  return (
    <a
      href={`#${target}`}
      onClick={(e) => {
        e.preventDefault();
        const el = document.getElementById(focusTarget ?? target) ?? document.getElementById(target);
        if (!el) return;
        if (!el.hasAttribute('tabindex') && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) el.setAttribute('tabindex', '-1');
        el.focus();
        el.scrollIntoView({ block: 'start' });
      }}
    >
      {children}
    </a>
  );
}
