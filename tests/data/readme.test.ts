/**
 * data/README.md is what a data steward reads before exporting: its tables of files and
 * columns must say what the validator checks. Each table is compared with the contract's Zod
 * schemas (`EXPORT_FILES`, `columnsOf`), so a column added, renamed, reordered or made
 * optional in the code fails here until the README says the same.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_FILES, columnsOf } from '../../src/register/index.ts';
import { ROOT } from '../support/site.ts';

const readme = readFileSync(join(ROOT, 'data/README.md'), 'utf8');

/** The rows of the first Markdown table after a heading line, as cells without backticks. */
function tableAfter(heading: string): string[][] {
  const start = readme.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`data/README.md has no heading "${heading}"`);
  const lines = readme.slice(start).split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  const table: string[][] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    // `\|` inside a cell is a literal bar (`wi2013\|wi2021`), not a cell border.
    table.push(line.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim().replace(/`/g, '')));
  }
  return table;
}

describe('data/README.md matches the contract', () => {
  it('lists every export file, in the contract\'s order, with whether it is required', () => {
    const files = tableAfter('## Files').map(([name, required]) => ({ name, required: required === 'yes' }));
    expect(files).toEqual(Object.values(EXPORT_FILES).map((f) => ({ name: f.name, required: f.required })));
  });

  for (const file of Object.values(EXPORT_FILES)) {
    it(`${file.name}: its heading says whether the file is optional; every column, in order, with whether it is required`, () => {
      const columns = tableAfter(`## ${file.name}${file.required ? '' : ' (optional)'}`).map(([name, required]) => ({ name, required: required === 'yes' }));
      expect(columns).toEqual(columnsOf(file).map(({ name, required }) => ({ name, required })));
    });
  }
});
