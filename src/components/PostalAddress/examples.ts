/** Examples of a postal address: inline (lists), as a block (location page), and a place name with an apostrophe. */
const spoorlaan = { street: 'Spoorlaan', house_number: '59', house_number_suffix: 'B', postcode: '6046 XX', city: 'Roermond' };

export const examples = [
  { name: 'inline', props: { location: spoorlaan } },
  { name: 'block', props: { location: spoorlaan, block: true } },
  { name: 'apostrophe', props: { location: { street: 'Stationsplein', house_number: '1', postcode: '5211 AP', city: "'s-Hertogenbosch" } } },
] as const;
