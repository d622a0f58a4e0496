/**
 * The FilterPanel's "near a place or postcode" field: turns what was typed into a point to
 * sort by, and says what it found. Follows the privacy rule of place-resolver.ts: offline
 * first; PDOK only when the visitor presses its button; the device position only on "use
 * my location", and never written to the URL.
 */
import { fill } from './dom.ts';
import { PlaceLookupError, resolveDevicePosition, resolveOffline, resolveWithPdok, type ResolvedPlace } from './place-resolver.ts';

/** The field's messages, in the page's language. */
export interface PlaceMessages {
  found: string;
  foundDevice: string;
  notFound: string;
  pdokNotFound: string;
  unreachable: string;
  deviceFailed: string;
}

/** The place field's answers so far (typed, PDOK, device), so a change elsewhere reuses them without a new lookup or message. */
export class PlaceField {
  readonly #input: HTMLInputElement | null;
  readonly #message: HTMLElement | null;
  readonly #pdok: HTMLElement | null;
  readonly #device: HTMLButtonElement | null;
  /** The device position, kept while the place field stays empty. */
  #devicePlace: ResolvedPlace | undefined;
  /** The last typed place and what it resolved to. */
  #lastPlace: { text: string; place: ResolvedPlace | undefined } = { text: '', place: undefined };
  /** PDOK's answer for the text the visitor asked it about. */
  #pdokPlace: { text: string; place: ResolvedPlace } | undefined;

  readonly #messages: PlaceMessages;

  constructor(form: HTMLFormElement, messages: PlaceMessages) {
    this.#messages = messages;
    this.#input = form.querySelector<HTMLInputElement>('input[name="place"]');
    this.#message = form.querySelector<HTMLElement>('[data-place-message]');
    this.#pdok = form.querySelector<HTMLElement>('[data-place-pdok]');
    this.#device = form.querySelector<HTMLButtonElement>('[data-place-device]');
  }

  #say(text: string, offerPdok = false): void {
    if (this.#message) this.#message.textContent = text;
    if (this.#pdok) this.#pdok.hidden = !offerPdok;
  }

  /**
   * The point for the typed place: the device position while the field is empty, a PDOK
   * answer while the text is the one PDOK answered, else the register's own index. Says
   * when the place is unknown and, if `offerPdok`, offers PDOK.
   */
  async resolve(text: string, offerPdok: boolean): Promise<ResolvedPlace | undefined> {
    if (!text) {
      if (!this.#devicePlace) this.#say('');
      return this.#devicePlace;
    }
    this.#devicePlace = undefined;
    // The same text as last time (the visitor changed something else): same answer, same message.
    if (text === this.#lastPlace.text && !offerPdok) return this.#lastPlace.place;
    const hit = this.#pdokPlace?.text === text ? this.#pdokPlace.place : await resolveOffline(this.#input!, text).catch(() => undefined);
    if (hit) this.#say(fill(this.#messages.found, { place: hit.label }));
    else if (offerPdok) this.#say(this.#messages.notFound, true);
    else this.#say('');
    this.#lastPlace = { text, place: hit };
    return hit;
  }

  /** PDOK's button asks PDOK about `text()`; `found` runs when it answered with a place. */
  onPdok(text: () => string, found: () => void): void {
    this.#pdok?.querySelector('button')?.addEventListener('click', async () => {
      const typed = text();
      if (!typed) return;
      try {
        const place = await resolveWithPdok(typed);
        this.#pdokPlace = { text: typed, place };
        this.#lastPlace = { text: typed, place };
        this.#say(fill(this.#messages.found, { place: place.label }));
        found();
      } catch (error) {
        const reason = error instanceof PlaceLookupError ? error.reason : 'unreachable';
        this.#say(reason === 'not-found' ? this.#messages.pdokNotFound : this.#messages.unreachable, reason === 'unreachable');
      }
    });
  }

  /**
   * "Use my location", shown only where the browser can tell. Once the position is known the
   * field is emptied and `emptied` runs (the state follows the field), then `found`.
   */
  onDevice(emptied: () => void, found: () => void): void {
    const button = this.#device;
    if (!button || !('geolocation' in navigator)) return;
    button.hidden = false;
    button.addEventListener('click', async () => {
      try {
        const place = await resolveDevicePosition();
        if (this.#input) this.#input.value = '';
        emptied();
        this.#devicePlace = place;
        this.#say(this.#messages.foundDevice);
        found();
      } catch {
        this.#say(this.#messages.deviceFailed);
      }
    });
  }
}
