import Link from 'next/link'

/** Page links: previous, numbers, next. The current page is marked for screen readers too. */
export function Pagination({ page, totalPages, hrefFor, label }: { page: number; totalPages: number; hrefFor: (page: number) => string; label: string }) {
  if (totalPages <= 1) return null
  const pages = Array.from({ length: totalPages }, (_, index) => index + 1)
  return (
    <nav aria-label={label}>
      <ul className="pagination">
        <li>
          {page > 1 ? (
            <Link href={hrefFor(page - 1)} rel="prev">
              ← Sebelumnya
            </Link>
          ) : (
            <span className="is-disabled" aria-disabled="true">
              ← Sebelumnya
            </span>
          )}
        </li>
        {pages.map((number) => (
          <li key={number}>
            {number === page ? (
              <span aria-current="page">
                <span className="visually-hidden">Halaman </span>
                {number}
              </span>
            ) : (
              <Link href={hrefFor(number)}>
                <span className="visually-hidden">Halaman </span>
                {number}
              </Link>
            )}
          </li>
        ))}
        <li>
          {page < totalPages ? (
            <Link href={hrefFor(page + 1)} rel="next">
              Berikutnya →
            </Link>
          ) : (
            <span className="is-disabled" aria-disabled="true">
              Berikutnya →
            </span>
          )}
        </li>
      </ul>
    </nav>
  )
}
