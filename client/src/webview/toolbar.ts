/**
 * The panel's header: what is previewed, the environment (switchable), the Kubernetes version and state
 * file, and the actions. Built once and updated in place, so focus stays on a control across refreshes.
 */
import type { DryRunTarget } from '../../../server/src/shared/protocol';
import type { PlanView, WebviewMessage } from '../dryrun/messages';
import { targetLabel } from '../dryrun/target';
import { h, icon } from './dom';
import { plural } from './format';

/** The select's entry that asks for a new environment; not a valid environment name, so it cannot clash. */
const NEW_ENVIRONMENT = ':new';

export interface ToolbarState {
  target?: DryRunTarget;
  environment?: string;
  view?: PlanView;
  busy: boolean;
}

export class Toolbar {
  readonly element: HTMLElement;
  private readonly title = h('h1', 'title');
  private readonly environment = h('select', { class: 'environment', attrs: { id: 'environment' } });
  private readonly version = h('span', 'toolbar-fact version');
  private readonly stateFile = h('span', 'toolbar-fact state-file');
  private readonly files = h('span', 'toolbar-fact files');
  private readonly busy = h('span', { class: 'busy', attrs: { role: 'status', hidden: true } }, icon('loading'), 'Planning…');
  private readonly commit: HTMLButtonElement;
  private readonly importCluster: HTMLButtonElement;
  private current: string | undefined;

  constructor(private readonly post: (message: WebviewMessage) => void) {
    this.busy.firstElementChild?.classList.add('codicon-modifier-spin');
    this.environment.addEventListener('change', () => {
      const chosen = this.environment.value;
      if (chosen === NEW_ENVIRONMENT) {
        // The extension asks for the name; until it answers, the select shows the current environment.
        if (this.current !== undefined) this.environment.value = this.current;
        post({ type: 'newEnvironment' });
      } else if (chosen !== this.current) {
        post({ type: 'selectEnvironment', environment: chosen });
      }
    });
    this.commit = this.button('commit', 'save', 'Commit to local state', 'primary', 'Write the planned result into this environment’s state file', { type: 'commit' });
    this.importCluster = this.button('import-cluster', 'cloud-download', 'Import from cluster', 'secondary', 'Replace the state with kubectl get output of the current context', { type: 'import', from: 'cluster' });
    this.element = h(
      'header',
      'toolbar',
      h('div', 'toolbar-row', this.title, h('label', { class: 'environment-label', attrs: { for: 'environment' } }, 'Environment'), this.environment, this.version, this.stateFile, this.files, this.busy),
      h(
        'div',
        { class: 'toolbar-row actions', attrs: { role: 'toolbar', 'aria-label': 'Dry-run actions' } },
        this.button('refresh', 'refresh', 'Refresh', 'secondary', 'Plan again', { type: 'refresh' }),
        this.commit,
        this.button('import-file', 'file', 'Import state…', 'secondary', 'Replace the state with a kubectl get -o yaml file', { type: 'import', from: 'file' }),
        this.importCluster,
        this.button('reset', 'discard', 'Reset', 'secondary', 'Empty this environment’s state', { type: 'reset' }),
      ),
    );
  }

  update(state: ToolbarState): void {
    const { view, target } = state;
    this.title.textContent = `Preview Apply: ${target ? targetLabel(target) : '…'}`;
    const environment = view?.result.environment ?? state.environment;
    this.current = environment;
    const names = [...new Set([...(view?.result.environments ?? []), ...(environment ? [environment] : [])])].sort();
    this.environment.replaceChildren(
      ...names.map((name) => h('option', { attrs: { value: name, selected: name === environment } }, name)),
      h('option', { attrs: { value: NEW_ENVIRONMENT } }, 'New environment…'),
    );
    if (environment !== undefined) this.environment.value = environment;
    this.version.textContent = view ? `Kubernetes ${view.result.kubernetesVersion}` : '';
    this.stateFile.replaceChildren(...(view ? [icon('database'), view.result.stateFile] : []));
    this.stateFile.title = view ? `State file: ${view.result.stateFile}` : '';
    this.files.textContent = view ? plural(view.result.files, 'file') : '';
    this.busy.hidden = !state.busy;
    this.commit.disabled = !view || state.busy;
    this.importCluster.hidden = !view?.canImportFromCluster;
  }

  private button(id: string, glyph: string, text: string, kind: 'primary' | 'secondary', title: string, message: WebviewMessage): HTMLButtonElement {
    const button = h('button', { class: `button ${kind}`, attrs: { type: 'button', id, title } }, icon(glyph), text);
    button.addEventListener('click', () => this.post(message));
    return button;
  }
}
