import { UserFacingError } from '../../errors.js';

/**
 * A fetched document that holds no statement to take: an index page, a page of
 * links, a PDF without text (a scan), a type we can't read. Shown as it is to
 * whoever asked for the URL (the CLI, an admin in Discord).
 */
export class ExtractionError extends UserFacingError {
  constructor(
    readonly url: string,
    reason: string,
  ) {
    super('extraction_failed', `${url}: ${reason}`);
    this.name = 'ExtractionError';
  }
}
