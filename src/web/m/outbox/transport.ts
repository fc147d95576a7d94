import type { StoredFile } from '../../../contracts';
import { call } from '../lib/http';
import { getBlob } from '../lib/db';
import type { OutboxItem, PhotoRef } from './core';
import type { OutboxTransport, SendResult } from './engine';

/** The outbox over the real API: photos to POST /api/files, then each item's JSON to its route. */
export const httpTransport: OutboxTransport = {
  async uploadPhoto(_item: OutboxItem, photo: PhotoRef): Promise<SendResult<string>> {
    const blob = await getBlob(photo.blobId);
    if (!blob) return { ok: false, status: -1, error: { status: -1, code: 'PHOTO_MISSING', zh: '照片已丢失，请删除后重新拍摄', en: 'The photo is gone from the phone; discard and take it again' } };
    const form = new FormData();
    form.append('file', blob, `${photo.blobId}.jpg`);
    const result = await call<StoredFile>('POST', '/files', { form }, 120_000);
    return result.ok ? { ok: true, value: result.value.id } : result;
  },

  async send(item: OutboxItem, photoIds: string[]): Promise<SendResult<unknown>> {
    const p = item.payload;
    switch (p.kind) {
      case 'hazard':
        return call('POST', '/hazards', { json: { ...p.body, photoIds } });
      case 'hazard-action':
        return call('POST', `/hazards/${p.hazardId}/actions`, { json: { ...p.body, photoIds } });
      case 'patrol-start':
        return call('POST', '/patrols', { json: p.body });
      case 'patrol-checkin':
        return call('POST', `/patrols/${p.patrolId}/checkins`, { json: p.body });
      case 'patrol-end':
        return call('POST', `/patrols/${p.patrolId}/end`, { json: p.body });
    }
  },
};
