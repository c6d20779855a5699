import type { Metadata } from 'next'

import { NotFoundContent } from '@/components/site/NotFoundContent'

export const metadata: Metadata = { title: 'Halaman tidak ditemukan', robots: { index: false } }

export default function NotFound() {
  return <NotFoundContent />
}
