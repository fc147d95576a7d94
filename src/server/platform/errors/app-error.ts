import { ERRORS, type ErrorCode, type FieldError } from '../../../contracts/errors';

/** A domain error from the catalog. Thrown anywhere; turned into a response by the one handler. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly fields?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(ERRORS[code].en);
    this.status = ERRORS[code].status;
  }
}

/** "Not found" is also the answer for anything outside the actor's scope: existence must not leak. */
export const notFound = () => new AppError('NOT_FOUND');
export const forbidden = () => new AppError('FORBIDDEN');
