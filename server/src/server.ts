import {
  createConnection,
  DocumentDiagnosticReportKind,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type DocumentDiagnosticReport,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { KubernetesSchemas } from './schema/kubernetesSchemas';
import { CrdRegistry } from './schema/crdRegistry';
import { ManifestValidator } from './validation/manifestValidator';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ParsedFiles } from './documents/parsedFiles';
import { ParsePool } from './documents/parsePool';
import { isExcluded } from './documents/exclude';
import { SettingsCache } from './settingsCache';
import { wrapHandler } from './handlers/wrapHandler';
import { prewarmValidators } from './schema/prewarm';

/** Wires the LSP connection to the engine; no validation logic lives here. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const kubernetes = new KubernetesSchemas();
  const crds = new CrdRegistry();
  const validator = new ManifestValidator(kubernetes);
  const workerScript = join(__dirname, 'parseWorker.js');
  const pool = existsSync(workerScript) ? new ParsePool(workerScript) : undefined;
  const parsed = new ParsedFiles(pool);
  const settings = new SettingsCache(connection);
  let folders: string[] = [];

  const fileOf = (doc: TextDocument) => parsed.get(doc.uri, doc.version, () => doc.getText());

  connection.onInitialize((params): InitializeResult => {
    folders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (folders.length === 0 && params.rootUri) folders = [params.rootUri];
    settings.setSupported(Boolean(params.capabilities.workspace?.configuration));
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'shipshape' },
    };
  });

  connection.onInitialized(async () => {
    const global = await settings.get(undefined);
    prewarmValidators(kubernetes, global.kubernetesVersion);
  });

  connection.onDidChangeConfiguration(() => {
    settings.clear();
    connection.languages.diagnostics.refresh();
  });

  documents.onDidClose(({ document }) => {
    parsed.delete(document.uri);
    if (crds.remove(document.uri)) connection.languages.diagnostics.refresh();
  });

  connection.languages.diagnostics.on(
    wrapHandler(connection, 'diagnostics', async (params): Promise<DocumentDiagnosticReport> => {
      const document = documents.get(params.textDocument.uri);
      const empty: DocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, items: [] };
      if (!document) return empty;
      const config = await settings.get(document.uri);
      if (!config.validation.enable || isExcluded(document.uri, folders, config.exclude)) return empty;
      const file = await fileOf(document);
      // CRDs in one file change what another file's custom resources mean.
      if (crds.update(file)) connection.languages.diagnostics.refresh();
      return { kind: DocumentDiagnosticReportKind.Full, items: validator.validate(file, { kubernetesVersion: config.kubernetesVersion, crds }) };
    }),
  );

  documents.listen(connection);
  connection.onShutdown(() => pool?.dispose());
  connection.listen();
}

// Started by the client over IPC (or stdio when run by hand).
if (require.main === module) startServer(createConnection(ProposedFeatures.all));
