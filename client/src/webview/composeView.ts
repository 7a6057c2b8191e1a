/**
 * One Compose project as `docker compose up` would handle it: failures first, then the start order,
 * the networks and volumes created, what happens to each service and its containers (with the
 * progress lines compose prints, and what a service waits for), orphan containers, warnings, and
 * the whole output of `up` in order, folded.
 */
import type { ComposeContainerPlan, ComposeProjectPlan, ComposeServicePlan } from '../../../server/src/shared/dryrunPlan';
import { h, icon, screenReaderText } from './dom';
import { headerRow } from './rolloutParts';

const SERVICE_ICON: Record<ComposeServicePlan['action'], string> = {
  create: 'diff-added',
  recreate: 'debug-restart',
  running: 'check',
  scale: 'layers',
  start: 'debug-start',
};

const CONTAINER_ICON: Record<ComposeContainerPlan['action'], string> = { ...SERVICE_ICON, remove: 'trash' };

export function renderComposeProject(project: ComposeProjectPlan): HTMLElement {
  const id = `compose-${project.project}`.replace(/[^A-Za-z0-9_-]/g, '_');
  return h(
    'article',
    { class: 'compose-project', attrs: { 'aria-labelledby': id, 'data-project': project.project } },
    h('h3', { attrs: { id } }, icon('layers'), `project ${project.project}`, project.file ? h('span', 'namespace', ` ${project.file}`) : undefined),
    project.errors?.length ? h('ul', 'errors', ...project.errors.map((error) => h('li', 'error', icon('error'), error))) : undefined,
    project.startOrder.length
      ? h('div', 'start-order', h('span', 'label', 'Start order'), h('ol', { attrs: { 'aria-label': 'Start order' } }, ...project.startOrder.map((name) => h('li', {}, name))))
      : undefined,
    project.resources?.length ? h('ul', 'progress resources', ...project.resources.map((line) => h('li', {}, line))) : undefined,
    project.services.length ? servicesTable(project) : h('p', 'empty-diff', 'No services.'),
    orphansNotice(project),
    project.removedOrphans?.length
      ? h('div', 'removed-orphans', h('span', 'label', 'Orphan containers removed'), ...project.removedOrphans.map(containerBlock))
      : undefined,
    project.warnings.length ? h('ul', 'warnings', ...project.warnings.map((warning) => h('li', 'warning', icon('warning'), warning))) : undefined,
    project.log?.length
      ? h('details', 'up-log', h('summary', {}, `Output of docker compose up (${project.log.length} lines)`), h('ol', 'progress', ...project.log.map((line) => h('li', {}, line))))
      : undefined,
  );
}

/** Orphans that stay (without --remove-orphans): their services are gone from the file. */
function orphansNotice(project: ComposeProjectPlan): HTMLElement | undefined {
  const removed = new Set(project.removedOrphans?.map((container) => container.name));
  const kept = project.orphans.filter((name) => !removed.has(name));
  if (!kept.length) return undefined;
  return h('p', 'notice notice-warning orphans', icon('warning'), 'Orphan containers (their services are no longer in the file): ', h('span', 'names', kept.join(', ')));
}

function servicesTable(project: ComposeProjectPlan): HTMLTableElement {
  return h(
    'table',
    'steps services',
    h('caption', {}, screenReaderText(`Services of compose project ${project.project}`)),
    headerRow('service', 'action', 'why', 'containers'),
    h(
      'tbody',
      {},
      ...project.services.map((service) =>
        h(
          'tr',
          { attrs: { 'data-service': service.name } },
          h('td', 'service-name', service.name),
          h('td', 'service-action', actionBadge(service.action, SERVICE_ICON[service.action])),
          h('td', 'reason', service.reason ?? '—'),
          h(
            'td',
            'containers',
            service.waits?.length ? h('ul', { class: 'progress waits', attrs: { 'aria-label': `${service.name} waits for` } }, ...service.waits.map((line) => h('li', {}, icon('watch'), line))) : undefined,
            ...service.containers.map(containerBlock),
          ),
        ),
      ),
    ),
  );
}

function containerBlock(container: ComposeContainerPlan): HTMLDivElement {
  return h(
    'div',
    { class: 'container', attrs: { 'data-container': container.name } },
    h('div', 'container-head', h('span', 'container-name', container.name), actionBadge(container.action, CONTAINER_ICON[container.action])),
    container.progress.length ? h('ul', 'progress', ...container.progress.map((line) => h('li', {}, line))) : undefined,
  );
}

function actionBadge(action: string, glyph: string): HTMLSpanElement {
  return h('span', `badge compose-action compose-${action}`, icon(glyph), action);
}
