/**
 * Reads what the widget keeps in `localStorage` under `key` (JSON), after writing `value` there
 * when one is given; `null` when nothing is kept or storage is blocked (a sandboxed frame, a
 * webview without DOM storage), in which case the widget works without it.
 */
export function widgetStorage(key: string, value?: unknown): unknown {
  try {
    if (value !== undefined) localStorage.setItem(key, JSON.stringify(value));
    // JSON.parse(null) is null: nothing kept.
    return JSON.parse(localStorage.getItem(key) as string);
  } catch {
    return null;
  }
}
