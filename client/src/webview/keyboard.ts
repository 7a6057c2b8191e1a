/**
 * Arrow keys between object rows (Up/Down, Home/End), Right/Left to open/close a row's diff. Enter and
 * Space need nothing: row heads are real buttons.
 */

const ROW = '.row-head';

export function installRowNavigation(container: HTMLElement): void {
  container.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const row = event.target instanceof Element ? event.target.closest<HTMLElement>(ROW) : null;
    if (!row) return;
    const rows = [...container.querySelectorAll<HTMLElement>(ROW)];
    const index = rows.indexOf(row);
    const expanded = row.getAttribute('aria-expanded') === 'true';
    let next: HTMLElement | undefined;
    switch (event.key) {
      case 'ArrowDown':
        next = rows[index + 1];
        break;
      case 'ArrowUp':
        next = rows[index - 1];
        break;
      case 'Home':
        next = rows[0];
        break;
      case 'End':
        next = rows[rows.length - 1];
        break;
      case 'ArrowRight':
        if (!expanded) row.click();
        break;
      case 'ArrowLeft':
        if (expanded) row.click();
        break;
      default:
        return;
    }
    event.preventDefault();
    next?.focus();
  });
}
