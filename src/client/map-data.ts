/**
 * The page's side of the map's data worker (map-worker.ts): every request is a promise of
 * its answer, matched by id, so the map script reads like ordinary async code while the
 * decoding, filtering and clustering run off the page's thread.
 */
import type { MapReplies, MapRequest } from './map-worker.ts';

/** The one worker of a map page and the requests waiting for its answers. */
export class MapData {
  readonly #worker = new Worker(new URL('./map-worker.ts', import.meta.url), { type: 'module' });
  readonly #waiting = new Map<number, { resolve: (reply: never) => void; reject: (error: Error) => void }>();
  #nextId = 0;
  #broken = false;

  constructor() {
    this.#worker.onmessage = ({ data }: MessageEvent<{ id: number; reply?: never; error?: string }>) => {
      const request = this.#waiting.get(data.id);
      this.#waiting.delete(data.id);
      if (data.error !== undefined) request?.reject(new Error(data.error));
      else request?.resolve(data.reply!);
    };
    // The worker could not start (or died): every open and later request fails.
    this.#worker.onerror = () => {
      this.#broken = true;
      for (const request of this.#waiting.values()) request.reject(new Error('map worker failed'));
      this.#waiting.clear();
    };
  }

  /** Sends one request; `transfer` hands buffers over without copying them. */
  ask<T extends MapRequest>(request: T, transfer: Transferable[] = []): Promise<MapReplies[T['type']]> {
    return new Promise((resolve, reject) => {
      if (this.#broken) return reject(new Error('map worker failed'));
      const id = this.#nextId++;
      this.#waiting.set(id, { resolve, reject });
      this.#worker.postMessage({ id, request }, transfer);
    });
  }

  /**
   * Downloads the marker file and hands it over unread: it downloads while the worker starts,
   * and the worker decodes and indexes it while the page draws the map's frame. Rejects when
   * the file or the worker fails.
   */
  async load(url: string): Promise<void> {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const body = await response.arrayBuffer();
    if (!(await this.ask({ type: 'load', body }, [body])).ok) throw new Error('marker file');
  }
}
