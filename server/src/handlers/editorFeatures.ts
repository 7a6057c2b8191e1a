import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ManifestFile } from '../documents/manifestFile';
import type { KubernetesSchemas } from '../schema/kubernetesSchemas';
import type { ManifestWorkspace } from '../workspace/manifestWorkspace';
import type { SettingsCache } from '../settingsCache';
import { hover } from '../hover/hover';
import { codeActions } from '../codeActions/codeActions';
import { complete } from '../completion/complete';
import { completionIndexOf } from '../completion/completionIndex';
import { SchemaNavigator } from '../schema/schemaNavigator';
import { documentSymbols } from '../symbols/documentSymbols';
import { foldingRanges } from '../symbols/foldingRanges';
import { workspaceSymbols } from '../symbols/workspaceSymbols';
import { wrapHandler } from './wrapHandler';

/** What the editor features read: the indexed workspace (open buffers included) once pending updates are in. */
export interface EditorFeatureHost {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  workspace: ManifestWorkspace;
  schemas: KubernetesSchemas;
  settings: SettingsCache;
  idle: () => Promise<void>;
}

/** The parsed file of an open document, as indexed for its current text. */
async function openFile(host: EditorFeatureHost, uri: string): Promise<ManifestFile | undefined> {
  await host.idle();
  return host.documents.get(uri) ? host.workspace.index.file(uri) : undefined;
}

/** Completion, hover, quick fixes, outline, folding and workspace symbols: thin wrappers over the engine's feature functions. */
export function registerEditorFeatures(host: EditorFeatureHost, foldingLimit: () => number | undefined, snippets: () => boolean): void {
  const { connection, workspace } = host;
  const navigators = new Map<string, SchemaNavigator>();
  const completionIndex = completionIndexOf(workspace.index);
  // Completion reads the buffer as it is now (the keystroke that triggered it may not be indexed yet);
  // the parsed file is used only when it is of this very text.
  connection.onCompletion(
    wrapHandler(connection, 'completion', async ({ textDocument, position }) => {
      const document = host.documents.get(textDocument.uri);
      if (!document) return null;
      const { kubernetesVersion } = await host.settings.get(textDocument.uri);
      const version = host.schemas.forVersion(kubernetesVersion);
      let navigator = navigators.get(version.version);
      if (!navigator) navigators.set(version.version, (navigator = new SchemaNavigator(version)));
      const text = document.getText();
      const indexed = workspace.index.file(textDocument.uri);
      const file = indexed?.text === text ? indexed : undefined;
      return complete({
        text,
        offset: document.offsetAt(position),
        position,
        uri: textDocument.uri,
        file,
        navigator,
        version,
        index: completionIndex,
        compose: indexed ? workspace.composeProject(indexed) : undefined,
        snippets: snippets(),
      });
    }),
  );
  connection.onHover(
    wrapHandler(connection, 'hover', async ({ textDocument, position }) => {
      const file = await openFile(host, textDocument.uri);
      if (!file) return null;
      const { kubernetesVersion } = await host.settings.get(textDocument.uri);
      return hover({ file, offset: file.lines.offsetAt(position), schemas: host.schemas, version: kubernetesVersion, index: workspace.index, compose: workspace.composeProject(file) });
    }),
  );
  connection.onDocumentSymbol(wrapHandler(connection, 'documentSymbol', async ({ textDocument }) => {
    const file = await openFile(host, textDocument.uri);
    return file ? documentSymbols(file) : [];
  }));
  connection.onFoldingRanges(wrapHandler(connection, 'foldingRange', async ({ textDocument }) => {
    const file = await openFile(host, textDocument.uri);
    return file ? foldingRanges(file, foldingLimit()) : [];
  }));
  connection.onCodeAction(
    wrapHandler(connection, 'codeAction', async ({ textDocument, range, context }) => {
      if (context.only && !context.only.some((kind) => kind === '' || kind === 'quickfix')) return [];
      const file = await openFile(host, textDocument.uri);
      if (!file) return [];
      const { kubernetesVersion } = await host.settings.get(textDocument.uri);
      return codeActions({ file, diagnostics: context.diagnostics, range, schemas: host.schemas, kubernetesVersion });
    }),
  );
  connection.onWorkspaceSymbol(wrapHandler(connection, 'workspaceSymbol', async ({ query }) => (await host.idle(), workspaceSymbols(workspace.index, query))));
}
