/**
 * The webview's memory across reloads (VS Code tears the page down when the panel is hidden and on
 * window reload): what is previewed, the last plan, open rows, focus and scroll. Saved with setState,
 * read back with getState; the panel serializer reads the same object to revive the panel.
 */
import type { DryRunTarget } from '../../../server/src/shared/protocol';
import { parsePersistedState, type PersistedState, type PlanView } from '../dryrun/messages';
import type { VsCodeApi } from './vscodeApi';

const SCROLL_SAVE_DELAY_MS = 150;

export class PanelMemory {
  private state: PersistedState | undefined;
  private scrollTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly api: VsCodeApi) {
    this.state = parsePersistedState(api.getState());
  }

  /** What was saved before this page load, if anything usable. */
  get saved(): PersistedState | undefined {
    return this.state;
  }

  isExpanded(key: string): boolean {
    return this.state?.expanded.includes(key) ?? false;
  }

  setContext(target: DryRunTarget, environment: string): void {
    const sameTarget = this.state !== undefined && JSON.stringify(this.state.target) === JSON.stringify(target);
    this.state = sameTarget
      ? { ...this.state!, environment }
      : { version: 1, target, environment, expanded: [], scrollY: 0 };
    this.save();
  }

  setView(view: PlanView): void {
    this.setContext(view.target, view.result.environment);
    this.state = { ...this.state!, view };
    this.save();
  }

  setExpanded(key: string, open: boolean): void {
    if (!this.state) return;
    const others = this.state.expanded.filter((k) => k !== key);
    this.state = { ...this.state, expanded: open ? [...others, key] : others };
    this.save();
  }

  setFocusedRow(key: string | undefined): void {
    if (!this.state || this.state.focusedRow === key) return;
    this.state = { ...this.state, focusedRow: key };
    this.save();
  }

  /** Scrolling fires often: the position is saved once it settles. */
  setScroll(scrollY: number): void {
    if (this.scrollTimer !== undefined) clearTimeout(this.scrollTimer);
    this.scrollTimer = setTimeout(() => {
      this.scrollTimer = undefined;
      if (!this.state) return;
      this.state = { ...this.state, scrollY: Math.max(0, Math.round(scrollY)) };
      this.save();
    }, SCROLL_SAVE_DELAY_MS);
  }

  private save(): void {
    if (this.state) this.api.setState(this.state);
  }
}
