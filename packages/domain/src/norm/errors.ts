import type { NormFieldError } from './types.ts';

/**
 * The input to a norm calculation is invalid. `fields` holds every problem found, each with a JSON pointer into the
 * input (e.g. "/adults/1/role") and a Swedish message. The API maps this to 400 (paths prefixed "/body"), the CLI to
 * a message on stderr and a non-zero exit code.
 */
export class NormInputError extends Error {
  readonly code: string;
  readonly fields: NormFieldError[];
  constructor(fields: NormFieldError[], message = 'Uppgifterna för normberäkningen är inte giltiga.', code = 'NORM_INPUT_INVALID') {
    super(message);
    this.name = 'NormInputError';
    this.code = code;
    this.fields = fields;
  }
}

/**
 * No rule data for what the input asks for (no riksnorm table for the month, no legal regime, no prisbasbelopp for
 * the year, a table cell that is missing in the data). Never replaced by a guess.
 */
export class NormRuleMissingError extends NormInputError {
  constructor(fields: NormFieldError[], message: string) {
    super(fields, message, 'NORM_RULE_MISSING');
    this.name = 'NormRuleMissingError';
  }
}

/** A rule file (riksnorm table, guideline, prisbasbelopp, regimes) is malformed. Raised when the rule set is built. */
export class RuleDataError extends Error {
  readonly problems: { file: string; path: string; message: string }[];
  constructor(problems: { file: string; path: string; message: string }[]) {
    super(`Regeldata är felaktiga:\n${problems.map((p) => `  ${p.file}${p.path ? ` ${p.path}` : ''}: ${p.message}`).join('\n')}`);
    this.name = 'RuleDataError';
    this.problems = problems;
  }
}
