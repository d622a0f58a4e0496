/**
 * The "fictional sample" banner is decided by the data: the sample copied to another folder
 * still says it is invented, and a real-looking register in data/ would not.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isFictionalRegister, loadRegisterDir } from '../../src/register/index.ts';
import { validExport, HOLDERS, LOCATIONS } from '../support/exports.ts';
import { registerOf } from '../support/register.ts';

const copy = mkdtempSync(join(tmpdir(), 'register-sample-copy-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('a fictional register', () => {
  it('is the sample, wherever it is read from', () => {
    cpSync(resolve(import.meta.dirname, '../../data'), copy, { recursive: true });
    expect(isFictionalRegister(registerOf(loadRegisterDir(copy)))).toBe(true);
  });

  it('is not a register with real addresses, nor one with a single real address among example ones', () => {
    expect(isFictionalRegister(registerOf(validExport().validate()))).toBe(false);
    const mostlyExample = validExport()
      .set(HOLDERS, 0, 'website', 'https://taalnoord.example').set(HOLDERS, 0, 'email', 'info@taalnoord.example');
    // The location's e-mail address (taalnoord.nl) is the one real address left.
    expect(isFictionalRegister(registerOf(mostlyExample.validate()))).toBe(false);
  });

  it('needs at least one address to say so: a register without any cannot be told apart', () => {
    const x = validExport();
    for (const row of x.table(HOLDERS).rows) { delete row.website; delete row.email; }
    for (const row of x.table(LOCATIONS).rows) delete row.email;
    expect(isFictionalRegister(registerOf(x.validate()))).toBe(false);
  });
});
