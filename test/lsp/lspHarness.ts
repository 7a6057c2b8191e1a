import { PassThrough } from 'node:stream';
import { createConnection } from 'vscode-languageserver/node';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { startServer } from '../../server/src/server';

/** The real server, in-process, driven over two streams like an editor would. */
export class LspHarness {
  readonly client: ProtocolConnection;
  settings: Record<string, unknown> = {};
  refreshes = 0;
  private refreshWaiters: Array<() => void> = [];
  private versions = new Map<string, number>();

  constructor() {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    startServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)));
    this.client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    this.client.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
      params.items.map(() => this.settings),
    );
    this.client.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      for (const resolve of this.refreshWaiters.splice(0)) resolve();
      return null;
    });
    this.client.onRequest('client/registerCapability', () => null);
    this.client.listen();
  }

  async initialize(rootUri = 'file:///workspace', initializationOptions?: Record<string, unknown>): Promise<unknown> {
    const result = await this.client.sendRequest('initialize', {
      processId: null, // no parent-process watchdog: it would keep the test process alive
      rootUri,
      initializationOptions,
      workspaceFolders: [{ uri: rootUri, name: 'workspace' }],
      capabilities: { workspace: { configuration: true, diagnostics: { refreshSupport: true } }, textDocument: { diagnostic: {} } },
    });
    await this.client.sendNotification('initialized', {});
    return result;
  }

  async open(uri: string, text: string, languageId = 'yaml'): Promise<void> {
    this.versions.set(uri, 1);
    await this.client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  async change(uri: string, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.client.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  async close(uri: string): Promise<void> {
    await this.client.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Resolves at the server's next diagnostics refresh request. */
  nextRefresh(): Promise<void> {
    return new Promise((resolve) => this.refreshWaiters.push(resolve));
  }

  async diagnostics(uri: string): Promise<Diagnostic[]> {
    const report = (await this.client.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] };
    return report.items;
  }

  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.client.sendNotification('workspace/didChangeConfiguration', { settings: { shipshape: settings } });
  }

  async shutdown(): Promise<void> {
    await this.client.sendRequest('shutdown');
    this.client.dispose();
  }
}
