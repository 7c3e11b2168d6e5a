/**
 * Norm calculation from the command line:
 *
 *   npm run --silent norm -- household.json      (or "-" to read standard input)
 *
 * Prints the same result JSON as POST /api/v1/norm-calculations on stdout. Exit codes: 0 ok; 1 invalid input or
 * missing rule data (message and field paths on stderr); 2 usage, unreadable file or invalid JSON; 3 malformed rule
 * data.
 */
import { readFileSync } from 'node:fs';
import { calculateNorm, NormInputError, RuleDataError } from '@vagen/domain/norm/index.ts';
import { loadNormRuleSet } from '@vagen/server/rules/norm-rules.ts';

function fail(code: number, message: string): never {
  process.stderr.write(message.endsWith('\n') ? message : `${message}\n`);
  process.exit(code);
}

const args = process.argv.slice(2);
if (args.length !== 1 || args[0] === '--help' || args[0] === '-h') {
  fail(2, 'Användning: npm run --silent norm -- <fil.json>   (eller "-" för standard in)');
}
const file = args[0]!;

let text: string;
try {
  text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
} catch (err) {
  fail(2, `Kan inte läsa ${file}: ${(err as Error).message}`);
}

let input: unknown;
try {
  input = JSON.parse(text);
} catch (err) {
  fail(2, `${file} är inte giltig JSON: ${(err as Error).message}`);
}

let rules: ReturnType<typeof loadNormRuleSet>;
try {
  rules = loadNormRuleSet();
} catch (err) {
  if (err instanceof RuleDataError) fail(3, err.message);
  throw err;
}

try {
  const result = calculateNorm(rules, input);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} catch (err) {
  if (err instanceof NormInputError) {
    fail(1, [`${err.message} (${err.code})`, ...err.fields.map((f) => `  ${f.path || '/'}: ${f.message}`)].join('\n'));
  }
  throw err;
}
