import { CodeLens, Range, type CodeLensProvider, type TextDocument } from 'vscode';

// A manifest names an apiVersion and a kind, or a Compose file has services: only those get the lens.
const MANIFEST = /^(apiVersion:|kind:|services:)/m;

/** "Preview apply" above the first line of Kubernetes and Compose files: the dry run of that file. */
export class PreviewApplyCodeLens implements CodeLensProvider {
  provideCodeLenses(document: TextDocument): CodeLens[] {
    if (!MANIFEST.test(document.getText())) return [];
    return [new CodeLens(new Range(0, 0, 0, 0), { title: '$(play) Preview apply', command: 'shipshape.previewApply', arguments: [document.uri], tooltip: 'Simulate kubectl apply / docker compose up of this file against the local state' })];
  }
}
