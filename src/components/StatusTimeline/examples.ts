/** Examples of the timeline: a suspension that was lifted, and a holder without history. */
export const examples = [
  {
    name: 'suspension-lifted',
    props: {
      events: [
        { holder_id: 'KH1', status: 'bepaalde_tijd', effective_from: '2021-01-01' },
        { holder_id: 'KH1', status: 'geschorst', effective_from: '2023-05-10', note: 'Geschorst na controle.' },
        { holder_id: 'KH1', status: 'onbepaalde_tijd', effective_from: '2024-02-01' },
      ],
    },
  },
  { name: 'empty', props: { events: [] } },
] as const;
