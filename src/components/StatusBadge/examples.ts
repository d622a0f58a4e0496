/**
 * Examples of the status badge: one per status. They are rendered in the component
 * gallery and double as accessibility test fixtures (every example is checked by axe).
 */
import { STATUSES } from '../../register/index.ts';

export const examples = STATUSES.map((status) => ({
  name: status,
  props: { status, sinceText: 'sinds 1 maart 2024' },
}));
