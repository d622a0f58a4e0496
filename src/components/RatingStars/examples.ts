/** Examples of a rating: every star count, aspirant, and no rating published (the gallery and the accessibility test loop over them). */
export const examples = [
  { name: 'four-stars', props: { rating: '4', large: true } },
  { name: 'three-stars', props: { rating: '3' } },
  { name: 'one-star', props: { rating: '1' } },
  { name: 'aspirant', props: { rating: 'aspirant' } },
  { name: 'none', props: { rating: undefined } },
] as const;
