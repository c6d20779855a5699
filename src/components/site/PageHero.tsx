import Link from 'next/link'
import type { ReactNode } from 'react'

export type Crumb = { href?: string; label: string }

export function Breadcrumb({ items }: { items: Crumb[] }) {
  return (
    <nav className="breadcrumb" aria-label="Jejak halaman">
      <ol>
        <li>
          <Link href="/">Beranda</Link>
        </li>
        {items.map((item) => (
          <li key={item.label}>{item.href ? <Link href={item.href}>{item.label}</Link> : <span aria-current="page">{item.label}</span>}</li>
        ))}
      </ol>
    </nav>
  )
}

/** The top of an inner page: breadcrumb, title, lead, optional actions. */
export function PageHero({ title, lead, crumbs, eyebrow, children }: { title: string; lead?: string; crumbs: Crumb[]; eyebrow?: string; children?: ReactNode }) {
  return (
    <header className="page-hero">
      <div className="container">
        <Breadcrumb items={crumbs} />
        {eyebrow && <span className="eyebrow">{eyebrow}</span>}
        <h1>{title}</h1>
        {lead && <p className="lead">{lead}</p>}
        {children}
      </div>
    </header>
  )
}
