/**
 * Which language the root address (`/`) opens. A language the visitor chose on the site is
 * remembered in this browser only (localStorage; nothing is sent anywhere) and wins; else the
 * first of the browser's preferred languages (navigator.languages) the site has; else Dutch.
 * The choices are the root page's own language links, so this module needs no language list.
 */

/** The localStorage key of the language chosen on the site. */
const CHOSEN = 'kr-language';

/** Remembers a language the visitor chose with a language link (the switcher or the root page's list). */
export function rememberLanguageChoices(root: ParentNode = document): void {
  root.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.<HTMLAnchorElement>('a[hreflang]');
    if (!link?.closest('[data-language-choice]')) return;
    try {
      localStorage.setItem(CHOSEN, link.hreflang);
    } catch {
      // Storage may be off (private mode, a blocked site): the choice is then not remembered.
    }
  });
}

/**
 * The home page to open: `homes` maps each language code to its home page; `fallback` is
 * Dutch. A preference matches by its whole tag or its first part ("ar-MA" → ar).
 */
export function chooseHome(homes: ReadonlyMap<string, string>, fallback: string, preferred: readonly string[], chosen: string | null): string {
  if (chosen && homes.has(chosen)) return homes.get(chosen)!;
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    const home = homes.get(lower) ?? homes.get(lower.split('-')[0]!);
    if (home) return home;
  }
  return fallback;
}

/** Sends the visitor at `/` on to the home page `chooseHome` picks, reading the page's language links. */
export function openFrontDoor(list: HTMLElement): void {
  const links = [...list.querySelectorAll<HTMLAnchorElement>('a[hreflang]')];
  const homes = new Map(links.map((a) => [a.hreflang.toLowerCase(), a.href]));
  const fallback = list.querySelector<HTMLAnchorElement>('a[data-default]')?.href ?? links[0]!.href;
  let chosen: string | null = null;
  try {
    chosen = localStorage.getItem(CHOSEN);
  } catch {
    // No storage: choose by the browser's languages alone.
  }
  location.replace(chooseHome(homes, fallback, navigator.languages ?? [navigator.language], chosen));
}
