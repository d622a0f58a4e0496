/** The share control: one, since its labels are all it takes (the button appears once its script runs). */
export const examples = [{ name: 'page', props: {} }] as const;
