import {
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type DocumentDiagnosticReport,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { KubernetesSchemas } from './schema/kubernetesSchemas';
import { ParsedFiles } from './documents/parsedFiles';
import { ParsePool } from './documents/parsePool';
import { isExcluded } from './documents/exclude';
import { ManifestWorkspace } from './workspace/manifestWorkspace';
import { WorkspaceSync } from './workspaceSync';
import { SettingsCache } from './settingsCache';
import { wrapHandler } from './handlers/wrapHandler';
import { prewarmValidators } from './schema/prewarm';
import { compileValidatorsWhileParsing } from './schema/compileWhileParsing';
import { DryRunRequest, DryRunStateRequest, StatsRequest } from './shared/protocol';
import { stateDirGlobs } from './shared/settings';
import { changeDryRunState, dryRun, type DryRunHost } from './handlers/dryRun';
import { registerEditorFeatures } from './handlers/editorFeatures';
import { warmHoverPath } from './hover/hoverWarmup';
import { createServerConnection } from './transport/serverConnection';
import { defaultValidatorCacheDir } from './schema/validatorCacheDir';

/** Wires the LSP connection to the engine; no validation logic lives here. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const kubernetes = new KubernetesSchemas();
  const workspace = new ManifestWorkspace(kubernetes);
  const workerScript = join(__dirname, 'parseWorker.js');
  const pool = existsSync(workerScript) ? new ParsePool(workerScript) : undefined;
  const settings = new SettingsCache(connection);
  const parsed = new ParsedFiles(pool, compileValidatorsWhileParsing(kubernetes, async (uri) => (await settings.get(uri)).kubernetesVersion));
  const sync = new WorkspaceSync(connection, workspace, parsed, settings, documents, pool);
  let watchFiles = false;
  let foldingLimit: number | undefined;
  let snippets = true;

  connection.onInitialize((params): InitializeResult => {
    sync.folders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (sync.folders.length === 0 && params.rootUri) sync.folders = [params.rootUri];
    settings.setSupported(Boolean(params.capabilities.workspace?.configuration));
    watchFiles = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    foldingLimit = params.capabilities.textDocument?.foldingRange?.rangeLimit;
    snippets = params.capabilities.textDocument?.completion?.completionItem?.snippetSupport ?? false;
    kubernetes.useValidatorCache(validatorCacheDir(params.initializationOptions));
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        codeLensProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: [':', '/'], resolveProvider: false },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        workspaceSymbolProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'shipshape' },
    };
  });

  connection.onInitialized(async () => {
    pool?.warm();
    if (watchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }] });
    const global = await settings.get(undefined);
    workspace.setKnownObjects(global.crossref.knownObjects);
    prewarmValidators(kubernetes, global.kubernetesVersion);
    const cache = kubernetes.cache ? `compiled validators kept in ${kubernetes.cache.dir}` : 'no validator cache';
    connection.console.info(`Shipshape language server ready: Kubernetes ${global.kubernetesVersion}, ${sync.folders.length} workspace folder(s), ${cache}.`);
    const started = performance.now();
    await sync.scan();
    const { index } = workspace;
    connection.console.info(`Indexed ${index.uris().length} YAML files (${index.objectCount} Kubernetes objects) in ${Math.round(performance.now() - started)} ms.`);
    void warmHoverPath(kubernetes, global.kubernetesVersion);
  });

  connection.onDidChangeConfiguration(async () => {
    settings.clear();
    workspace.setKnownObjects((await settings.get(undefined)).crossref.knownObjects);
    connection.languages.diagnostics.refresh();
  });

  documents.onDidChangeContent(({ document }) => void sync.changed(document));
  documents.onDidClose(({ document }) => void sync.closed(document.uri));
  connection.onDidChangeWatchedFiles(({ changes }) => void sync.watchedFilesChanged(changes));

  connection.languages.diagnostics.on(
    wrapHandler(connection, 'diagnostics', async (params): Promise<DocumentDiagnosticReport> => {
      const document = documents.get(params.textDocument.uri);
      const empty: DocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, items: [] };
      if (!document) return empty;
      const config = await settings.get(document.uri);
      if (!config.validation.enable || isExcluded(document.uri, sync.folders, [...config.exclude, ...stateDirGlobs(config.dryRun.stateDir)])) return empty;
      await sync.idle();
      return { kind: DocumentDiagnosticReportKind.Full, items: workspace.diagnostics(document.uri, { kubernetesVersion: config.kubernetesVersion, rules: config.rules }) };
    }),
  );

  // Navigation reads the index as it is once pending updates are in.
  const nav = workspace.navigation;
  connection.onDefinition(wrapHandler(connection, 'definition', async ({ textDocument, position }) => (await sync.idle(), nav.definition(textDocument.uri, position))));
  connection.onReferences(wrapHandler(connection, 'references', async ({ textDocument, position, context }) => (await sync.idle(), nav.references(textDocument.uri, position, context.includeDeclaration))));
  connection.onPrepareRename(wrapHandler(connection, 'prepareRename', async ({ textDocument, position }) => (await sync.idle(), nav.renameRange(textDocument.uri, position) ?? null)));
  connection.onRenameRequest(wrapHandler(connection, 'rename', async ({ textDocument, position, newName }) => (await sync.idle(), nav.rename(textDocument.uri, position, newName) ?? null)));
  connection.onCodeLens(wrapHandler(connection, 'codeLens', async ({ textDocument }) => (await sync.idle(), nav.codeLenses(textDocument.uri))));

  connection.onRequest(StatsRequest.method, async (): Promise<StatsRequest.Result> => {
    await sync.idle();
    return {
      files: workspace.index.uris().length,
      objects: workspace.index.objectCount,
      crossrefEvaluations: workspace.k8s.evaluations,
      validatedDocuments: workspace.validator.validatedDocuments,
      validatorCache: kubernetes.cache && { folder: kubernetes.cache.dir, ...kubernetes.cache.stats },
    };
  });

  registerEditorFeatures({ connection, documents, workspace, schemas: kubernetes, settings, idle: () => sync.idle() }, () => foldingLimit, () => snippets);

  // The dry run plans what is indexed once pending updates are in (open buffers included).
  const dryRunHost: DryRunHost = { workspace, schemas: kubernetes, folders: () => sync.folders, settings: (uri) => settings.get(uri) };
  connection.onRequest(DryRunRequest.method, wrapHandler(connection, 'dryRun', async (params: DryRunRequest.Params) => (await sync.idle(), dryRun(dryRunHost, params))));
  connection.onRequest(DryRunStateRequest.method, wrapHandler(connection, 'dryRunState', async (params: DryRunStateRequest.Params) => (await sync.idle(), changeDryRunState(dryRunHost, params))));

  connection.onShutdown(() => pool?.dispose());
  documents.listen(connection);
  connection.listen();
}

// Started by the client over IPC (or stdio by other editors and the benchmarks).
if (require.main === module) startServer(createServerConnection());

/** The client may name a folder for compiled validators (VS Code: the extension's storage). */
function validatorCacheDir(initializationOptions: unknown): string | undefined {
  const named = (initializationOptions as { validatorCacheDir?: unknown } | undefined)?.validatorCacheDir;
  return typeof named === 'string' && named !== '' ? named : defaultValidatorCacheDir();
}
