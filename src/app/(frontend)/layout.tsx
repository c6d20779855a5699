import type { Metadata } from 'next'
import React from 'react'

import './styles.css'

export const metadata: Metadata = {
  title: { default: 'JasaWeb — Jasa Pembuatan Website Sekolah, Berita & Company Profile', template: '%s — JasaWeb' },
  description: 'JasaWeb membangun website sekolah, portal berita dan company profile untuk bisnis Indonesia.',
}

export default function FrontendLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="id">
      <body>{children}</body>
    </html>
  )
}
