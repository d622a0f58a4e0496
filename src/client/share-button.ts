/**
 * "Deel deze pagina" without a third party: the browser's own share sheet where it has one
 * (`navigator.share`, phones mostly), otherwise a button that copies the page's address and
 * says so in a live region beside it. No widget, no request to anyone: the page's canonical
 * address (absolute when the site's address is known) is what is shared. Without JavaScript
 * the button stays hidden; the address bar still has the address.
 */

/** Interface text of the control, rendered by ShareButton.astro as `data-labels`. */
export interface ShareLabels {
  share: string;
  copy: string;
  copied: string;
  failed: string;
}

/** The address to share: the canonical one the page states, or where the browser is. */
function pageAddress(): string {
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]');
  return canonical ? new URL(canonical.href, location.href).href : location.href;
}

/** Makes every share control on the page work. */
export function initShareButtons(): void {
  for (const control of document.querySelectorAll<HTMLElement>('[data-share]')) {
    const labels = JSON.parse(control.dataset.labels!) as ShareLabels;
    const button = control.querySelector<HTMLButtonElement>('[data-share-button]')!;
    const status = control.querySelector<HTMLElement>('[data-share-status]')!;
    const canShare = typeof navigator.share === 'function';
    const canCopy = typeof navigator.clipboard?.writeText === 'function';
    if (!canShare && !canCopy) continue;
    button.textContent = canShare ? labels.share : labels.copy;
    button.hidden = false;
    button.addEventListener('click', async () => {
      const url = pageAddress();
      status.textContent = '';
      if (canShare) {
        // A cancelled share sheet rejects; nothing to say then.
        await navigator.share({ title: document.title, url }).catch(() => undefined);
        return;
      }
      try {
        await navigator.clipboard.writeText(url);
        status.textContent = labels.copied;
      } catch {
        status.textContent = labels.failed;
      }
    });
  }
}
