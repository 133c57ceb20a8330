import { mkdir, open, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type Attachment, BalaghError, createReportId } from '@balagh/core';
import { readImageInfo } from './read-image-info.js';
import type { StoredMedia } from './report-service.js';
import type { ServiceContext } from './service-context.js';

const maximumMediaBytes = 5 * 1024 * 1024;

/**
 * Images attached to reports: stored as files under `options.mediaDirectory` (default
 * `./data/media`) with their metadata in storage, and read back for serving.
 *
 * @internal
 */
export interface MediaOperations {
  /** `ActorReportService.uploadMedia` (any actor). */
  uploadMedia(input: Uint8Array | Blob, contentType: string): Promise<Attachment>;
  /** `ReportService.readMedia`. */
  readMedia(mediaId: string): Promise<StoredMedia>;
}

/**
 * Creates the {@link MediaOperations} of a service; the directory is made on the first upload.
 *
 * @internal
 */
export function createMediaOperations(context: ServiceContext): MediaOperations {
  const { options, storage, clock, nowIso } = context;
  const mediaDirectory = resolve(options.mediaDirectory ?? './data/media');
  let mediaDirectoryReady: Promise<unknown> | undefined;

  return {
    async uploadMedia(input, contentType) {
      const bytes = input instanceof Uint8Array ? input : new Uint8Array(await input.arrayBuffer());
      if (bytes.byteLength > maximumMediaBytes) {
        throw new BalaghError('PAYLOAD_TOO_LARGE', 'An image may be at most 5 MiB.', {
          details: { byteSize: bytes.byteLength, maximum: maximumMediaBytes },
        });
      }
      const info = readImageInfo(bytes);
      const declared = contentType.split(';')[0]?.trim().toLowerCase();
      if (info === undefined || info.contentType !== declared) {
        throw new BalaghError(
          'UNSUPPORTED_MEDIA_TYPE',
          'Send a JPEG, PNG or WebP image, with its own content type.',
          {
            details: { contentType: declared },
          },
        );
      }
      if (bytes.byteLength === 0)
        throw new BalaghError('UNSUPPORTED_MEDIA_TYPE', 'The image is empty.');
      mediaDirectoryReady ??= mkdir(mediaDirectory, { recursive: true });
      await mediaDirectoryReady;
      const id = createReportId(clock());
      const extension = info.contentType.slice('image/'.length);
      const path = join(mediaDirectory, `${id}.${extension}`);
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      const attachment: Attachment = {
        mediaId: id,
        contentType: info.contentType,
        byteSize: bytes.byteLength,
        ...(info.width === undefined ? {} : { width: info.width }),
        ...(info.height === undefined ? {} : { height: info.height }),
      };
      await storage.insertMedia({
        id,
        contentType: info.contentType,
        byteSize: bytes.byteLength,
        ...(info.width === undefined ? {} : { width: info.width }),
        ...(info.height === undefined ? {} : { height: info.height }),
        path,
        createdAt: nowIso(),
      });
      return attachment;
    },

    async readMedia(mediaId) {
      const record = await storage.getMedia(mediaId);
      if (record === undefined)
        throw new BalaghError('NOT_FOUND', 'No such media.', { details: { mediaId } });
      const bytes = new Uint8Array(await readFile(record.path));
      return {
        mediaId: record.id,
        contentType: record.contentType as Attachment['contentType'],
        byteSize: record.byteSize,
        ...(record.width === undefined ? {} : { width: record.width }),
        ...(record.height === undefined ? {} : { height: record.height }),
        bytes,
      };
    },
  };
}
