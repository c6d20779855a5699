import Link from 'next/link'

export default function InvoiceNotFound() {
  return (
    <div className="empty-state">
      <h1>Tagihan tidak ditemukan</h1>
      <p>Tagihan ini tidak ada, atau bukan milik akun Anda.</p>
      <Link className="button button--primary" href="/portal/tagihan">
        Kembali ke Tagihan
      </Link>
    </div>
  )
}
