import { isMap, isScalar, type YAMLMap } from 'yaml';
import type { CodeAction } from 'vscode-languageserver-types';
import { pathAtOffset } from '../documents/pathAtOffset';
import { quickFix, type FixContext } from './fixContext';
import type { YamlOut } from './renderYaml';
import { findOwnPair, insertPair, replaceValue, type OffsetEdit } from './textEdits';

interface Resource {
  section: 'networks' | 'volumes' | 'secrets' | 'configs';
  noun: string;
  /** The declaration's body: empty for networks and volumes; secrets and configs need a source. */
  body(name: string): YamlOut;
}

// A secret or config needs `file` or `environment` (secret-without-source). An environment
// variable named after it needs nothing on disk; a `file:` that does not exist would be reported.
const fromEnvironment = (name: string): YamlOut => ({ environment: name.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase() });

const RESOURCES: Record<string, Resource> = {
  'network-undefined': { section: 'networks', noun: 'network', body: () => ({}) },
  'volume-undefined': { section: 'volumes', noun: 'volume', body: () => ({}) },
  'secret-undefined': { section: 'secrets', noun: 'secret', body: fromEnvironment },
  'config-undefined': { section: 'configs', noun: 'config', body: fromEnvironment },
};

/**
 * network-, volume-, secret- and config-undefined: declare the name in the file's top-level
 * section (created at the end of the file when absent). Not preferred when the finding names a
 * close declared name: then the reference is the likelier typo.
 */
export function composeDeclarationFixes(ctx: FixContext): CodeAction[] {
  const resource = RESOURCES[String(ctx.diagnostic.code)];
  const root = ctx.doc.yaml.contents;
  const name = referencedName(ctx);
  if (!resource || !name || !isMap(root)) return [];
  const edit = declare(ctx, root, resource.section, name, resource.body(name));
  const preferred = !ctx.diagnostic.relatedInformation?.length;
  const action = quickFix(ctx, `Declare ${resource.noun} "${name}" under top-level ${resource.section}`, [edit], preferred);
  return action ? [action] : [];
}

// The name as written: a whole scalar (a key or list item), or the part of one the finding
// points into (the source of a `data:/path` volume). Interpolated names are not guessed.
function referencedName(ctx: FixContext): string | undefined {
  const node = pathAtOffset(ctx.doc.yaml, ctx.start)?.node;
  if (!isScalar(node) || !node.range) return undefined;
  const whole = node.range[0] === ctx.start && node.range[1] === ctx.end;
  const name = whole ? String(node.value) : ctx.file.text.slice(ctx.start, ctx.end);
  return name && !name.includes('$') && !/[\s:"']/.test(name) ? name : undefined;
}

function declare(ctx: FixContext, root: YAMLMap, section: string, name: string, body: YamlOut): OffsetEdit | undefined {
  const pair = findOwnPair(root, section);
  if (!pair) return insertPair(ctx.file, root, section, { [name]: body });
  if (isMap(pair.value)) return insertPair(ctx.file, pair.value, name, body);
  const empty = pair.value === null || (isScalar(pair.value) && pair.value.value === null);
  return empty ? replaceValue(ctx.file, pair, { [name]: body }) : undefined;
}
