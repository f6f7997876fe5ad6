/**
 * Two kinds of error. A `UserFacingError` carries a message meant for the person
 * using the bot or the CLI and is shown as it is; anything else is a bug or an
 * outage, logged with its detail and answered with a generic message.
 */
export class UserFacingError extends Error {
  constructor(
    /** A stable machine-readable code, e.g. `no_database`, `fts_syntax`. */
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'UserFacingError';
  }
}

export function isUserFacingError(error: unknown): error is UserFacingError {
  return error instanceof UserFacingError;
}
