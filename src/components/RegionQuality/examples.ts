/**
 * Examples of a region's quality figures. They need a whole register (national medians are
 * computed over it), so they use the register the gallery is built from: all its locations as
 * one region, and a region without locations (nothing to buy, no median).
 */
import { getRegister } from '../../site/register.ts';

const register = getRegister();

export const examples = [
  { name: 'whole-register', props: { register, locations: register.locations } },
  { name: 'no-locations', props: { register, locations: [] } },
] as const;
