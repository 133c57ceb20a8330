/** What {@link readImageInfo} finds in image bytes. */
export interface ImageInfo {
  readonly contentType: 'image/jpeg' | 'image/png' | 'image/webp';
  readonly width?: number;
  readonly height?: number;
}

/**
 * Tells the type of an image from its magic bytes (never from a declared header) and reads
 * its pixel size when the header holds it: JPEG (`FF D8 FF`, size from the first SOF marker),
 * PNG (signature, size from IHDR) or WebP (`RIFF….WEBP`, size from VP8, VP8L or VP8X).
 * Answers `undefined` for anything else.
 */
export function readImageInfo(bytes: Uint8Array): ImageInfo | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return { contentType: 'image/jpeg', ...jpegSize(bytes) };
  }
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((byte, index) => bytes[index] === byte)) {
    return { contentType: 'image/png', ...pngSize(bytes) };
  }
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') {
    return { contentType: 'image/webp', ...webpSize(bytes) };
  }
  return undefined;
}

type Size = { width?: number; height?: number };

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}

function sized(width: number, height: number): Size {
  return width > 0 && height > 0 ? { width, height } : {};
}

function pngSize(bytes: Uint8Array): Size {
  if (bytes.length < 24 || ascii(bytes, 12, 4) !== 'IHDR') return {};
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return sized(view.getUint32(16), view.getUint32(20));
}

function jpegSize(bytes: Uint8Array): Size {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return {};
    const marker = bytes[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    const length = view.getUint16(offset + 2);
    // SOF0–SOF15 hold the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return sized(view.getUint16(offset + 7), view.getUint16(offset + 5));
    }
    offset += 2 + length;
  }
  return {};
}

function webpSize(bytes: Uint8Array): Size {
  if (bytes.length < 30) return {};
  const chunk = ascii(bytes, 12, 4);
  const at = (index: number) => bytes[index] ?? 0;
  if (chunk === 'VP8 ') {
    return sized((at(26) | (at(27) << 8)) & 0x3fff, (at(28) | (at(29) << 8)) & 0x3fff);
  }
  if (chunk === 'VP8L') {
    const bits = at(21) | (at(22) << 8) | (at(23) << 16) | (at(24) << 24);
    return sized((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (chunk === 'VP8X') {
    return sized(
      1 + (at(24) | (at(25) << 8) | (at(26) << 16)),
      1 + (at(27) | (at(28) << 8) | (at(29) << 16)),
    );
  }
  return {};
}
