import type { ReactNode } from 'react'

import { CheckCircleIcon } from './icons'

const PROMISES = ['Pantau status proyek dari pesanan sampai tayang', 'Bayar tagihan dengan QRIS dalam hitungan detik', 'Setujui hasil atau minta revisi dengan satu klik']

/** The account pages' frame: what the portal offers on the side, the form in front. */
export function AuthShell({ title, intro, children, footer }: { title: string; intro: ReactNode; children: ReactNode; footer?: ReactNode }) {
  return (
    <div className="auth">
      <aside className="auth__aside" aria-label="Keuntungan akun JasaWeb">
        <h2>Satu portal untuk seluruh proyek website Anda</h2>
        <ul>
          {PROMISES.map((promise) => (
            <li key={promise}>
              <CheckCircleIcon />
              <span>{promise}</span>
            </li>
          ))}
        </ul>
      </aside>
      <div className="auth__main">
        <div className="auth__panel">
          <h1>{title}</h1>
          <p>{intro}</p>
          <div className="auth__card">{children}</div>
          {footer && <p className="auth__switch">{footer}</p>}
        </div>
      </div>
    </div>
  )
}
