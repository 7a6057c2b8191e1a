import { execFile } from 'node:child_process';
import { Position, Range, Selection, Uri, window, workspace } from 'vscode';
import { DryRunRequest, DryRunStateRequest } from '../../../server/src/shared/protocol';
import type { ShipshapeContext } from '../context';
import type { DryRunBackend } from './panel';

// What `kubectl get` imports: the kinds the simulator models, in every namespace (the command).
const KUBECTL_GET = ['get', 'namespaces,nodes,deploy,rs,sts,ds,svc,cm,secret,pvc,ing,job,cronjob,sa', '-A', '-o', 'yaml'];
const KUBECTL_TIMEOUT_MS = 60_000;
const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

function kubectl(args: string[], timeout: number): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('kubectl', args, { timeout, maxBuffer: MAX_IMPORT_BYTES }, (error, stdout, stderr) => resolve({ ok: !error, stdout: String(stdout), stderr: String(stderr || error?.message || '') }));
  });
}

/** The panel's backend: plans and state changes from the language server; files and kubectl from VS Code's side. */
export function createDryRunBackend(ctx: ShipshapeContext): DryRunBackend {
  let kubectlFound: boolean | undefined;
  const client = () => {
    if (!ctx.client?.isRunning()) throw new Error('the Shipshape language server is not running (see the Shipshape output, or run "Shipshape: Restart Server").');
    return ctx.client;
  };
  void kubectl(['version', '--client'], 5000).then((r) => (kubectlFound = r.ok));
  return {
    plan: (target, environment) => client().sendRequest<DryRunRequest.Result>(DryRunRequest.method, { target, environment } satisfies DryRunRequest.Params),
    changeState: (params) => client().sendRequest<DryRunStateRequest.Result>(DryRunStateRequest.method, params),
    importFromFile: async (environment) => {
      const picked = await window.showOpenDialog({ canSelectMany: false, openLabel: 'Import state', filters: { 'kubectl get -o yaml output': ['yaml', 'yml'] } });
      if (!picked?.[0]) return undefined;
      const bytes = await workspace.fs.readFile(picked[0]);
      if (bytes.byteLength > MAX_IMPORT_BYTES) return { ok: false, message: `Nothing imported: ${picked[0].fsPath} is larger than 64 MB.` };
      return client().sendRequest<DryRunStateRequest.Result>(DryRunStateRequest.method, { action: 'import', environment, yaml: new TextDecoder().decode(bytes) });
    },
    // Talking to a cluster runs a program from PATH: only in a trusted workspace, and only when asked.
    importFromCluster: async (environment) => {
      if (!workspace.isTrusted) return { ok: false, message: 'Importing from a cluster runs kubectl, which needs a trusted workspace.' };
      const run = await kubectl(KUBECTL_GET, KUBECTL_TIMEOUT_MS);
      if (!run.ok) return { ok: false, message: `kubectl failed: ${run.stderr.trim().split('\n')[0] ?? 'unknown error'}` };
      return client().sendRequest<DryRunStateRequest.Result>(DryRunStateRequest.method, { action: 'import', environment, yaml: run.stdout });
    },
    canImportFromCluster: () => workspace.isTrusted && kubectlFound === true,
    revealSource: async (uri, line, character) => {
      const position = new Position(line, character);
      const editor = await window.showTextDocument(Uri.parse(uri), { preview: false, selection: new Range(position, position) });
      editor.selection = new Selection(position, position);
      editor.revealRange(new Range(position, position));
    },
  };
}
