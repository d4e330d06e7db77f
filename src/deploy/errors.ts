/**
 * A deploy that stops for a reason a person can act on (a refusal, an AWS
 * failure explained in one line). The command line prints its message as one
 * line; src/deploy never imports the CLI's own error type (layering: cli → deploy).
 */
export class DeployError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeployError';
  }
}

/** A bad flag, environment variable or setting (config.ts): a usage error, found before any request. */
export class DeployConfigError extends DeployError {
  constructor(message: string) {
    super(message);
    this.name = 'DeployConfigError';
  }
}
