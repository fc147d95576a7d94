import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ERRORS, type ErrorBody, type ErrorCode } from '../../../contracts/errors';
import { AppError } from './app-error';

export function preferredLanguage(req: FastifyRequest): 'zh' | 'en' {
  const userLocale = req.actor?.locale;
  if (userLocale) return userLocale === 'en' ? 'en' : 'zh';
  const header = String(req.headers['accept-language'] ?? '');
  return /^en\b/i.test(header) ? 'en' : 'zh';
}

export function errorBody(req: FastifyRequest, code: ErrorCode, fields?: ErrorBody['fields']): ErrorBody {
  const e = ERRORS[code];
  return { code, message: preferredLanguage(req) === 'en' ? e.en : e.zh, zh: e.zh, en: e.en, ...(fields ? { fields } : {}), requestId: req.id };
}

/** Fastify's own errors for bad requests, mapped to our catalog. */
function fromFastify(err: FastifyError): ErrorCode | null {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'BODY_TOO_LARGE' : 'MALFORMED_BODY';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_TYPE':
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return 'BODY_TOO_LARGE';
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
    case 'FST_PROTO_VIOLATION':
      return 'MALFORMED_BODY';
    default:
      break;
  }
  if (err.statusCode === 429) return 'RATE_LIMITED';
  if (err.statusCode === 413) return 'BODY_TOO_LARGE';
  if (err.statusCode === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return 'MALFORMED_BODY';
  return null;
}

/** The one error handler: typed errors keep their status; anything else is logged and is a 500. */
export function handleError(err: FastifyError | AppError | Error, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) {
    if (err.headers) void reply.headers(err.headers);
    return reply.status(err.status).send(errorBody(req, err.code, err.fields));
  }
  const code = fromFastify(err as FastifyError);
  if (code) return reply.status(ERRORS[code].status).send(errorBody(req, code));
  req.log.error({ err }, 'unhandled error');
  return reply.status(500).send(errorBody(req, 'INTERNAL'));
}
