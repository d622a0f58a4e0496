/**
 * The visitor's shortlist ("bewaard"): location ids kept in this browser's localStorage and
 * nowhere else. Nothing is sent anywhere; it survives a reload and a new tab, and every
 * control on the page follows a change (also one made in another tab) through one event.
 */
import { IDENTIFIER } from '../register/identifier.ts';

/** Versioned, so a later format never misreads an old list. */
export const SHORTLIST_KEY = 'keurmerkregister.shortlist.v1';
/** Event on `window` after every change, with the new list as `detail`. */
export const SHORTLIST_EVENT = 'kr-shortlist-change';
/** A long list is no shortlist; the oldest entries give way beyond this. */
export const SHORTLIST_MAX = 50;

/** The kept ids, oldest first; an empty list when storage is unavailable or holds something else. */
export function readShortlist(storage: Storage | undefined = safeStorage()): string[] {
  try {
    const value: unknown = JSON.parse(storage?.getItem(SHORTLIST_KEY) ?? '[]');
    return Array.isArray(value) ? [...new Set(value.filter((id): id is string => typeof id === 'string' && IDENTIFIER.test(id)))] : [];
  } catch {
    return [];
  }
}

/** Saves the list and tells every control on the page. */
export function writeShortlist(ids: readonly string[], storage: Storage | undefined = safeStorage()): string[] {
  const list = [...new Set(ids)].filter((id) => IDENTIFIER.test(id)).slice(-SHORTLIST_MAX);
  try {
    if (list.length === 0) storage?.removeItem(SHORTLIST_KEY);
    else storage?.setItem(SHORTLIST_KEY, JSON.stringify(list));
  } catch {
    // Storage full or forbidden (private mode): the page still works for this visit.
  }
  window.dispatchEvent(new CustomEvent(SHORTLIST_EVENT, { detail: list }));
  return list;
}

/** Adds or removes one id; returns whether it is kept now. */
export function toggleKept(id: string): boolean {
  const list = readShortlist();
  const kept = !list.includes(id);
  writeShortlist(kept ? [...list, id] : list.filter((x) => x !== id));
  return kept;
}

/** Calls `listener` with the list after every change, from this page or another tab. */
export function onShortlistChange(listener: (ids: string[]) => void): void {
  window.addEventListener(SHORTLIST_EVENT, (e) => listener((e as CustomEvent<string[]>).detail));
  window.addEventListener('storage', (e) => {
    if (e.key === SHORTLIST_KEY || e.key === null) listener(readShortlist());
  });
}

function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

let region: HTMLElement | undefined;

/**
 * Says a change to screen readers through one polite live region per page (created once,
 * empty, before its first message, so it is announced). Cleared first, so the same sentence
 * twice is announced twice.
 */
export function announce(message: string): void {
  if (!region) {
    region = document.createElement('p');
    region.className = 'kr-visually-hidden';
    region.setAttribute('role', 'status');
    region.dataset.shortlistStatus = '';
    document.body.append(region);
  }
  const target = region;
  target.textContent = '';
  window.setTimeout(() => {
    target.textContent = message;
  }, 50);
}
