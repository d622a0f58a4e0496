/**
 * No gallery examples: the map only works on its own page, which links Leaflet's stylesheet
 * and allows the tile server in its CSP. tests/browser/map.test.ts drives it there instead.
 */
export const examples = [] as const;
