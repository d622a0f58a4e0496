/**
 * Reads an export folder from disk. Kept apart from `validate.ts` so the checks stay pure
 * and testable on in-memory bytes; only this file touches the file system.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MAX_FILE_BYTES } from './csv.ts';
import { exportDateFromEnv } from './dates.ts';
import { EXPORT_FILES } from './schema.ts';
import { validateExports, type ExportBytes, type ExportReader, type ValidationResult } from './validate.ts';

/**
 * The data folder: a folder named on the command line, else `REGISTER_DATA_DIR`, else the
 * embedded sample in `data/`. A `REGISTER_DATA_DIR` that is set but empty is an error, not the
 * sample: a script that meant to point at the real export (`REGISTER_DATA_DIR=$EXPORTS` with
 * `$EXPORTS` unset) must not quietly check or publish the fictional register instead.
 */
export function dataDir(env: NodeJS.ProcessEnv = process.env, argument?: string): string {
  if (argument !== undefined) {
    if (argument.trim() === '') throw new Error('the data folder named on the command line is empty');
    return resolve(argument);
  }
  const setting = env.REGISTER_DATA_DIR;
  if (setting !== undefined && setting.trim() === '') {
    throw new Error('REGISTER_DATA_DIR is set but empty; name the export folder, or unset it to use the sample in data/');
  }
  return resolve(setting ?? 'data');
}

/** Reads the contract's files from a folder; files that are not there are simply absent. */
export function readExportDir(dir: string): ExportBytes {
  if (!existsSync(dir)) throw new Error(`data folder not found: ${dir}`);
  const files: ExportBytes = {};
  for (const { name } of Object.values(EXPORT_FILES)) {
    const bytes = readExportFile(dir, name);
    if (bytes !== undefined) files[name] = bytes;
  }
  return files;
}

/** One file of an export folder, or undefined when the folder does not have it. */
function readExportFile(dir: string, name: string): Uint8Array | undefined {
  const path = join(dir, name);
  return existsSync(path) ? readAtMost(path, MAX_FILE_BYTES + 1) : undefined;
}

/**
 * The export in a folder as the validator reads it: one file at a time, when it gets to it, so
 * only one file's bytes are in memory at once (`readExportDir` holds them all).
 */
export function exportDirSource(dir: string): ExportReader {
  if (!existsSync(dir)) throw new Error(`data folder not found: ${dir}`);
  return (name) => readExportFile(dir, name);
}

/**
 * Reads a file, but never more than `limit` bytes: a file over the contract's size limit is
 * refused by `parseCsv` from its first bytes, without the whole of it ever being in memory.
 */
function readAtMost(path: string, limit: number): Uint8Array {
  const size = Math.min(statSync(path).size, limit);
  const bytes = new Uint8Array(size);
  const fd = openSync(path, 'r');
  try {
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return read === size ? bytes : bytes.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** Reads and validates a folder in one step, one file at a time. */
export function loadRegisterDir(dir: string = dataDir()): ValidationResult {
  return validateExports(exportDirSource(dir), { exportDate: exportDateFromEnv(process.env) });
}
