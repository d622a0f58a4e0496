/**
 * The StatusBadge as browser scripts build it (search cards, the notice of schools hidden
 * by the default filter), so a status made in the browser looks exactly like one rendered
 * on the server: same classes, icon drawn by the badge's CSS, `data-status` for tests.
 */
import { statusFamily, type Status } from '../../register/vocabulary.ts';

/** `label` as text, or as the nodes `dutchTermNodes` makes of it, so its Dutch term keeps `lang="nl"`. */
export function statusBadgeElement(status: Status, label: string | readonly Node[]): HTMLElement {
  const badge = document.createElement('span');
  badge.className = `kr-status-badge kr-status-badge--${statusFamily(status)}`;
  badge.dataset.status = status;
  const icon = document.createElement('span');
  icon.className = 'kr-status-badge__icon';
  icon.setAttribute('aria-hidden', 'true');
  const text = document.createElement('span');
  text.className = 'kr-status-badge__label';
  text.append(...(typeof label === 'string' ? [label] : label));
  badge.append(icon, text);
  return badge;
}
