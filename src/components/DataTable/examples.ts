/**
 * Examples of the table frame: stacked into cards on a phone with a visible caption, and
 * side by side with a caption for screen readers only. `body` names the component beside this
 * file that fills the rows, as a page would.
 */

const columns = ['Organisatie', 'Keurmerk', { label: 'Vestigingen', attributes: { 'data-sort': 'number' } }];

export const examples = [
  { name: 'stacked', props: { caption: 'Keurmerkhouders', columns, stack: true }, body: 'ExampleRows' },
  { name: 'hidden-caption', props: { caption: 'Keurmerkhouders', hiddenCaption: true, columns }, body: 'ExampleRows' },
] as const;
