/**
 * The development SMS provider of `@balagh/sms`: writes messages to a local file instead of
 * sending them. Node only (it uses `node:fs`), so it has an entry point of its own and the main
 * entry stays isomorphic.
 *
 * @packageDocumentation
 */

export {
  createLocalFileProvider,
  type LocalFileProviderOptions,
  type LocalSmsRecord,
} from './local/create-local-file-provider.js';
