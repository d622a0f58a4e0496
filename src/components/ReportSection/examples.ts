/** Examples of the report section: with the register's own contact address, and without it (that line is left out). */
export const examples = [
  {
    name: 'with-contact',
    props: { holderId: 'H00001', holderName: 'Taalhuis <b>Klinkerpad</b> & Zn.', pageUrl: 'https://register.example.nl/nl/aanbieder/H00001/', addresses: { meldpunt: 'meldpunt@blikopwerk.nl', contact: 'register@example.nl' } },
  },
  { name: 'meldpunt-only', props: { holderId: 'H00002', holderName: 'Leerhuis Zeeën', pageUrl: '/nl/aanbieder/H00002/', addresses: { meldpunt: 'meldpunt@blikopwerk.nl' } } },
] as const;
