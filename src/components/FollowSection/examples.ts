/** Examples of the follow section: a holder's (feeds only) and a municipality's (with its course calendar). */
export const examples = [
  { name: 'holder', props: { atom: '/nl/atom/aanbieder/H00001.atom', json: '/nl/jsonfeed/aanbieder/H00001.json', fieldId: 'feed-address-holder' } },
  {
    name: 'municipality-with-calendar',
    props: { atom: '/nl/atom/gemeente/GM0363.atom', json: '/nl/jsonfeed/gemeente/GM0363.json', calendar: '/nl/agenda/gemeente/GM0363.ics', fieldId: 'feed-address-municipality' },
  },
] as const;
