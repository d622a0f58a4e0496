/** Examples of the watch-out section: as a page section, and inside a results section. */
export const examples = [
  { name: 'section', props: { id: 'letop-voorbeeld' } },
  { name: 'in results', props: { id: 'letop-resultaten', level: 3 } },
] as const;
