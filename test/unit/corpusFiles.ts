import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every .yaml/.yml file under a folder, in a stable (sorted) order. */
export function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...yamlFiles(path));
    else if (/\.ya?ml$/.test(name)) out.push(path);
  }
  return out;
}
