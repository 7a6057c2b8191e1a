import { window, workspace, type Disposable, type ExtensionContext, type LogOutputChannel } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './languageClient';
import { registerCommands } from './commands';

/** Owns the language client, the output channel and every disposable of the extension. */
export class ShipshapeContext {
  readonly output: LogOutputChannel;
  client: LanguageClient | undefined;
  private readonly disposables: Disposable[] = [];

  constructor(readonly extension: ExtensionContext) {
    this.output = window.createOutputChannel('Shipshape', { log: true });
    this.disposables.push(this.output);
    // Commands are registered before the server starts, so they always exist and can say why they can't run.
    this.disposables.push(...registerCommands(this));
  }

  async start(): Promise<void> {
    this.client = createLanguageClient(this.extension, this.output);
    try {
      await this.client.start();
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
