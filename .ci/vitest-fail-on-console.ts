import { afterEach, beforeEach, vi } from 'vitest';

// A test that writes to the console is either leaking personal data or hiding a failure.
const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
let written: string[] = [];

beforeEach(() => {
  written = [];
  for (const method of methods) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      written.push(`console.${method}: ${args.map(String).join(' ')}`);
    });
  }
});

afterEach(() => {
  vi.restoreAllMocks();
  if (written.length > 0) {
    throw new Error(`The test wrote to the console:\n${written.join('\n')}`);
  }
});
