/**
 * `/.well-known/security.txt` by the rules of RFC 9116, read with a strict parser written here
 * from the RFC (section 4's ABNF and section 2.5's fields): written by a public build that has
 * a contact, with Expires from the export date (never the clock) less than a year ahead;
 * absent, and said to be absent, without one; and a malformed contact stops the build before
 * anything is written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SECURITY_TXT_PATH, securityTxt, securityTxtSettingsFromEnv } from '../../src/site/security-txt.ts';
import { buildSite, builtSite, builtSiteOutcome, HOSTILE_DATA, HOSTILE_SITE, TEST_SITE_URL, TMP } from '../support/site.ts';

interface SecurityTxt {
  fields: Map<string, string[]>;
}

/**
 * RFC 9116 read strictly: every line a comment, empty, or `Name: value` (section 4); the
 * fields of section 2.5 with their cardinality and value syntax; anything else is an error.
 * `retrievedFrom` is the address the file was fetched from, which Canonical must list.
 */
function parseSecurityTxt(text: string, { now, retrievedFrom }: { now: Date; retrievedFrom?: string }): SecurityTxt {
  const errors: string[] = [];
  if (!text.endsWith('\n')) errors.push('the file must end with a line break');
  const fields = new Map<string, string[]>();
  for (const [i, line] of text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n').entries()) {
    if (line === '' || line.startsWith('#')) continue;
    // field-name ":" [WSP] unstructured, with field-name = 1*(VCHAR except ":") (RFC 5322's ftext).
    const match = /^([\x21-\x39\x3b-\x7e]+):[ \t]?(.*)$/.exec(line);
    if (!match) {
      errors.push(`line ${i + 1}: not a field, comment or empty line: ${JSON.stringify(line)}`);
      continue;
    }
    const name = match[1]!.toLowerCase();
    const value = match[2]!;
    if (value === '' || /[\x00-\x08\x0a-\x1f\x7f]/.test(value) || value !== value.trim()) errors.push(`line ${i + 1}: ${name}: the value is empty or has surrounding space or control characters`);
    fields.set(name, [...(fields.get(name) ?? []), value]);
  }
  const uri = (name: string, value: string, schemes: string[]) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      errors.push(`${name}: not a URI: ${value}`);
      return;
    }
    if (!schemes.includes(url.protocol)) errors.push(`${name}: ${value} must use ${schemes.join(' or ')}`);
    if (url.protocol === 'mailto:' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(url.pathname)) errors.push(`${name}: ${value} holds no e-mail address`);
  };
  // 2.5.3 Contact: one or more; a web URI must be https.
  const contacts = fields.get('contact') ?? [];
  if (contacts.length === 0) errors.push('Contact: required at least once');
  for (const value of contacts) uri('Contact', value, ['mailto:', 'https:', 'tel:']);
  // 2.5.5 Expires: exactly once, an RFC 3339 date-time, in the future; less than a year ahead is recommended.
  const expires = fields.get('expires') ?? [];
  if (expires.length !== 1) errors.push(`Expires: required exactly once, found ${expires.length}`);
  else if (!/^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/.test(expires[0]!) || Number.isNaN(Date.parse(expires[0]!))) {
    errors.push(`Expires: not an RFC 3339 date-time: ${expires[0]}`);
  } else {
    const until = Date.parse(expires[0]!);
    if (until <= now.getTime()) errors.push(`Expires: ${expires[0]} has passed`);
    if (until - now.getTime() >= 365 * 86_400_000) errors.push(`Expires: ${expires[0]} is a year or more ahead`);
  }
  // 2.5.8 Preferred-Languages: at most once, comma-separated RFC 5646 tags.
  const languages = fields.get('preferred-languages') ?? [];
  if (languages.length > 1) errors.push('Preferred-Languages: at most once');
  for (const tag of languages.flatMap((v) => v.split(',').map((t) => t.trim()))) {
    if (!/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(tag)) errors.push(`Preferred-Languages: not a language tag: ${tag}`);
  }
  // 2.5.2 Canonical, 2.5.7 Policy (and the other URI fields): https URIs; Canonical lists where the file was found.
  for (const name of ['canonical', 'policy', 'acknowledgments', 'encryption', 'hiring']) for (const value of fields.get(name) ?? []) uri(name, value, ['https:']);
  const canonical = fields.get('canonical') ?? [];
  if (retrievedFrom && canonical.length > 0 && !canonical.includes(retrievedFrom)) errors.push(`Canonical: does not list ${retrievedFrom}`);
  if (errors.length > 0) throw new Error(`not a valid security.txt:\n${errors.join('\n')}`);
  return { fields };
}

const EXPORT_DATE = '2025-09-01';
const CONTACT = 'mailto:security@register.example.nl';
const POLICY = 'https://register.example.nl/beveiliging';

afterEach(() => {
  vi.useRealTimers();
});

describe('security.txt', () => {
  it('passes the RFC 9116 check, with every field the settings give', () => {
    const text = securityTxt({ contact: CONTACT, policy: POLICY }, EXPORT_DATE, TEST_SITE_URL)!;
    const { fields } = parseSecurityTxt(text, { now: new Date(`${EXPORT_DATE}T00:00:00Z`), retrievedFrom: `${TEST_SITE_URL}${SECURITY_TXT_PATH}` });
    expect(fields.get('contact')).toEqual([CONTACT]);
    expect(fields.get('policy')).toEqual([POLICY]);
    expect(fields.get('preferred-languages')).toEqual(['nl, en']);
    expect(fields.get('canonical')).toEqual([`${TEST_SITE_URL}${SECURITY_TXT_PATH}`]);
    // Without a policy setting, no Policy line; without SITE_URL, no Canonical.
    const plain = parseSecurityTxt(securityTxt({ contact: 'https://register.example.nl/melden' }, EXPORT_DATE)!, { now: new Date(EXPORT_DATE) });
    expect(plain.fields.has('policy')).toBe(false);
    expect(plain.fields.has('canonical')).toBe(false);
  });

  it('expires less than a year after the export date, whatever the build clock says', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2031-01-01T12:00:00Z'));
    const text = securityTxt({ contact: CONTACT }, EXPORT_DATE)!;
    expect(text).toContain('Expires: 2026-08-31T00:00:00Z');
    vi.setSystemTime(new Date('2020-01-01T12:00:00Z'));
    expect(securityTxt({ contact: CONTACT }, EXPORT_DATE)).toBe(text);
    expect(securityTxt({ contact: CONTACT }, '2024-02-29')).toContain('Expires: 2025-02-27T00:00:00Z');
    // The check can fail: a file a year ahead, or without Expires, is refused.
    expect(() => parseSecurityTxt(text.replace('2026-08-31', '2026-09-01'), { now: new Date(EXPORT_DATE) })).toThrow(/a year or more ahead/);
    expect(() => parseSecurityTxt(text.replace(/^Expires:.*\n/m, ''), { now: new Date(EXPORT_DATE) })).toThrow(/Expires: required exactly once/);
    expect(() => parseSecurityTxt(text.replace('Contact: mailto:', 'Contact: http://'), { now: new Date(EXPORT_DATE) })).toThrow(/Contact/);
  });

  it('is not written without a contact', () => {
    expect(securityTxt({}, EXPORT_DATE, TEST_SITE_URL)).toBeUndefined();
  });

  it('refuses a malformed contact or policy, naming the setting and the value', () => {
    const errors = (env: Record<string, string>) => securityTxtSettingsFromEnv(env).errors;
    for (const contact of ['security@example.nl', 'http://example.nl/security', 'mailto:', 'mailto:two words@example.nl', 'mailto:a@b.nl\nExpires: 2099-01-01T00:00:00Z', 'https://user:secret@example.nl/', 'https://localhost/', 'ftp://example.nl/', 'javascript:alert(1)']) {
      expect(errors({ REGISTER_SECURITY_CONTACT: contact }), contact).toEqual([expect.stringContaining(`REGISTER_SECURITY_CONTACT "${contact.trim()}"`)]);
    }
    expect(errors({ REGISTER_SECURITY_CONTACT: CONTACT, REGISTER_SECURITY_POLICY: 'http://example.nl/policy' })).toEqual([expect.stringContaining('REGISTER_SECURITY_POLICY')]);
    expect(errors({ REGISTER_SECURITY_POLICY: POLICY })).toEqual([expect.stringContaining('REGISTER_SECURITY_CONTACT is not')]);
    expect(errors({ REGISTER_SECURITY_CONTACT: CONTACT, REGISTER_SECURITY_POLICY: POLICY })).toEqual([]);
    expect(errors({ REGISTER_SECURITY_CONTACT: 'https://register.example.nl/melden' })).toEqual([]);
  });
});

describe('security.txt in a build', () => {
  const withContact = { data: HOSTILE_DATA, env: { SITE_URL: TEST_SITE_URL, REGISTER_FIRST_PUBLICATION: 'yes', REGISTER_SECURITY_CONTACT: CONTACT, REGISTER_SECURITY_POLICY: POLICY } };
  let out: string;
  beforeAll(async () => {
    out = await builtSite(withContact);
  }, 600_000);

  it('a public build with a contact writes it, valid by RFC 9116, with Expires from the export date', () => {
    const text = readFileSync(join(out, SECURITY_TXT_PATH), 'utf8');
    const exportDate = JSON.parse(readFileSync(join(out, 'data/register.json'), 'utf8')).export_date as string;
    parseSecurityTxt(text, { now: new Date(`${exportDate}T00:00:00Z`), retrievedFrom: `${TEST_SITE_URL}${SECURITY_TXT_PATH}` });
    expect(text).toBe(securityTxt({ contact: CONTACT, policy: POLICY }, exportDate, TEST_SITE_URL));
  });

  it('a public build without a contact writes none, and says so', async () => {
    const hostile = await builtSite(HOSTILE_SITE);
    expect(existsSync(join(hostile, SECURITY_TXT_PATH))).toBe(false);
    expect((await builtSiteOutcome(HOSTILE_SITE)).stdout).toContain(`No ${SECURITY_TXT_PATH}: REGISTER_SECURITY_CONTACT is not set`);
  });

  it('a malformed contact stops the build before anything is written', () => {
    const target = resolve(TMP, 'security-txt-refused', 'dist');
    const run = buildSite(HOSTILE_DATA, target, { SITE_URL: TEST_SITE_URL, REGISTER_SECURITY_CONTACT: 'security@example.nl', REGISTER_NGINX_PREFIX: '9bad' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('REGISTER_SECURITY_CONTACT "security@example.nl"');
    // Every bad setting in the same run.
    expect(run.stdout).toContain('REGISTER_NGINX_PREFIX');
    expect(run.stderr).toContain('The build settings are invalid');
    expect(existsSync(resolve(TMP, 'security-txt-refused'))).toBe(false);
  });
});
