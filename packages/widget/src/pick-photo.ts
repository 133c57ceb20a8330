import { downscaleImage } from './downscale-image.js';
import { WidgetMessage as M } from './strings/widget-strings.js';
import { widgetStringsOf } from './views/note-text.js';
import { announce, showView } from './views/render-widget.js';
import type { WidgetContext } from './widget-context.js';

/**
 * Takes the photo chosen in a file input: downscaled and re-encoded on the device (which drops
 * its metadata), shown as a preview; a file that is no image is refused with a message.
 */
export async function pickPhoto(c: WidgetContext, input: HTMLInputElement): Promise<void> {
  const file = input.files?.[0];
  if (file === undefined) return;
  try {
    const { blob } = await downscaleImage(file);
    const url = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(blob);
    });
    c.photo_ = { blob_: blob, url_: url };
    showView(c, 'form', 'remove-photo');
  } catch {
    input.value = '';
    announce(c, widgetStringsOf(c)[M.failed]);
  }
}
