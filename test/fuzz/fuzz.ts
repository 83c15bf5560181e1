/**
 * `npm run fuzz [-- --count N --seed S]`: a longer run than npm test's. Prints the summary as
 * JSON and exits non-zero when an input failed; rerun a failure with the same seed, and turn it
 * into a fixed test case (test/integration/lists/xlsx-limits.test.ts and friends).
 */
import { runFuzz } from './run-fuzz';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const count = Number(arg('count') ?? 3000);
const seed = Number(arg('seed') ?? Date.now() % 1_000_000_007);

runFuzz({ seed, count }).then((summary) => {
  console.log(JSON.stringify(summary, null, 2));
  process.exit(summary.failures.length > 0 ? 1 : 0);
});
