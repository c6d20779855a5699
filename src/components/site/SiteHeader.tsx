'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { useState } from 'react'

import { isCurrentSection, MAIN_NAV } from '@/lib/site/navigation'

import { AccountLinks } from './AccountLinks'
import { BrandMark, CloseIcon, MenuIcon } from './icons'
import { useSessionUser } from './useSessionUser'

export function Brand() {
  return (
    <Link href="/" className="brand" aria-label="JasaWeb, ke beranda">
      <BrandMark className="brand__mark" />
      <span>
        Jasa<span className="brand__accent">Web</span>
      </span>
    </Link>
  )
}

export function SiteHeader() {
  const pathname = usePathname() ?? '/'
  const [menuOpen, setMenuOpen] = useState(false)
  const [session, setSessionUser] = useSessionUser()
  const closeMenu = () => setMenuOpen(false)
  const links = (className: string) =>
    MAIN_NAV.map((item) => (
      <li key={item.href}>
        <Link href={item.href} className={className} aria-current={isCurrentSection(pathname, item.href) ? 'page' : undefined} onClick={closeMenu}>
          {item.label}
        </Link>
      </li>
    ))

  return (
    <header className="site-header" onKeyDown={(event) => event.key === 'Escape' && closeMenu()}>
      <div className="container site-header__bar">
        <Brand />
        <nav className="site-nav" aria-label="Navigasi utama">
          <ul className="site-nav__list">{links('site-nav__link')}</ul>
        </nav>
        <div className="site-header__desktop-account">
          <AccountLinks session={session} onLogout={() => setSessionUser(null)} />
        </div>
        <button type="button" className="menu-toggle" aria-expanded={menuOpen} aria-controls="menu-ponsel" onClick={() => setMenuOpen((open) => !open)}>
          {menuOpen ? <CloseIcon /> : <MenuIcon />}
          <span>Menu</span>
        </button>
      </div>
      <div id="menu-ponsel" className="mobile-menu" hidden={!menuOpen}>
        <div className="container">
          <nav aria-label="Navigasi ponsel">
            <ul className="mobile-menu__list">{links('')}</ul>
          </nav>
          <AccountLinks
            session={session}
            onLogout={() => {
              closeMenu()
              setSessionUser(null)
            }}
          />
        </div>
      </div>
    </header>
  )
}
