/**
 * The few links to other public bodies, kept in one place so they can be checked and
 * updated together. Home pages rather than deep links: deep links on these sites move.
 */
export const EXTERNAL = {
  blikOpWerk: 'https://www.blikopwerk.nl/',
  duo: 'https://www.duo.nl/particulier/inburgeren/',
  inburgeren: 'https://www.inburgeren.nl/',
  inspectie: 'https://www.onderwijsinspectie.nl/',
} as const;
