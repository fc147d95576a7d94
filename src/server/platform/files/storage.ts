import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import crypto from 'node:crypto';

/**
 * Where file bytes live. The disk implementation ships; an object store (S3, OSS, MinIO) can
 * implement the same four calls later without the rest of the app noticing.
 */
export interface FileStorage {
  /** Stores bytes under `key` unless present (keys are content hashes, so present means identical). */
  put(key: string, bytes: Buffer): Promise<void>;
  exists(key: string): Promise<boolean>;
  read(key: string): Promise<NodeJS.ReadableStream | null>;
  remove(key: string): Promise<void>;
}

/** Files under `root`, fanned out by the first two byte pairs of the key: root/ab/cd/abcd…. */
export class DiskStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string) {
    if (!/^[a-f0-9]{64}(\.[a-z0-9]+)?$/.test(key)) throw new Error(`bad storage key ${key}`);
    return path.join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(key);
    if (await this.exists(key)) return;
    await fsp.mkdir(path.dirname(target), { recursive: true });
    // Write beside, flush, then rename: a crash never leaves a half-written file under the real name.
    const tmp = `${target}.${crypto.randomBytes(6).toString('hex')}.tmp`;
    const handle = await fsp.open(tmp, 'w');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsp.rename(tmp, target);
  }

  async exists(key: string): Promise<boolean> {
    return fsp
      .access(this.pathOf(key))
      .then(() => true)
      .catch(() => false);
  }

  async read(key: string): Promise<NodeJS.ReadableStream | null> {
    const p = this.pathOf(key);
    return (await this.exists(key)) ? fs.createReadStream(p) : null;
  }

  async remove(key: string): Promise<void> {
    await fsp.rm(this.pathOf(key), { force: true });
  }
}
