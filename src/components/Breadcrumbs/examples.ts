/** Examples of the breadcrumbs: a municipality under its province, and a single level. */
export const examples = [
  {
    name: 'municipality',
    props: {
      items: [
        { label: 'Home', href: '/nl/' },
        { label: 'Provincie Fryslân', href: '/nl/provincie/fryslan/' },
        { label: 'Leeuwarden' },
      ],
    },
  },
  { name: 'one-level', props: { items: [{ label: 'Home', href: '/nl/' }, { label: 'Gemeenten' }] } },
] as const;
