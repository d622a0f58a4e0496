/**
 * Examples of Dutch terms kept in brackets, as the Arabic, Turkish and Persian dictionaries
 * write them; on the gallery page each is checked by axe in every language.
 */
export const examples = [
  { name: 'one term', props: { text: 'البلديات (gemeenten)' } },
  { name: 'a term after a translation', props: { text: 'askıya alındı (askıya alındı, geschorst)' } },
  { name: 'no Dutch term', props: { text: 'فایل (CSV)' } },
];
