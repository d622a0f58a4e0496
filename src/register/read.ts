/**
 * Reads an export folder from disk. Kept apart from `validate.ts` so the checks stay pure
 * and testable on in-memory bytes; only this file touches the file system.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXPORT_FILES } from './schema.ts';
import { validateExports, type ExportBytes, type ValidationResult } from './validate.ts';

/** The data folder: `REGISTER_DATA_DIR` when set, else the embedded sample in `data/`. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.REGISTER_DATA_DIR || 'data');
}

/** Reads the contract's files from a folder; files that are not there are simply absent. */
export function readExportDir(dir: string): ExportBytes {
  if (!existsSync(dir)) throw new Error(`data folder not found: ${dir}`);
  const files: ExportBytes = {};
  for (const { name } of Object.values(EXPORT_FILES)) {
    const path = join(dir, name);
    if (existsSync(path)) files[name] = new Uint8Array(readFileSync(path));
  }
  return files;
}

/**
 * `REGISTER_EXPORT_DATE`, when set: the validator judges measurement years and periodic
 * visits against the same date that the open data says it describes.
 */
export function exportDateFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.REGISTER_EXPORT_DATE?.trim() || undefined;
}

/** Reads and validates a folder in one step. */
export function loadRegisterDir(dir: string = dataDir()): ValidationResult {
  return validateExports(readExportDir(dir), { exportDate: exportDateFromEnv() });
}
