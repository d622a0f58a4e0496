/**
 * The read-aloud control as every content page renders it. In the gallery it stays hidden
 * unless the browser has a local voice for the page's language; axe checks it either way,
 * and the read-aloud browser test shows it with a stubbed voice.
 */
export const examples = [{ name: 'content-page', props: {} }] as const;
