/** The CLI's errors and exit codes; they live in src/user-error.ts so deploy (below the CLI) can throw them too. */
export { CliError, EXIT_BUG, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from '../user-error.ts';
