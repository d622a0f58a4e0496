import type { Status } from '../../register/index.ts';

/** The four visual tones of a status; four, not six, so that each is easy to tell apart. */
export type StatusTone = 'valid' | 'recovery' | 'suspended' | 'former';

/** Shared with the search cards and map markers, so a status looks the same everywhere. */
export function statusTone(status: Status): StatusTone {
  switch (status) {
    case 'bepaalde_tijd':
    case 'onbepaalde_tijd':
      return 'valid';
    case 'herstelperiode':
      return 'recovery';
    case 'geschorst':
      return 'suspended';
    case 'ingetrokken':
    case 'beeindigd':
      return 'former';
  }
}
