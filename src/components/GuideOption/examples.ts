/** Examples of a guide answer: with a one-sentence hint, with two, and with a link after the hint. */
export const examples = [
  { name: 'one hint', props: { name: 'law', id: 'voorbeeld-law-wi2021', value: 'wi2021', label: 'Wet inburgering 2021', hint: ['U kwam na 1 januari 2022 naar Nederland.'] } },
  {
    name: 'two hints',
    props: { name: 'betaalt', id: 'voorbeeld-pay-self', value: 'zelf', label: 'Ik betaal zelf', hint: ['U leent geld bij DUO.', 'Let op: teken niets op straat.'] },
  },
  {
    name: 'with a link',
    props: { name: 'route', id: 'voorbeeld-route-onderwijs', value: 'onderwijs', label: 'Onderwijsroute', hint: ['Deze route staat niet in het register.'], link: { href: '#', text: 'Meer over de Onderwijsroute' } },
  },
] as const;
