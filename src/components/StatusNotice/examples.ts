/** Examples of the status notice; valid statuses render nothing and are left out. */
export const examples = [
  { name: 'suspended', props: { status: 'geschorst', since: '2025-06-01' } },
  { name: 'withdrawn', props: { status: 'ingetrokken', since: '2024-02-15' } },
  { name: 'ended', props: { status: 'beeindigd', since: '2023-12-31' } },
] as const;
