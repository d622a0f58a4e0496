/**
 * `/.well-known/security.txt` (RFC 9116): where someone who finds a weakness in the register
 * reports it. Written only when the build is told whom to contact (`REGISTER_SECURITY_CONTACT`),
 * never with an address made up; `Expires` is counted from the export date, never the build's
 * clock, so the same export gives the same file.
 *
 * The settings are checked by `scripts/build.ts` before anything is built, like the export: a
 * malformed contact or policy address stops the build with a message naming the setting.
 */
import { addDays, addMonths } from '../register/dates.ts';

/** The file's path on the site, where RFC 9116 (section 3) says clients look. */
export const SECURITY_TXT_PATH = '/.well-known/security.txt';

/** What the file is made from, besides the export date. */
export interface SecurityTxtSettings {
  /** `REGISTER_SECURITY_CONTACT`: a `mailto:` or `https:` URI. Without it, no file. */
  contact?: string;
  /** `REGISTER_SECURITY_POLICY`: an `https:` URI of the disclosure policy. */
  policy?: string;
}

/** The languages a report may be written in: the register's own and English (RFC 5646 tags). */
export const SECURITY_LANGUAGES = ['nl', 'en'] as const;

/** Characters no address in the file may hold: controls, spaces, and what would end a line. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0020\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/;

/** Why a value is not an `https:` URL a reader can open, or undefined when it is one. */
function httpsProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'it is not a URL';
  }
  if (url.protocol !== 'https:') return 'it must start with https:';
  if (!url.hostname.includes('.')) return 'it has no host name with a domain';
  if (url.username || url.password) return 'it may not hold a user name or password';
  return undefined;
}

/** Why a value is not a usable `mailto:` URI with one address, or undefined when it is. */
function mailtoProblem(value: string): string | undefined {
  const address = value.slice('mailto:'.length);
  if (!/^[A-Za-z0-9.!#$%&'*+/=^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/.test(address)) return 'it must be mailto: followed by one e-mail address, such as mailto:security@example.nl';
  return undefined;
}

/** Why a contact is unusable (a `mailto:` or `https:` URI, RFC 9116 section 2.5.3), or undefined. */
export function contactProblem(value: string): string | undefined {
  if (UNSAFE.test(value)) return 'it holds a space or an invisible or control character';
  if (/^mailto:/i.test(value)) return /^mailto:/.test(value) ? mailtoProblem(value) : 'write mailto: in lower case';
  if (/^https:/i.test(value)) return httpsProblem(value);
  return 'it must be a mailto: or https: URI';
}

/**
 * The settings from the environment, or every problem with them (all at once), each naming its
 * variable and value.
 */
export function securityTxtSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): { settings: SecurityTxtSettings; errors: string[] } {
  const errors: string[] = [];
  const contact = env.REGISTER_SECURITY_CONTACT?.trim() || undefined;
  const policy = env.REGISTER_SECURITY_POLICY?.trim() || undefined;
  if (contact) {
    const problem = contactProblem(contact);
    if (problem) errors.push(`REGISTER_SECURITY_CONTACT "${contact}": ${problem}.`);
  }
  if (policy) {
    const problem = UNSAFE.test(policy) ? 'it holds a space or an invisible or control character' : httpsProblem(policy);
    if (problem) errors.push(`REGISTER_SECURITY_POLICY "${policy}": ${problem}.`);
    if (!contact) errors.push('REGISTER_SECURITY_POLICY is set but REGISTER_SECURITY_CONTACT is not: security.txt needs a contact.');
  }
  return { settings: { ...(contact ? { contact } : {}), ...(policy ? { policy } : {}) }, errors };
}

/**
 * The moment the file stops being valid: a day short of a year after the export date (RFC 9116
 * asks for less than a year ahead), so a register nobody republishes stops vouching for its
 * contact.
 */
export function securityTxtExpires(exportDate: string): string {
  return `${addDays(addMonths(exportDate, 12), -1)}T00:00:00Z`;
}

/** The file's text, or undefined without a contact. `site` (SITE_URL) gives the Canonical line. */
export function securityTxt(settings: SecurityTxtSettings, exportDate: string, site?: URL | string): string | undefined {
  if (!settings.contact) return undefined;
  const lines = [
    '# How to report a security problem in the Keurmerkregister Inburgeren (RFC 9116).',
    `# Written with the publication of the register of ${exportDate}.`,
    `Contact: ${settings.contact}`,
    `Expires: ${securityTxtExpires(exportDate)}`,
    `Preferred-Languages: ${SECURITY_LANGUAGES.join(', ')}`,
    ...(site ? [`Canonical: ${new URL(SECURITY_TXT_PATH, site).href}`] : []),
    ...(settings.policy ? [`Policy: ${settings.policy}`] : []),
  ];
  return `${lines.join('\n')}\n`;
}
