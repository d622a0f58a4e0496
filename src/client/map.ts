/**
 * The map page: every located location on a Leaflet map, clustered with supercluster,
 * filtered by the FilterPanel that search uses (same URL keys, same default, same place
 * resolver), and mirrored by a list of the locations in view for people who cannot use a
 * map. Loaded only by the LocationMap component.
 *
 * The data work (marker file, filters, cluster index, what is in view) runs in a worker
 * (map-worker.ts, through map-data.ts), so the page stays responsive while some 6,500
 * locations load; this script draws what the worker answers, in small parts with one job
 * each: the frame (map-frame.ts), the pins and clusters (map-marker-layer.ts), their popup
 * (map-popup.ts) and the list (map-list.ts), put together in map-view.ts. This entry script
 * is only what must run at once (the folded filters, the worker and its download); the
 * Leaflet side arrives by dynamic import, so it is evaluated in a task of its own. The map
 * pane stays left to right in every language; popup and list text follow the page's direction.
 */
import { MapData } from './map-data.ts';
import type { MapLabels } from './map-dom.ts';
import { MapNotice } from './map-notice.ts';
import { SearchSummary } from './search-summary.ts';
import { readFilterUrl } from './filter-url.ts';

async function initLocationMap(root: HTMLElement): Promise<void> {
  const labels = JSON.parse(root.dataset.labels!) as MapLabels;
  const notice = new MapNotice(root, labels);
  // On a phone the introduction and the filters fold into one line at once, so the map is on the first screen.
  const form = root.querySelector<HTMLFormElement>('[data-filter-panel]');
  const ask = root.querySelector<HTMLDetailsElement>('[data-search-ask]');
  if (form && ask) {
    const summary = new SearchSummary(ask, form, { fold: 'always' });
    summary.show(readFilterUrl(), true);
    form.addEventListener('change', () => summary.show(readFilterUrl(), false));
    addEventListener('popstate', () => summary.show(readFilterUrl(), false));
  }
  // Leaflet, its stylesheet and the marker file download while the worker starts; the worker
  // decodes and indexes the file while the frame is drawn.
  const view = import('./map-view.ts');
  const data = new MapData();
  const loaded = data.load(root.dataset.markersUrl!);
  let leaflet: Awaited<typeof view>;
  try {
    leaflet = await view;
  } catch {
    notice.fail();
    return;
  }
  const map = await leaflet.drawBaseMap(root.querySelector<HTMLElement>('[data-map-canvas]')!, root.dataset.leafletCss!, labels, () => {
    root.classList.add('kr-location-map--no-tiles');
    notice.say(labels.tilesFailed);
  });
  try {
    await loaded;
  } catch {
    notice.fail();
    return;
  }
  new leaflet.LocationMap(root, map, data, notice, labels);
}

for (const root of document.querySelectorAll<HTMLElement>('[data-location-map]')) void initLocationMap(root);
