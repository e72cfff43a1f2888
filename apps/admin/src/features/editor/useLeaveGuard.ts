import { useCallback, useEffect, useState } from 'react';
import { useLocation, useRouter } from 'wouter';

/** The event a screen sends to ask for a navigation that is no link click (e.g. a picker's choice). */
const NAVIGATION_REQUEST = 'ksp:navigation-request';

/**
 * Goes to `path` unless a leave guard on the page holds it back (it then asks the user, and goes there on
 * Discard or after a successful Save). For navigations made in code; links are guarded as they are.
 */
export function requestNavigation(path: string, navigate: (path: string) => void): void {
  const request = new CustomEvent<string>(NAVIGATION_REQUEST, { detail: path, cancelable: true });
  if (document.dispatchEvent(request)) navigate(path);
}

/** The in-app path a click on an anchor leads to, or null when the click is not an in-app navigation. */
function inAppTarget(event: MouseEvent, base: string): string | null {
  if (event.defaultPrevented || event.button !== 0) return null;
  // A new tab or window keeps this page (and its draft) open.
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!(anchor instanceof HTMLAnchorElement)) return null;
  if ((anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return null;
  const href = anchor.getAttribute('href') ?? '';
  if (href.startsWith('#')) return null; // the skip link and other jumps within the page
  const url = new URL(anchor.href, window.location.href);
  // Another site is a page unload: the beforeunload warning covers it.
  if (url.origin !== window.location.origin) return null;
  const path = url.pathname.startsWith(base) ? url.pathname.slice(base.length) || '/' : url.pathname;
  return `${path}${url.search}`;
}

/**
 * While `active` (the draft has unsaved changes), a click on a link to another screen of the app is held
 * back: `blockedPath` names where it led, and the caller asks the user to stay, discard or save.
 * wouter has no navigation blocker, so the guard listens for clicks on anchors (wouter's Link renders one)
 * before the router sees them, and for navigations asked for with requestNavigation.
 */
export function useLeaveGuard(active: boolean) {
  const [location, navigate] = useLocation();
  const { base } = useRouter();
  const [blockedPath, setBlockedPath] = useState<string | null>(null);

  useEffect(() => {
    if (!active) return;
    const onClick = (event: MouseEvent) => {
      const path = inAppTarget(event, base);
      if (path === null || path === location) return;
      event.preventDefault();
      event.stopPropagation();
      setBlockedPath(path);
    };
    // Capture on the document runs before React's handlers (on the root), so the Link never navigates.
    const onRequest = (event: Event) => {
      event.preventDefault();
      setBlockedPath((event as CustomEvent<string>).detail);
    };
    document.addEventListener('click', onClick, true);
    document.addEventListener(NAVIGATION_REQUEST, onRequest);
    return () => {
      document.removeEventListener('click', onClick, true);
      document.removeEventListener(NAVIGATION_REQUEST, onRequest);
    };
  }, [active, base, location]);

  /** Stays on the page: the draft stays as it is. */
  const stay = useCallback(() => setBlockedPath(null), []);
  /** Goes where the held-back click led (the draft is dropped with the page). */
  const leave = useCallback(() => {
    if (blockedPath !== null) navigate(blockedPath);
    setBlockedPath(null);
  }, [blockedPath, navigate]);

  return { blockedPath, stay, leave, navigate };
}
