import type { LocalizedCategory } from '@balagh/core';
import { emitWidgetError } from './emit-widget-event.js';
import { widgetLanguageOf } from './resolve-widget-language.js';
import { renderWidget } from './views/render-widget.js';
import type { CategoryState, WidgetContext } from './widget-context.js';
import { requireWidgetService, widgetService } from './widget-service.js';
import { widgetStorage } from './widget-storage.js';

/**
 * Loads the service's categories in the element's language, once per language unless `again`,
 * and draws the form with them. They are kept on the device, so that offline the categories
 * seen last time still let the reporter queue a report.
 */
export async function loadCategories(c: WidgetContext, again = false): Promise<void> {
  const language = widgetLanguageOf(c.host_);
  const cacheKey = `balagh-widget:categories:${widgetService(c)?.base_}:${language}`;
  if (c.categories_.has(language) && !again) return;
  c.categories_.set(language, 'loading');
  let state: CategoryState;
  try {
    state = await requireWidgetService(c).client_.listCategories(language);
    widgetStorage(cacheKey, state);
  } catch (error) {
    emitWidgetError(c, 'categories', error);
    state = (widgetStorage(cacheKey) as LocalizedCategory[] | null) ?? 'failed';
  }
  c.categories_.set(language, state);
  if (widgetLanguageOf(c.host_) === language) renderWidget(c);
}
