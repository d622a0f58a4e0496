/**
 * The one way a test gets a valid register: from an export folder, from CSV texts, or
 * generated. An export that does not validate fails the test at once, naming its first
 * problems, instead of failing later somewhere that looks unrelated.
 */
import { generateRegister, type GenerateOptions } from '../../scripts/generate-register.ts';
import { formatProblem, loadRegisterDir, validateExports, type Register, type ValidationResult } from '../../src/register/index.ts';
import { csvBytes } from '../../src/register/serialize.ts';

/**
 * The register of a validation that must pass. One that does not fails the test at once, with
 * its first problems in the message, instead of later somewhere that looks unrelated.
 */
export function registerOf(result: ValidationResult, what = 'the export'): Register {
  if (!result.ok) throw new Error(`${what} does not validate (${result.errors.length} errors):\n${result.errors.slice(0, 10).map(formatProblem).join('\n')}`);
  return result.register;
}

/** The register of an export folder (the sample in `data/`, a fixture). */
export function loadRegister(dir: string): Register {
  return registerOf(loadRegisterDir(dir), dir);
}

/** The register of CSV texts by file name (`holders.csv`), through the real ingestion. */
export function registerFromCsv(files: Record<string, string>): Register {
  return registerOf(validateExports(csvBytes(files)), 'the CSV texts');
}

/** A fictional register from the generator (the benchmark's), for tests at a realistic size. */
export function generatedRegister(options: GenerateOptions): Register {
  return registerOf(validateExports(csvBytes(generateRegister(options))), `the generated register ${JSON.stringify(options)}`);
}
