/**
 * The map's one popup, usable by keyboard: it opens with focus on its first line, closes on
 * Escape while focus is inside it (Leaflet closes popups on Escape only while the map itself
 * has focus), its close button is named in the page's language, and focus goes back to the
 * marker that opened it (or the map, if that marker is gone).
 */
import L from 'leaflet';

/** One popup per map, so opening one closes the other and focus has one place to return from. */
export class MapPopup {
  readonly #popup = L.popup({ maxWidth: 300, autoPanPadding: [24, 24], autoPanPaddingTopLeft: [60, 24] });
  #opener: HTMLElement | undefined;

  readonly #map: L.Map;

  constructor(map: L.Map, canvas: HTMLElement, closeLabel: string) {
    this.#map = map;
    map.on('popupopen', (e) => {
      e.popup.getElement()?.querySelector('.leaflet-popup-close-button')?.setAttribute('aria-label', closeLabel);
    });
    map.on('popupclose', (e) => {
      const active = document.activeElement;
      if (active && active !== document.body && !e.popup.getElement()?.contains(active)) return;
      if (this.#opener?.isConnected) this.#opener.focus({ preventScroll: true });
      else canvas.focus({ preventScroll: true });
    });
    canvas.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && map.hasLayer(this.#popup)) map.closePopup(this.#popup);
    });
  }

  /** Opens `content` at `at`; `from` is the marker element that gets focus back on closing. */
  open(at: L.LatLng, content: HTMLElement, from: HTMLElement | undefined): void {
    this.#popup.setLatLng(at).setContent(content).openOn(this.#map);
    this.#opener = from;
    content.querySelector<HTMLElement>('[tabindex="-1"]')?.focus({ preventScroll: true });
  }
}
