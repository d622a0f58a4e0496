/**
 * The register module: the contract, the validator and the joined model, with no Astro
 * in sight, so the site build, the CLI, the tests and the open-data export share it.
 */
export * from './vocabulary.ts';
export * from './schema.ts';
export * from './model.ts';
export * from './problems.ts';
export { parseCsv, decode, detectDelimiter, MAX_FILE_BYTES, MAX_LINES } from './csv.ts';
export { validateExports, summaryLine, type ExportBytes, type ValidationResult, type ValidateOptions } from './validate.ts';
export { dataDir, exportDirSource, readExportDir, loadRegisterDir } from './read.ts';
export { exportDateFromEnv, exportDateOf } from './dates.ts';
export * from './facets.ts';
export * from './geo.ts';
export * from './regions.ts';
export * from './serialize.ts';
export * from './courses.ts';
export * from './quality.ts';
export { isFictionalRegister } from './fictional.ts';
export * from './figures.ts';
