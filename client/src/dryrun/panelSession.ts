/**
 * What the dry-run panel does, without VS Code: which target and environment it previews, planning (only
 * the newest answer is shown; edits are debounced), and what each webview message triggers. panel.ts
 * gives it a PanelHost made of the real webview panel and VS Code's prompts; tests give it fakes.
 */
import type { SourceLocation } from '../../../server/src/shared/dryrunPlan';
import type { DryRunRequest, DryRunStateRequest, DryRunTarget } from '../../../server/src/shared/protocol';
import { invalidEnvironmentName, parseWebviewMessage, type PanelMessage, type WebviewMessage } from './messages';
import { targetCovers, targetLabel } from './target';

export interface DryRunBackend {
  plan(target: DryRunTarget, environment: string): Promise<DryRunRequest.Result>;
  changeState(params: DryRunStateRequest.Params): Promise<DryRunStateRequest.Result>;
  /** Shows the file picker; undefined when the user cancelled. */
  importFromFile(environment: string): Promise<DryRunStateRequest.Result | undefined>;
  /** Runs kubectl (only when the workspace is trusted and kubectl is on PATH); undefined when cancelled. */
  importFromCluster(environment: string): Promise<DryRunStateRequest.Result | undefined>;
  canImportFromCluster(): boolean;
  revealSource(uri: string, line: number, character: number): Promise<void>;
}

/** The VS Code side of a session: the webview panel and the prompts it may show. */
export interface PanelHost {
  post(message: PanelMessage): PromiseLike<boolean>;
  setTitle(title: string): void;
  /** Hidden panels do not plan on edits: their webview is gone and plans again when shown (it sends `ready`). */
  isVisible(): boolean;
  /** Asks for a new environment's name; undefined when cancelled. */
  askEnvironmentName(): PromiseLike<string | undefined>;
  confirmReset(environment: string): PromiseLike<boolean>;
  log(message: string): void;
}

export const DEFAULT_ENVIRONMENT = 'default';
/** How long typing must pause before the panel plans again. */
export const REFRESH_DELAY_MS = 300;

export function panelTitle(target: DryRunTarget, environment: string): string {
  return `Preview Apply: ${targetLabel(target)} (${environment})`;
}

export class PanelSession {
  private lastResult: DryRunRequest.Result | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** Increases with every plan request: only the newest answer is shown. */
  private planSequence = 0;
  private disposed = false;

  constructor(
    private readonly backend: DryRunBackend,
    private readonly host: PanelHost,
    private currentTarget: DryRunTarget,
    private currentEnvironment: string = DEFAULT_ENVIRONMENT,
  ) {
    host.setTitle(panelTitle(currentTarget, currentEnvironment));
  }

  get target(): DryRunTarget {
    return this.currentTarget;
  }

  get environment(): string {
    return this.currentEnvironment;
  }

  /** Plans again now (cancels a scheduled refresh). */
  async refresh(): Promise<void> {
    this.cancelScheduledRefresh();
    if (this.disposed) return;
    const ticket = ++this.planSequence;
    const { currentTarget: target, currentEnvironment: environment } = this;
    void this.post({ type: 'busy', busy: true });
    try {
      const result = await this.backend.plan(target, environment);
      if (ticket !== this.planSequence || this.disposed) return;
      this.lastResult = result;
      this.currentEnvironment = result.environment;
      this.host.setTitle(panelTitle(target, result.environment));
      await this.post({ type: 'plan', target, result, canImportFromCluster: this.backend.canImportFromCluster() });
    } catch (error) {
      if (ticket !== this.planSequence || this.disposed) return;
      this.host.log(`Dry-run panel: planning failed: ${describe(error)}`);
      await this.post({ type: 'error', message: describe(error) });
    } finally {
      if (ticket === this.planSequence && !this.disposed) void this.post({ type: 'busy', busy: false });
    }
  }

  /** Plans again once edits pause for REFRESH_DELAY_MS. */
  scheduleRefresh(): void {
    this.cancelScheduledRefresh();
    if (this.disposed || !this.host.isVisible()) return;
    this.refreshTimer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  /** Re-plans (debounced) when the changed document is part of the target. */
  documentChanged(uri: string): void {
    if (targetCovers(this.currentTarget, uri)) this.scheduleRefresh();
  }

  /** Previews another target (and maybe environment) in the same panel. */
  async retarget(target: DryRunTarget, environment: string = this.currentEnvironment): Promise<void> {
    this.currentTarget = target;
    this.currentEnvironment = environment;
    this.lastResult = undefined;
    this.host.setTitle(panelTitle(target, environment));
    await this.post({ type: 'context', target, environment });
    await this.refresh();
  }

  /** Handles whatever the webview posted; malformed messages are logged and dropped. */
  async receive(raw: unknown): Promise<void> {
    const message = parseWebviewMessage(raw);
    if (!message) {
      this.host.log(`Dry-run panel: ignored a malformed message from the webview: ${preview(raw)}`);
      return;
    }
    try {
      await this.handle(message);
    } catch (error) {
      this.host.log(`Dry-run panel: ${message.type} failed: ${describe(error)}`);
      await this.post({ type: 'status', ok: false, message: describe(error) });
    }
  }

  dispose(): void {
    this.disposed = true;
    this.cancelScheduledRefresh();
  }

  private async handle(message: WebviewMessage): Promise<void> {
    const { backend } = this;
    const environment = this.currentEnvironment;
    switch (message.type) {
      case 'ready':
        await this.post({ type: 'context', target: this.currentTarget, environment });
        return this.refresh();
      case 'refresh':
        return this.refresh();
      case 'selectEnvironment':
        return this.retarget(this.currentTarget, message.environment);
      case 'newEnvironment': {
        const name = (await this.host.askEnvironmentName())?.trim();
        if (name === undefined || invalidEnvironmentName(name)) return;
        return this.retarget(this.currentTarget, name);
      }
      case 'commit':
        return this.changeState(() => backend.changeState({ action: 'commit', environment, target: this.currentTarget }));
      case 'import':
        if (message.from === 'file') return this.changeState(() => backend.importFromFile(environment));
        if (!backend.canImportFromCluster()) {
          await this.post({ type: 'status', ok: false, message: 'Importing from a cluster needs a trusted workspace and kubectl on PATH.' });
          return;
        }
        return this.changeState(() => backend.importFromCluster(environment));
      case 'reset':
        if (!(await this.host.confirmReset(environment))) return;
        return this.changeState(() => backend.changeState({ action: 'reset', environment }));
      case 'backupAndReset':
        return this.changeState(() => backend.changeState({ action: 'backupAndReset', environment }));
      case 'reveal':
        if (!this.mayReveal(message.source)) {
          this.host.log(`Dry-run panel: refused to reveal ${message.source.uri}: not part of the previewed target.`);
          return;
        }
        return backend.revealSource(message.source.uri, message.source.line, message.source.character);
    }
  }

  /** Runs a state change, reports its outcome in the panel and plans again against the new state. */
  private async changeState(run: () => Promise<DryRunStateRequest.Result | undefined>): Promise<void> {
    const result = await run();
    if (!result) return; // cancelled by the user
    await this.post({ type: 'status', ok: result.ok, message: result.message });
    await this.refresh();
  }

  // The webview is ours, but it still only gets to open files the current plan came from (or, for a
  // file or folder target, files inside it).
  private mayReveal(source: SourceLocation): boolean {
    const planned = this.lastResult?.plan.objects.some((object) => object.source?.uri === source.uri) ?? false;
    return planned || (this.currentTarget.scope !== 'workspace' && targetCovers(this.currentTarget, source.uri));
  }

  private post(message: PanelMessage): PromiseLike<boolean> {
    return this.disposed ? Promise.resolve(false) : this.host.post(message);
  }

  private cancelScheduledRefresh(): void {
    if (this.refreshTimer !== undefined) clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function preview(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
