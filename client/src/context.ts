import { languages, window, workspace, type Disposable, type ExtensionContext, type LogOutputChannel } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './languageClient';
import { registerCommands } from './commands';
import { DryRunPanel, type DryRunPanelHost } from './dryrun/panel';
import { createDryRunBackend } from './dryrun/backend';
import { PreviewApplyCodeLens } from './dryrun/previewCodeLens';
import { DOCUMENT_SELECTOR } from './languageClient';

/** Owns the language client, the output channel and every disposable of the extension. */
export class ShipshapeContext {
  readonly output: LogOutputChannel;
  client: LanguageClient | undefined;
  readonly dryRun: DryRunPanelHost;
  private readonly disposables: Disposable[] = [];

  constructor(readonly extension: ExtensionContext) {
    this.output = window.createOutputChannel('Shipshape', { log: true });
    this.disposables.push(this.output);
    this.dryRun = { extensionUri: extension.extensionUri, backend: createDryRunBackend(this), log: (message) => this.output.warn(message) };
    // Commands are registered before the server starts, so they always exist and can say why they can't run.
    this.disposables.push(...registerCommands(this));
    this.disposables.push(
      window.registerWebviewPanelSerializer(DryRunPanel.viewType, DryRunPanel.serializer(this.dryRun)),
      // The panel re-plans (debounced) as the user types in anything its target covers.
      workspace.onDidChangeTextDocument((e) => DryRunPanel.currentPanel?.documentChanged(e.document.uri.toString())),
      workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('shipshape')) DryRunPanel.currentPanel?.scheduleRefresh();
      }),
      languages.registerCodeLensProvider(DOCUMENT_SELECTOR, new PreviewApplyCodeLens()),
    );
  }

  async start(): Promise<void> {
    this.client = createLanguageClient(this.extension, this.output);
    try {
      await this.client.start();
      void DryRunPanel.currentPanel?.refresh();
    } catch (error) {
      this.output.appendLine(`Shipshape language server failed to start: ${(error as Error).message}`);
      void window.showErrorMessage('Shipshape: the language server failed to start. See the Shipshape output for details.');
    }
  }

  async restart(): Promise<void> {
    await this.stopClient();
    await this.start();
  }

  get kubernetesVersion(): string {
    return workspace.getConfiguration('shipshape').get<string>('kubernetesVersion', '1.35');
  }

  private async stopClient(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client?.isRunning()) await client.stop();
  }

  async dispose(): Promise<void> {
    await this.stopClient();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
