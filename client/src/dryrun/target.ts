/** What a dry-run target covers and what to call it. Plain strings (URIs), shared with the webview. */
import type { DryRunTarget } from '../../../server/src/shared/protocol';

/** Whether an edit of the document at `uri` can change the plan of `target` (so the panel re-plans). */
export function targetCovers(target: DryRunTarget, uri: string): boolean {
  if (target.scope === 'workspace' || target.uri === undefined) return true;
  if (target.scope === 'file') return uri === target.uri;
  const folder = target.uri.endsWith('/') ? target.uri : `${target.uri}/`;
  return uri.startsWith(folder);
}

/** A short name for titles: the file or folder name, or "workspace". */
export function targetLabel(target: DryRunTarget): string {
  if (target.scope === 'workspace' || target.uri === undefined) return 'workspace';
  const path = target.uri.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const name = safeDecode(path.slice(path.lastIndexOf('/') + 1));
  return target.scope === 'folder' ? `${name}/` : name;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
