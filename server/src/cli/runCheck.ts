import { relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ManifestFile } from '../documents/manifestFile';
import { parseManyAsync } from '../documents/parseAsync';
import type { ParsePool } from '../documents/parsePool';
import type { KubernetesSchemas } from '../schema/kubernetesSchemas';
import { ManifestWorkspace } from '../workspace/manifestWorkspace';
import type { InputFile } from './collectFiles';
import { compareByPosition, toFinding, type Finding } from './finding';
import { readSource } from './readSource';

export interface CheckResult {
  findings: Finding[];
  filesChecked: number;
  /** Files that could not be read, and engine failures: reported on stderr, exit 2. */
  problems: string[];
}

const FILE_START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function describeCrash(what: string, error: unknown): string {
  return `internal error while ${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}

/**
 * Runs the engine over the files the way the language server does over a workspace: every file
 * is parsed and its CRDs registered first, so custom resources validate against CRDs found
 * anywhere in the given paths, whatever the order.
 */
export async function runCheck(files: readonly InputFile[], schemas: KubernetesSchemas, kubernetesVersion: string, cwd: string, pool?: ParsePool): Promise<CheckResult> {
  const problems: string[] = [];
  const findingsByFile = new Map<InputFile, Finding[]>(files.map((f) => [f, []]));
  const displayByUri = new Map<string, string>();
  const parsed: Array<{ input: InputFile; file: ManifestFile }> = [];

  const readable: Array<{ input: InputFile; uri: string; text: string }> = [];
  for (const input of files) {
    const uri = pathToFileURL(input.absolute).href;
    displayByUri.set(uri, input.display);
    const source = readSource(input.absolute);
    if (source.kind === 'io-error') {
      problems.push(`cannot read "${input.display}": ${source.message}.`);
    } else if (source.kind === 'finding') {
      const { severity, code, message } = source;
      findingsByFile.get(input)!.push({ file: input.display, range: FILE_START, severity, code, message, related: [] });
    } else {
      readable.push({ input, uri, text: source.text });
    }
  }
  try {
    const files = await parseManyAsync(readable, pool);
    files.forEach((file, i) => parsed.push({ input: readable[i]!.input, file }));
  } catch (error) {
    problems.push(describeCrash('parsing', error));
  }

  // Index everything first: CRDs and cross-references resolve across all the given paths, whatever the order.
  const workspace = new ManifestWorkspace(schemas);
  for (const { input, file } of parsed) {
    try {
      workspace.update(file);
    } catch (error) {
      problems.push(describeCrash(`indexing "${input.display}"`, error));
    }
  }

  // Related information may point at files outside the given paths: show those relative to cwd.
  const displayPath = (uri: string) => displayByUri.get(uri) ?? (uri.startsWith('file:') ? relative(cwd, fileURLToPath(uri)) : uri);
  for (const { input, file } of parsed) {
    try {
      const diagnostics = workspace.diagnostics(file.uri, { kubernetesVersion, rules: {} });
      findingsByFile.get(input)!.push(...diagnostics.map((d) => toFinding(input.display, d, displayPath)));
    } catch (error) {
      problems.push(describeCrash(`validating "${input.display}"`, error));
    }
  }

  const findings = [...findingsByFile.values()].flatMap((list) => list.sort(compareByPosition));
  return { findings, filesChecked: files.length, problems };
}
