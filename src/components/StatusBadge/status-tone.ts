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

/**
 * The icon of each tone (16×16 stroke paths), shared by the badge and the map markers so
 * that a status has one shape everywhere: ✓ valid, △ recovery, ‖ suspended, ✕ former.
 */
export const STATUS_ICON: Record<StatusTone, { d: string; strokeWidth: number }> = {
  valid: { d: 'M2.5 8.5l3.5 3.5 7.5-8', strokeWidth: 2.4 },
  recovery: { d: 'M8 1.5l6.8 12.5H1.2zM8 6v4M8 11.5v1.5', strokeWidth: 1.8 },
  suspended: { d: 'M5 2.5v11M11 2.5v11', strokeWidth: 3 },
  former: { d: 'M3 3l10 10M13 3L3 13', strokeWidth: 2.4 },
};
