/** Examples of the status notice; valid statuses without a recent insufficient visit render nothing and are left out. */
export const examples = [
  { name: 'recovery', props: { status: 'herstelperiode', since: '2025-03-10' } },
  { name: 'suspended', props: { status: 'geschorst', since: '2025-06-01' } },
  { name: 'withdrawn', props: { status: 'ingetrokken', since: '2024-02-15' } },
  { name: 'ended', props: { status: 'beeindigd', since: '2023-12-31' } },
  { name: 'insufficient-visit', props: { status: 'onbepaalde_tijd', since: '2020-01-01', visit: { holder_id: 'H00001', visit_date: '2025-05-20', kind: 'onaangekondigd', outcome: 'onvoldoende' } } },
] as const;
