import { commands, ConfigurationTarget, Uri, window, workspace, type Disposable } from 'vscode';
import type { DryRunTarget } from '../../server/src/shared/protocol';
import { DryRunPanel } from './dryrun/panel';
import type { ShipshapeContext } from './context';

/** Every contributed command, always registered. */
export function registerCommands(ctx: ShipshapeContext): Disposable[] {
  return [
    commands.registerCommand('shipshape.restartServer', () => ctx.restart()),
    commands.registerCommand('shipshape.showOutput', () => ctx.output.show(true)),
    // From the palette: the active manifest, else the workspace; from the explorer: the file or folder;
    // from the code lens or the editor title: that document.
    commands.registerCommand('shipshape.previewApply', async (resource?: unknown) => {
      DryRunPanel.createOrShow(ctx.dryRun, await previewTarget(resource));
    }),
    commands.registerCommand('shipshape.previewApplyWorkspace', () => {
      DryRunPanel.createOrShow(ctx.dryRun, { scope: 'workspace' });
    }),
    commands.registerCommand('shipshape.selectKubernetesVersion', async (version?: string) => {
      const config = workspace.getConfiguration('shipshape');
      const versions = supportedVersions();
      const current = ctx.kubernetesVersion;
      const items = versions.map((v) => ({ label: v, description: v === current ? 'current' : undefined, picked: v === current }));
      const picked = version ?? (await window.showQuickPick(items, { placeHolder: `Kubernetes version to validate against (now ${current})` }))?.label;
      if (!picked) return undefined;
      if (!versions.includes(picked)) {
        void window.showErrorMessage(`Shipshape: Kubernetes ${picked} is not supported; choose one of ${versions.join(', ')}.`);
        return undefined;
      }
      const target = workspace.workspaceFolders?.length ? ConfigurationTarget.Workspace : ConfigurationTarget.Global;
      await config.update('kubernetesVersion', picked, target);
      return picked;
    }),
  ];
}

async function previewTarget(resource: unknown): Promise<DryRunTarget> {
  const uri = resource instanceof Uri ? resource : window.activeTextEditor?.document.uri;
  if (!uri) return { scope: 'workspace' };
  try {
    const stat = await workspace.fs.stat(uri);
    if (stat.type & 2 /* FileType.Directory */) return { scope: 'folder', uri: uri.toString() };
  } catch {
    // An untitled or deleted document: plan the buffer the server has.
  }
  return { scope: 'file', uri: uri.toString() };
}

// The versions come from the setting's enum in package.json, the one place they are declared.
function supportedVersions(): string[] {
  const extension = require('../../package.json') as { contributes: { configuration: { properties: Record<string, { enum?: string[] }> } } };
  return extension.contributes.configuration.properties['shipshape.kubernetesVersion']?.enum ?? [];
}
