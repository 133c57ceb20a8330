import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** A fenced TypeScript example found in a Markdown guide. */
export interface DocExample {
  /** `guide.md:LINE`, where the fence opens. */
  readonly name: string;
  readonly code: string;
}

/**
 * Extracts the ```ts examples of a Markdown guide. A fence whose info string contains
 * `no-run` (```ts no-run) is documentation only and is skipped.
 */
export function extractDocExamples(markdownPath: string): DocExample[] {
  const lines = readFileSync(markdownPath, 'utf8').split('\n');
  const examples: DocExample[] = [];
  let open: { line: number; body: string[] } | undefined;
  for (const [index, line] of lines.entries()) {
    if (open === undefined) {
      const fence = /^```(ts|typescript)\b(.*)$/.exec(line.trim());
      if (fence && !fence[2]?.includes('no-run')) open = { line: index + 1, body: [] };
    } else if (line.trim() === '```') {
      examples.push({ name: `${basename(markdownPath)}:${open.line}`, code: open.body.join('\n') });
      open = undefined;
    } else {
      open.body.push(line);
    }
  }
  return examples;
}

const importStatement = /^import\s+(type\s+)?\{([^}]*)\}\s+from\s+'([^']+)';?\s*$/gm;

/**
 * Turns a guide's examples into one module, in reading order, the way a reader would paste
 * them one after the other: the imports of every example are merged at the top, the bodies
 * follow, each introduced by a comment naming where it stands in the guide.
 */
export function composeDocModule(examples: readonly DocExample[]): string {
  const imports = new Map<string, Set<string>>();
  const bodies: string[] = [];
  for (const example of examples) {
    const body = example.code.replace(
      importStatement,
      (_match, typeOnly, names: string, from: string) => {
        const set = imports.get(from) ?? new Set<string>();
        for (const raw of names.split(',')) {
          const name = raw.trim();
          if (name !== '') set.add(typeOnly ? `type ${name.replace(/^type\s+/, '')}` : name);
        }
        imports.set(from, set);
        return '';
      },
    );
    bodies.push(`// ${example.name}\n${body.trim()}`);
  }
  const header = [...imports].map(([from, names]) => {
    const values = new Set([...names].filter((n) => !n.startsWith('type ')));
    const types = [...names].filter((n) => n.startsWith('type ') && !values.has(n.slice(5)));
    return `import { ${[...values, ...types].join(', ')} } from '${from}';`;
  });
  return `${header.join('\n')}\n\n${bodies.join('\n\n')}\n\nexport {};\n`;
}

/**
 * Writes a guide's examples as one module inside `packageDir` (so `@balagh/*` imports resolve
 * to the workspace sources) and returns its path, for a test to `import()`.
 */
export function writeDocModule(markdownPath: string, packageDir: string): string {
  const folder = join(packageDir, '.doc-examples');
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `${basename(markdownPath, '.md')}.ts`);
  writeFileSync(path, composeDocModule(extractDocExamples(markdownPath)));
  return path;
}
