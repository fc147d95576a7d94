import { z } from 'zod';
import { WARNING_STATUSES, WarningDetail } from './warnings';

/**
 * CAP 1.2 import (upload or feed) and export of warnings. The upload is multipart/form-data with the
 * message in the field `file`; an invalid message is 400 CAP_INVALID listing every problem (path,
 * code, zh, en), a valid one we cannot take in (type or level not recognised, a Test message …) is
 * 422 CAP_NOT_MAPPABLE listing what is missing.
 */
export const CAP_UPLOAD_FIELD = 'file';

export const CapReferenceView = z.object({ sender: z.string(), identifier: z.string(), sent: z.string() });

export const CapImportResult = z.object({
  warning: WarningDetail,
  /** false: this (sender, identifier) was stored already; the stored warning is answered. */
  created: z.boolean(),
  msgType: z.enum(['Alert', 'Update', 'Cancel']),
  /** The earlier messages it refers to that are stored here, with their status now (updated, cancelled). */
  linked: z.array(z.object({ id: z.uuid(), sender: z.string(), identifier: z.string(), status: z.enum(WARNING_STATUSES) })),
  /** References to messages not stored here: the Update or Cancel is kept all the same. */
  unresolvedReferences: z.array(CapReferenceView),
  /** How the areas were found: GB/T 2260 geocodes matched to units, or the importer's own unit. */
  areasFrom: z.enum(['geocode', 'holder']),
});
export type CapImportResult = z.infer<typeof CapImportResult>;
