/**
 * The dry-run panel: one webview that previews `kubectl apply` / `docker compose up` for a target against
 * a named environment's local state. This class only adapts VS Code (the webview panel, its HTML and
 * options, prompts, the serializer); what the panel does lives in PanelSession, the rendering in the
 * webview script. Plans and state changes come from a DryRunBackend the integrator plugs in.
 */
import { Uri, ViewColumn, window, type Disposable, type WebviewOptions, type WebviewPanel, type WebviewPanelSerializer } from 'vscode';
import type { DryRunTarget } from '../../../server/src/shared/protocol';
import { invalidEnvironmentName, parsePersistedState } from './messages';
import { createNonce, renderPanelHtml } from './panelHtml';
import { DEFAULT_ENVIRONMENT, PanelSession, REFRESH_DELAY_MS, panelTitle, type DryRunBackend } from './panelSession';

export type { DryRunBackend } from './panelSession';

export interface DryRunPanelHost {
  /** The extension's root (`context.extensionUri`): scripts and styles are served from below it. */
  extensionUri: Uri;
  backend: DryRunBackend;
  /** Where to note dropped messages and failures (the Shipshape output channel). */
  log?: (message: string) => void;
}

export class DryRunPanel implements Disposable {
  static readonly viewType = 'shipshape.dryRun';
  static readonly refreshDelayMs = REFRESH_DELAY_MS;

  private static current: DryRunPanel | undefined;

  /** The open panel, if any (there is at most one). */
  static get currentPanel(): DryRunPanel | undefined {
    return DryRunPanel.current;
  }

  /** Shows the panel for `target` (opening it beside the editor, or retargeting the open one) and plans. */
  static createOrShow(host: DryRunPanelHost, target: DryRunTarget, environment?: string): DryRunPanel {
    const open = DryRunPanel.current;
    if (open) {
      open.panel.reveal(ViewColumn.Beside, true);
      void open.session.retarget(target, environment ?? open.session.environment);
      return open;
    }
    const env = environment ?? DEFAULT_ENVIRONMENT;
    const panel = window.createWebviewPanel(DryRunPanel.viewType, panelTitle(target, env), { viewColumn: ViewColumn.Beside, preserveFocus: true }, webviewOptions(host.extensionUri));
    return new DryRunPanel(panel, host, target, env);
  }

  /** Takes over a panel VS Code restored after a reload; `state` is what the webview saved with setState. */
  static revive(panel: WebviewPanel, host: DryRunPanelHost, state: unknown): DryRunPanel {
    const saved = parsePersistedState(state);
    if (!saved && state !== undefined) host.log?.('Dry-run panel: the saved panel state was unusable; previewing the workspace.');
    DryRunPanel.current?.dispose();
    return new DryRunPanel(panel, host, saved?.target ?? { scope: 'workspace' }, saved?.environment ?? DEFAULT_ENVIRONMENT);
  }

  /** For `window.registerWebviewPanelSerializer(DryRunPanel.viewType, DryRunPanel.serializer(host))`. */
  static serializer(host: DryRunPanelHost): WebviewPanelSerializer {
    return {
      deserializeWebviewPanel: async (panel, state) => {
        DryRunPanel.revive(panel, host, state);
      },
    };
  }

  private readonly session: PanelSession;
  private readonly disposables: Disposable[] = [];
  private disposed = false;

  private constructor(
    private readonly panel: WebviewPanel,
    host: DryRunPanelHost,
    target: DryRunTarget,
    environment: string,
  ) {
    DryRunPanel.current = this;
    const webview = panel.webview;
    webview.options = webviewOptions(host.extensionUri);
    const asset = (...path: string[]) => webview.asWebviewUri(Uri.joinPath(host.extensionUri, 'client', ...path)).toString();
    const log = host.log ?? (() => undefined);
    this.session = new PanelSession(
      host.backend,
      {
        post: (message) => webview.postMessage(message),
        setTitle: (title) => (panel.title = title),
        isVisible: () => panel.visible,
        askEnvironmentName: () =>
          window.showInputBox({
            title: 'Shipshape: New Environment',
            prompt: 'Its local state will be kept in .shipshape/state/<name>.yaml',
            placeHolder: 'staging',
            validateInput: (value) => invalidEnvironmentName(value.trim()),
          }),
        confirmReset: async (env) => {
          const reset = 'Reset';
          return (await window.showWarningMessage(`Reset the local state of "${env}"? Plans will start from an empty cluster.`, { modal: true }, reset)) === reset;
        },
        log,
      },
      target,
      environment,
    );
    // The webview sends `ready` once its script runs; the session then sends the context and plans.
    webview.html = renderPanelHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: asset('out', 'webview.js'),
      styleUri: asset('media', 'dryrun.css'),
      codiconsUri: asset('out', 'codicons', 'codicon.css'),
    });
    this.disposables.push(
      webview.onDidReceiveMessage((message: unknown) => void this.session.receive(message)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  get target(): DryRunTarget {
    return this.session.target;
  }

  get environment(): string {
    return this.session.environment;
  }

  /** Plans again now. */
  refresh(): Promise<void> {
    return this.session.refresh();
  }

  /** Plans again once edits pause for refreshDelayMs (a hidden panel plans when it is shown again). */
  scheduleRefresh(): void {
    this.session.scheduleRefresh();
  }

  /** Call on every document change: re-plans (debounced) when the document is part of the target. */
  documentChanged(uri: string): void {
    this.session.documentChanged(uri);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.session.dispose();
    if (DryRunPanel.current === this) DryRunPanel.current = undefined;
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.panel.dispose();
  }
}

function webviewOptions(extensionUri: Uri): WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [Uri.joinPath(extensionUri, 'client', 'out'), Uri.joinPath(extensionUri, 'client', 'media')],
  };
}
