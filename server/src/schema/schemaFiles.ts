import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where the generated schemas/ folder is: SHIPSHAPE_SCHEMAS, else the nearest `schemas/` above this module (bundle or source). */
export function findSchemasDir(start: string = __dirname): string {
  const fromEnv = process.env.SHIPSHAPE_SCHEMAS;
  if (fromEnv) return fromEnv;
  let dir = start;
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'schemas', 'index.json'))) return join(dir, 'schemas');
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new Error(`Shipshape: cannot find the schemas/ folder above ${start}`);
}

export interface SchemaIndex {
  kubernetesVersions: string[];
  defaultKubernetesVersion: string;
  compose: string;
}

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}
