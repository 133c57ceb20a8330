import { BalaghError } from '@balagh/core';

/** A photo re-encoded by {@link downscaleImage}. */
export interface DownscaledImage {
  /** JPEG bytes, without any of the original's metadata. */
  readonly blob: Blob;
  readonly width: number;
  readonly height: number;
}

/**
 * Shrinks a photo in the browser before it is uploaded: decoded upright (EXIF orientation
 * applied), scaled so its longer side is at most `maxDimension` pixels, drawn on a white
 * background and re-encoded as JPEG. Re-encoding through a canvas keeps only pixels, so EXIF
 * and GPS metadata (where the reporter's camera was) never leave the device. A photo already
 * small enough is re-encoded too, for that reason.
 *
 * @throws `BalaghError` `UNSUPPORTED_MEDIA_TYPE` when the browser cannot decode the file
 * (not an image, or a format it does not read) or cannot encode the result.
 * @example
 * ```ts
 * const { blob, width, height } = await downscaleImage(fileInput.files[0]);
 * const attachment = await client.uploadMedia(blob, 'image/jpeg');
 * ```
 */
export async function downscaleImage(
  file: Blob,
  maxDimension = 1600,
  quality = 0.85,
): Promise<DownscaledImage> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch (cause) {
    throw new BalaghError('UNSUPPORTED_MEDIA_TYPE', 'Cannot decode the photo.', { cause });
  }
  const scale = Math.min(1, maxDimension / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (context !== null) {
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, width, height);
  }
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) =>
    canvas.toBlob(resolve, 'image/jpeg', quality),
  );
  if (context === null || blob === null) {
    throw new BalaghError('UNSUPPORTED_MEDIA_TYPE', 'Cannot encode the photo as JPEG.');
  }
  return { blob, width, height };
}
