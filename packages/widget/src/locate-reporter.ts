import { locateDevice } from './locate-device.js';
import { WidgetMessage as M } from './strings/widget-strings.js';
import { noteText } from './views/note-text.js';
import { showView } from './views/render-widget.js';
import type { Note, WidgetContext } from './widget-context.js';

/**
 * Asks the device where the reporter is, saying so while it waits; when it gives no position
 * (refused, none, too slow), says so and moves the focus to the landmark field instead.
 */
export async function locateReporter(c: WidgetContext): Promise<void> {
  const say = (note: Note, focus?: string) => {
    c.notes_['location-note'] = note;
    showView(c, undefined, focus, noteText(c, note));
  };
  say([M.loading]);
  const result = await locateDevice();
  if ('position' in result) {
    c.position_ = result.position;
    c.notes_.landmark = undefined;
    say([M.located, result.position.accuracyMeters]);
  } else say([M.locationFailed], 'landmark');
}
