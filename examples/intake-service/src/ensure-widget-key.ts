import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReportService } from '@balagh/server';

/**
 * The integration key the demo page embeds, as a site embedding the widget would hold one:
 * created on first start and kept in `DATA_DIR/widget-key.txt` (mode 0600), so it survives
 * restarts and can be revoked like any key (`balagh keys revoke`).
 */
export async function ensureWidgetKey(
  service: ReportService,
  dataDirectory: string,
): Promise<string> {
  const path = join(dataDirectory, 'widget-key.txt');
  const stored = await readFile(path, 'utf8').catch(() => '');
  const key = stored.trim();
  if (key !== '' && (await service.verifyApiKey(key)) !== undefined) return key;
  const created = await service.createApiKey({ name: 'widget demo page', role: 'integration' });
  await mkdir(dataDirectory, { recursive: true });
  await writeFile(path, `${created.key}\n`, { mode: 0o600 });
  return created.key;
}
