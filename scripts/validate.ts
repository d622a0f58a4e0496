/**
 * `npm run validate [-- DIR]`: checks the data folder against the export contract and prints
 * every problem in the contract's format, then one summary line. Exit 0 when valid, 1 when not.
 * The folder is DIR when given, else REGISTER_DATA_DIR, else the sample in data/.
 */
import { dataDir, formatProblem, loadRegisterDir, summaryLine } from '../src/register/index.ts';

const args = process.argv.slice(2);
let result;
try {
  if (args.length > 1) throw new Error(`give one data folder, not ${args.length} (got ${args.map((a) => JSON.stringify(a)).join(' ')})`);
  const dir = dataDir(process.env, args[0]);
  result = loadRegisterDir(dir);
} catch (e) {
  console.error(`error: ${(e as Error).message}`);
  process.exit(1);
}
for (const w of result.warnings) console.log(formatProblem(w));
if (!result.ok) for (const e of result.errors) console.log(formatProblem(e));
console.log(summaryLine(result));
process.exit(result.ok ? 0 : 1);
