/**
 * The "bewaar" (keep) control on location pages and search result cards: a toggle button
 * (`aria-pressed`) that adds the location to the shortlist or takes it off, announces the
 * change, and a link to the comparison that shows how many are kept. Without JavaScript the
 * control stays hidden: it cannot work without the browser's storage.
 */
import { fillPlaceholders } from '../i18n/fill.ts';
import { announce, onShortlistChange, readShortlist, toggleKept } from './shortlist.ts';

/** Interface text of the control, rendered by KeepButton.astro as `data-labels`. */
export interface KeepLabels {
  keep: string;
  kept: string;
  added: string;
  removed: string;
  link: string;
}

const bound = new WeakSet<HTMLElement>();

function render(control: HTMLElement, ids: readonly string[]): void {
  const labels = JSON.parse(control.dataset.labels!) as KeepLabels;
  const button = control.querySelector<HTMLButtonElement>('[data-keep-button]')!;
  const link = control.querySelector<HTMLAnchorElement>('[data-keep-link]');
  const kept = ids.includes(control.dataset.keep!);
  button.setAttribute('aria-pressed', String(kept));
  button.querySelector('[data-keep-label]')!.textContent = kept ? labels.kept : labels.keep;
  if (link) {
    link.hidden = ids.length === 0;
    link.textContent = fillPlaceholders(labels.link, { count: ids.length }, document.dir === 'rtl' ? 'rtl' : 'ltr');
  }
}

/** Makes one rendered control work (once); safe to call again on the same element. */
export function bindKeepButton(control: HTMLElement): void {
  if (bound.has(control)) return;
  bound.add(control);
  const button = control.querySelector<HTMLButtonElement>('[data-keep-button]')!;
  button.hidden = false;
  render(control, readShortlist());
  button.addEventListener('click', () => {
    const labels = JSON.parse(control.dataset.labels!) as KeepLabels;
    const kept = toggleKept(control.dataset.keep!);
    const dir = document.dir === 'rtl' ? 'rtl' : 'ltr';
    const name = control.querySelector('[data-keep-name]')?.textContent ?? '';
    announce(fillPlaceholders(kept ? labels.added : labels.removed, { name, count: readShortlist().length }, dir));
  });
}

/**
 * A control for a location the page did not render (a search result card), cloned from the
 * page's `<template data-keep-template>` so its text comes from the same dictionary.
 */
export function keepButtonFor(id: string, name: string): HTMLElement | undefined {
  const template = document.querySelector<HTMLTemplateElement>('template[data-keep-template]');
  const control = template?.content.firstElementChild?.cloneNode(true) as HTMLElement | undefined;
  if (!control) return undefined;
  control.dataset.keep = id;
  control.querySelector('[data-keep-name]')!.textContent = name;
  bindKeepButton(control);
  return control;
}

let listening = false;

/** Binds every control on the page and keeps them all in step with the shortlist. */
export function initKeepButtons(root: ParentNode = document): void {
  for (const control of root.querySelectorAll<HTMLElement>('[data-keep]')) bindKeepButton(control);
  if (listening) return;
  listening = true;
  onShortlistChange((ids) => {
    for (const control of document.querySelectorAll<HTMLElement>('[data-keep]')) if (bound.has(control)) render(control, ids);
  });
}
