/** Examples of code to copy: a badge link and an iframe, as the holder and municipality pages offer them. */
import { badgeSnippet, iframeSnippet } from '../../site/embed-code.ts';

export const examples = [
  {
    name: 'badge',
    props: {
      id: 'voorbeeld-badge',
      label: 'HTML',
      code: badgeSnippet({ holderUrl: 'https://register.example.nl/nl/aanbieder/KH0001/', badgeUrl: 'https://register.example.nl/badge/KH0001.svg', alt: 'Taal & Co "De Brug"' }),
    },
  },
  {
    name: 'iframe',
    props: { id: 'voorbeeld-iframe', label: 'HTML', code: iframeSnippet({ src: 'https://register.example.nl/nl/embed/gemeente/GM0363/', title: 'Amsterdam' }) },
  },
] as const;
