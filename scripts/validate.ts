/**
 * `npm run validate`: checks the data folder against the export contract and prints every
 * problem in the contract's format, then one summary line. Exit 0 when valid, 1 when not.
 */
import { dataDir, formatProblem, loadRegisterDir, summaryLine } from '../src/register/index.ts';

const dir = dataDir();
let result;
try {
  result = loadRegisterDir(dir);
} catch (e) {
  console.error(`error: ${(e as Error).message}`);
  process.exit(1);
}
for (const w of result.warnings) console.log(formatProblem(w));
if (!result.ok) for (const e of result.errors) console.log(formatProblem(e));
console.log(summaryLine(result));
process.exit(result.ok ? 0 : 1);
