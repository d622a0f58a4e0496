/** Examples of the keep control: on a location page (with the link to the kept list), on a card, and the template. */
export const examples = [
  { name: 'location-page', props: { id: 'V00001', name: 'Taalhuis Klinkerpad', withLink: true } },
  { name: 'card', props: { id: 'V00002', name: 'Leerhuis Zeeën' } },
  { name: 'template', props: {} },
] as const;
