import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Stored images, named by the SHA-256 of their bytes. The bytes live in a FileStorage, not here. */
export const storedFiles = pgTable('stored_files', {
  id: text('id').primaryKey(),
  mime: text('mime', { enum: ['image/jpeg', 'image/png', 'image/webp'] }).notNull(),
  size: integer('size').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  uploadedBy: uuid('uploaded_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
export type StoredFileRow = typeof storedFiles.$inferSelect;
