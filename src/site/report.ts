/**
 * Where a visitor reports a school, and where they report a mistake in the register: two
 * build settings, checked before the build like the export, and the `mailto:` links the
 * "Iets melden over deze school" section (src/components/ReportSection/) writes with them.
 */
import * as z from 'zod';

/** The "Meldpunt misstanden Keurmerk Inburgeren" of Blik op Werk, which the keurmerk page names. */
export const DEFAULT_MELDPUNT_EMAIL = 'meldpunt@blikopwerk.nl';

/** The two addresses a build writes into every holder and location page. */
export interface ReportAddresses {
  /** `REGISTER_MELDPUNT_EMAIL`: reports about a school (money for nothing, pressure, lessons that do not take place). */
  meldpunt: string;
  /** `REGISTER_CONTACT_EMAIL`: the register's own address for factual errors; absent, the line is left out. */
  contact?: string;
}

const address = z.email();

/**
 * The addresses from the environment, or every problem with them. An address that is not one
 * would put a dead link on thousands of pages, so it stops the build (scripts/build.ts asks first).
 */
export function reportAddressesFromEnv(env: NodeJS.ProcessEnv = process.env): { ok: true; addresses: ReportAddresses } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    if (!value) return undefined;
    if (!address.safeParse(value).success) {
      errors.push(`${name}: is not an e-mail address (got ${JSON.stringify(value)}); the report section of every school page links to it`);
      return undefined;
    }
    return value;
  };
  const meldpunt = read('REGISTER_MELDPUNT_EMAIL') ?? DEFAULT_MELDPUNT_EMAIL;
  const contact = read('REGISTER_CONTACT_EMAIL');
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, addresses: { meldpunt, ...(contact ? { contact } : {}) } };
}

let cached: ReportAddresses | undefined;

/** The addresses of this build, read once; a bad setting here means `astro build` was run directly. */
export function reportAddresses(): ReportAddresses {
  if (cached) return cached;
  const read = reportAddressesFromEnv();
  if (!read.ok) throw new Error(read.errors.join('\n'));
  return (cached = read.addresses);
}

/**
 * A `mailto:` link (RFC 6068) with its subject and body filled in, so a report arrives
 * naming the right school. Every part is percent-encoded; line breaks as CRLF, as the RFC asks.
 */
export function mailtoLink(to: string, subject: string, body: string): string {
  const encode = (text: string) => encodeURIComponent(text.replace(/\r?\n/g, '\r\n'));
  return `mailto:${to}?subject=${encode(subject)}&body=${encode(body)}`;
}
