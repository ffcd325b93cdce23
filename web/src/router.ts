/**
 * A small router on the History API: real paths (/personen, /instellingen …), no library.
 * The server answers every non-/api path with index.html, so deep links and reloads work.
 */
import type { MouseEvent } from 'react';
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
let navigations = 0;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

function currentPath(): string {
  const path = window.location.pathname;
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) {
    window.history.replaceState(null, '', path);
  } else {
    if (path === currentPath()) return;
    window.history.pushState(null, '', path);
    navigations += 1;
  }
  for (const listener of listeners) listener();
}

/** True once the user moved within the app; pages then move focus to their heading. */
export function hasNavigated(): boolean {
  return navigations > 0;
}

/** onClick for an <a href={path}>: in-app navigation for plain clicks, browser default otherwise. */
export function linkTo(path: string) {
  return (event: MouseEvent<HTMLElement>) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(path);
  };
}

window.addEventListener('popstate', () => {
  navigations += 1;
});
