/**
 * Reads an export folder from disk. Kept apart from `validate.ts` so the checks stay pure
 * and testable on in-memory bytes; only this file touches the file system.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import { MAX_FILE_BYTES } from './csv.ts';
import { exportDateFromEnv } from './dates.ts';
import { EXPORT_FILES } from './schema.ts';
import { validateExports, type ExportBytes, type ExportReader, type UnreadableFile, type ValidationResult } from './validate.ts';

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

/**
 * Reads the contract's files from a folder; files that are not there are simply absent. All
 * bytes at once, for the benchmarks that time validation alone; a file that cannot be read as
 * one (a folder, a named pipe, a broken link) throws, naming it.
 */
export function readExportDir(dir: string): ExportBytes {
  const read = exportDirSource(dir);
  const files: ExportBytes = {};
  for (const { name } of Object.values(EXPORT_FILES)) {
    const bytes = read(name);
    if (bytes instanceof Uint8Array) files[name] = bytes;
    else if (bytes !== undefined) throw new Error(`${name}: ${bytes.problem}`);
  }
  return files;
}

/** What a directory entry that is not a regular file is, in words. */
function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * One file of an export folder: its bytes, undefined when the folder does not have it, or why
 * it cannot be read. Opened without blocking (a named pipe with no writer would otherwise hang
 * the validator for ever) and checked to be a regular file on the open descriptor, so what is
 * read is what was checked. A symbolic link is followed; one that leads nowhere, or in a
 * circle, is named as such, not taken for a missing file: an optional file that someone linked
 * and that vanished must not pass as "not published".
 */
function readExportFile(dir: string, name: string): Uint8Array | UnreadableFile | undefined {
  const path = join(dir, name);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      if (lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) {
        return { problem: 'is a symbolic link to a file that does not exist; put the file back, or remove the link' };
      }
      return undefined;
    }
    if (code === 'ELOOP') return { problem: 'is a symbolic link that leads back to itself (a loop); replace it with the file' };
    if (code === 'EACCES' || code === 'EPERM') return { problem: 'cannot be read: no permission to open it' };
    return { problem: `cannot be opened (${code ?? (e as Error).message})` };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { problem: `is ${kindOf(stat)}, not a file; the export needs a CSV file by this name` };
    return readAtMost(fd, stat.size, MAX_FILE_BYTES + 1);
  } catch (e) {
    // A folder opens on Linux but cannot be read; anything else that fails on reading is named too.
    return { problem: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  } finally {
    closeSync(fd);
  }
}

/**
 * The export in a folder as the validator reads it: one file at a time, when it gets to it, so
 * only one file's bytes are in memory at once (`readExportDir` holds them all).
 */
export function exportDirSource(dir: string): ExportReader {
  const stat = statSync(dir, { throwIfNoEntry: false });
  if (stat === undefined) throw new Error(`data folder not found: ${dir}`);
  if (!stat.isDirectory()) throw new Error(`the data folder ${dir} is ${kindOf(stat)}, not a folder`);
  return (name) => readExportFile(dir, name);
}

/**
 * Reads an open file, but never more than `limit` bytes: a file over the contract's size limit
 * is refused by `parseCsv` from its first bytes, without the whole of it ever being in memory.
 */
function readAtMost(fd: number, fileSize: number, limit: number): Uint8Array {
  const size = Math.min(fileSize, limit);
  const bytes = new Uint8Array(size);
  let read = 0;
  while (read < size) {
    const n = readSync(fd, bytes, read, size - read, read);
    if (n === 0) break;
    read += n;
  }
  return read === size ? bytes : bytes.subarray(0, read);
}

/** Reads and validates a folder in one step, one file at a time. */
export function loadRegisterDir(dir: string = dataDir()): ValidationResult {
  return validateExports(exportDirSource(dir), { exportDate: exportDateFromEnv(process.env) });
}
