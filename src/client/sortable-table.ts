/**
 * Sorting for the region tables, as progressive enhancement: the server-rendered table is
 * complete and sorted by name; this turns each `th[data-sort]` into a button, keeps
 * `aria-sort` on the sorted column and announces the new order in the table's status
 * element. Text comes from the table's data attributes, so this file holds no language.
 * Rows are moved, never rebuilt, so no markup is ever parsed from strings.
 */

type Direction = 'ascending' | 'descending';

/** Enhances every `table[data-sortable]` under `root` once. */
export function enhanceSortableTables(root: ParentNode): void {
  for (const table of root.querySelectorAll<HTMLTableElement>('table[data-sortable]:not([data-sort-ready])')) {
    enhance(table);
  }
}

function enhance(table: HTMLTableElement): void {
  const headerRow = table.tHead?.rows[0];
  const body = table.tBodies[0];
  if (!headerRow || !body) return;
  table.dataset.sortReady = '';
  const container = table.closest('.kr-municipality-table') ?? table.parentElement!;
  container.querySelector<HTMLElement>('[data-sort-hint]')?.removeAttribute('hidden');
  const live = container.querySelector<HTMLElement>('[data-sort-live]');
  const collator = new Intl.Collator(document.documentElement.lang || 'nl', { numeric: true, sensitivity: 'base' });
  const headers = [...headerRow.cells];

  const sortBy = (index: number, direction: Direction) => {
    const header = headers[index]!;
    const numeric = header.dataset.sort === 'number';
    const key = (row: HTMLTableRowElement) => {
      const cell = row.cells[index];
      return cell?.dataset.sortValue ?? cell?.textContent?.trim() ?? '';
    };
    const sign = direction === 'ascending' ? 1 : -1;
    const rows = [...body.rows];
    // Ties keep the name order the page was built in (Array.prototype.sort is stable).
    const original = new Map(rows.map((row) => [row, Number(row.dataset.sortIndex)]));
    rows.sort((a, b) => {
      const order = numeric ? Number(key(a)) - Number(key(b)) : collator.compare(key(a), key(b));
      return sign * order || original.get(a)! - original.get(b)!;
    });
    body.append(...rows);
    for (const h of headers) h.removeAttribute('aria-sort');
    header.setAttribute('aria-sort', direction);
    if (live) {
      live.textContent = (table.dataset.sortStatus ?? '')
        .replace('{column}', header.textContent?.trim() ?? '')
        .replace('{direction}', (direction === 'ascending' ? table.dataset.sortAscending : table.dataset.sortDescending) ?? direction);
    }
  };

  [...body.rows].forEach((row, i) => (row.dataset.sortIndex = String(i)));
  headers.forEach((header, index) => {
    if (!header.dataset.sort) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'kr-sort-button';
    button.append(...header.childNodes);
    header.append(button);
    button.addEventListener('click', () => {
      const current = header.getAttribute('aria-sort');
      // Counts are compared biggest first; names A to Z. A second click reverses.
      const first: Direction = header.dataset.sort === 'number' ? 'descending' : 'ascending';
      sortBy(index, current === first ? (first === 'ascending' ? 'descending' : 'ascending') : first);
    });
  });
  // The page arrives sorted by its first column.
  headers[0]?.setAttribute('aria-sort', 'ascending');
}
