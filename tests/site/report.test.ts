/**
 * The report section's settings: the meldpunt's address (with its default) and the register's
 * own, checked before the build so a typo never becomes a dead link on every school page; and
 * the `mailto:` link, whose subject and body survive any name.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MELDPUNT_EMAIL, mailtoLink, reportAddressesFromEnv } from '../../src/site/report.ts';

describe('report addresses', () => {
  it('default to the meldpunt of Blik op Werk, without a contact address', () => {
    expect(reportAddressesFromEnv({})).toEqual({ ok: true, addresses: { meldpunt: DEFAULT_MELDPUNT_EMAIL } });
  });

  it('take both settings', () => {
    expect(reportAddressesFromEnv({ REGISTER_MELDPUNT_EMAIL: 'meld@example.nl', REGISTER_CONTACT_EMAIL: ' register@example.nl ' })).toEqual({
      ok: true,
      addresses: { meldpunt: 'meld@example.nl', contact: 'register@example.nl' },
    });
  });

  it('refuse anything that is not an e-mail address, naming the setting and the value, all at once', () => {
    const read = reportAddressesFromEnv({ REGISTER_MELDPUNT_EMAIL: 'meldpunt at blikopwerk', REGISTER_CONTACT_EMAIL: 'x@y?subject=spam' });
    expect(read.ok).toBe(false);
    const errors = read.ok ? [] : read.errors;
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^REGISTER_MELDPUNT_EMAIL: is not an e-mail address \(got "meldpunt at blikopwerk"\)/);
    expect(errors[1]).toMatch(/^REGISTER_CONTACT_EMAIL: .*"x@y\?subject=spam"/);
  });
});

describe('mailto links', () => {
  it('carry subject and body percent-encoded, line breaks as CRLF, read back exactly', () => {
    const name = 'Taal & Co <b>"Zuid"</b> ?#%';
    const link = mailtoLink('meldpunt@blikopwerk.nl', `Melding over ${name} (KH0001)`, `Regel 1\nPagina: https://x.nl/nl/aanbieder/KH0001/?a=1&b=2\n`);
    expect(link).not.toMatch(/[\s<>"]/);
    const url = new URL(link);
    expect(url.pathname).toBe('meldpunt@blikopwerk.nl');
    expect(url.searchParams.get('subject')).toBe(`Melding over ${name} (KH0001)`);
    expect(url.searchParams.get('body')).toBe('Regel 1\r\nPagina: https://x.nl/nl/aanbieder/KH0001/?a=1&b=2\r\n');
  });
});
