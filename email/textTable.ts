/**
 * A table as plain-text lines: each column padded to its widest cell, a dashed rule under
 * the header. Mail clients show the text part in a monospace font often enough for this to line up.
 */
export function textTable(columns: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = columns.map((column, index) => Math.max(column.length, ...rows.map((row) => (row[index] ?? '').length)))
  const line = (cells: readonly string[]) =>
    widths
      .map((width, index) => (index === widths.length - 1 ? (cells[index] ?? '') : (cells[index] ?? '').padEnd(width)))
      .join('  ')
      .trimEnd()
  return [line(columns), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)]
}
