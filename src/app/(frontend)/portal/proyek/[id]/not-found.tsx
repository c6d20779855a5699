import Link from 'next/link'

export default function ProjectNotFound() {
  return (
    <div className="empty-state">
      <h1>Proyek tidak ditemukan</h1>
      <p>Proyek ini tidak ada, atau bukan milik akun Anda.</p>
      <Link className="button button--primary" href="/portal/proyek">
        Kembali ke Web Saya
      </Link>
    </div>
  )
}
