import { BalaghError } from '@balagh/core';

/**
 * Runs a read-modify-write once more when a concurrent change won (`CONFLICT`).
 *
 * @internal
 */
export async function retryOnConflict<T>(change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (!(error instanceof BalaghError && error.code === 'CONFLICT')) throw error;
    return await change();
  }
}
