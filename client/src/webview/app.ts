/**
 * The webview's controller: keeps what the extension last said (context, plan, busy, status), renders
 * it, and turns clicks into messages. Reloads start from the saved state, then ask for a fresh plan.
 */
import type { SourceLocation } from '../../../server/src/shared/dryrunPlan';
import type { DryRunTarget } from '../../../server/src/shared/protocol';
import type { PanelMessage, PlanView, WebviewMessage } from '../dryrun/messages';
import { h, icon } from './dom';
import { installRowNavigation } from './keyboard';
import type { PanelMemory } from './persistence';
import { renderPlan } from './planView';
import { Toolbar } from './toolbar';

export class App {
  private target: DryRunTarget | undefined;
  private environment: string | undefined;
  private view: PlanView | undefined;
  private busy = false;
  private planError: string | undefined;
  private readonly toolbar: Toolbar;
  private readonly banner = h('div', 'banners');
  private readonly status = h('div', { class: 'status-line', attrs: { role: 'status', 'aria-live': 'polite' } });
  private readonly content = h('main', { class: 'content', attrs: { id: 'content' } });

  constructor(
    root: HTMLElement,
    private readonly post: (message: WebviewMessage) => void,
    private readonly memory: PanelMemory,
  ) {
    this.toolbar = new Toolbar(post);
    root.replaceChildren(this.toolbar.element, this.banner, this.status, this.content);
    installRowNavigation(this.content);
    this.content.addEventListener('focusin', (event) => {
      const row = event.target instanceof Element ? event.target.closest('.row-head') : null;
      this.memory.setFocusedRow(row?.getAttribute('data-key') ?? undefined);
    });
    window.addEventListener('scroll', () => this.memory.setScroll(window.scrollY), { passive: true });
  }

  /** Paints what was saved before a reload, then asks the extension for the context and a fresh plan. */
  start(): void {
    const saved = this.memory.saved;
    if (saved) {
      this.target = saved.target;
      this.environment = saved.environment;
      this.view = saved.view;
    }
    this.render();
    if (saved) {
      window.scrollTo(0, saved.scrollY);
      if (saved.focusedRow && document.hasFocus()) this.rowHead(saved.focusedRow)?.focus({ preventScroll: true });
    }
    this.post({ type: 'ready' });
  }

  handle(message: PanelMessage): void {
    switch (message.type) {
      case 'context':
        this.target = message.target;
        this.environment = message.environment;
        this.memory.setContext(message.target, message.environment);
        this.updateChrome();
        return;
      case 'plan': {
        const { type: _type, ...view } = message;
        this.view = view;
        this.target = view.target;
        this.environment = view.result.environment;
        this.planError = undefined;
        this.memory.setView(view);
        this.render();
        return;
      }
      case 'busy':
        this.busy = message.busy;
        this.content.setAttribute('aria-busy', String(message.busy));
        this.updateChrome();
        return;
      case 'status':
        this.status.replaceChildren(h('span', message.ok ? 'status ok' : 'status failed', icon(message.ok ? 'pass' : 'error'), message.message));
        return;
      case 'error':
        this.planError = message.message;
        this.updateChrome();
        return;
    }
  }

  private render(): void {
    this.updateChrome();
    const focused = document.activeElement?.closest('.row-head')?.getAttribute('data-key');
    const body = this.view
      ? renderPlan(this.view.result.plan, {
          isExpanded: (key) => this.memory.isExpanded(key),
          setExpanded: (key, open) => this.memory.setExpanded(key, open),
          reveal: (source: SourceLocation) => this.post({ type: 'reveal', source }),
        })
      : [h('p', 'empty', this.planError ? 'No plan yet.' : 'Planning…')];
    // One replacement, no layout in between: the scroll position survives a refresh.
    this.content.replaceChildren(...body);
    if (focused) this.rowHead(focused)?.focus({ preventScroll: true });
  }

  /** Toolbar and banners: everything but the plan body. */
  private updateChrome(): void {
    this.toolbar.update({ target: this.target, environment: this.environment, view: this.view, busy: this.busy });
    const banners: HTMLElement[] = [];
    if (this.planError) banners.push(h('div', { class: 'banner banner-error plan-error', attrs: { role: 'alert' } }, icon('error'), h('span', 'banner-text', `Planning failed: ${this.planError}`)));
    const stateError = this.view?.result.stateError;
    if (stateError) {
      const backup = h('button', { class: 'button primary', attrs: { type: 'button', id: 'backup-and-reset' } }, icon('history'), 'Back up and start fresh');
      backup.addEventListener('click', () => this.post({ type: 'backupAndReset' }));
      banners.push(
        h(
          'div',
          { class: 'banner banner-error state-error', attrs: { role: 'alert' } },
          icon('warning'),
          h('span', 'banner-text', `The state file cannot be read, so this plan assumes an empty cluster. Nothing is written to it until you choose: ${stateError}`),
          backup,
        ),
      );
    }
    // Keep the same nodes when nothing changed, so a focused banner button keeps its focus.
    if (!sameBanners(this.banner, banners)) this.banner.replaceChildren(...banners);
  }

  private rowHead(key: string): HTMLElement | undefined {
    return [...this.content.querySelectorAll<HTMLElement>('.row-head')].find((row) => row.getAttribute('data-key') === key);
  }
}

function sameBanners(container: HTMLElement, next: HTMLElement[]): boolean {
  const current = [...container.children];
  return current.length === next.length && current.every((node, index) => node.textContent === next[index]!.textContent);
}
