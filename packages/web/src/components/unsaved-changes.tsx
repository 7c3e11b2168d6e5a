/**
 * Leaving a form with unsaved changes asks first. Every editing form calls useUnsavedChanges(dirty); one
 * <UnsavedChangesGuard /> (rendered once, beside the app) asks before a navigation in the app (a link, the browser's
 * Back) and lets the browser ask before the tab is closed or reloaded. One guard for all forms, because the router
 * honours only one blocker at a time and a page (the case page) has several forms.
 */
import { useEffect, useId, useLayoutEffect } from 'react';
import { useBlocker } from 'react-router-dom';

export const UNSAVED_CHANGES_QUESTION = 'Du har osparade ändringar. Vill du lämna sidan?';

const dirtyForms = new Set<string>();

/** Marks the calling form as holding unsaved changes while `dirty` is true (and it is shown). */
export function useUnsavedChanges(dirty: boolean): void {
  const id = useId();
  // Registered before the browser paints, so a click right after typing already finds the form changed.
  useLayoutEffect(() => {
    if (!dirty) return;
    dirtyForms.add(id);
    return () => {
      dirtyForms.delete(id);
    };
  }, [id, dirty]);
}

export function hasUnsavedChanges(): boolean {
  return dirtyForms.size > 0;
}

export function UnsavedChangesGuard() {
  // Only a move to another page asks; a change of the #fragment (in-page links) does not.
  const blocker = useBlocker(({ currentLocation, nextLocation }) => hasUnsavedChanges() && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search));
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (window.confirm(UNSAVED_CHANGES_QUESTION)) {
      dirtyForms.clear();
      blocker.proceed();
    } else blocker.reset();
  }, [blocker]);
  useEffect(() => {
    // Closing or reloading the tab: browsers show their own question (they ignore our text).
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!hasUnsavedChanges()) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
  return null;
}

/** Whether a form's values differ from what it started with (plain data: strings, numbers, arrays, objects). */
export function changed(values: unknown, initial: unknown): boolean {
  return JSON.stringify(values) !== JSON.stringify(initial);
}
