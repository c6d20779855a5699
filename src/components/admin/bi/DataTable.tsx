export type TableData = { caption: string; columns: string[]; rows: (string | number)[][] }

/**
 * A chart's figures as text, behind a native disclosure: screen readers and anyone who wants
 * the exact numbers get them without hovering over the chart.
 */
export function DataTable({ caption, columns, rows }: TableData) {
  return (
    <details className="jw-bi__table">
      <summary>Tabel data: {caption}</summary>
      <div className="jw-live__scroll">
        <table>
          <caption className="jw-bi__sr-only">{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={index}>
                {row.map((cell, column) => (column === 0 ? <th key={column} scope="row">{cell}</th> : <td key={column}>{cell}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  )
}
