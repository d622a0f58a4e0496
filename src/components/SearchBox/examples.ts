/** The search box as the home page shows it; the id differs from the home page's own. */
export const examples = [{ name: 'home', props: { id: 'voorbeeld-zoekvak' } }] as const;
