'use client'

export default function PortalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="empty-state" role="alert">
      <h1>Halaman ini gagal dimuat</h1>
      <p>Maaf, terjadi kesalahan di server kami. Coba muat ulang; bila terus terjadi, hubungi kami.</p>
      <button type="button" className="button button--primary" onClick={() => reset()}>
        Coba lagi
      </button>
    </div>
  )
}
