'use client'

import { useEffect } from 'react'

/**
 * Since Next 16.3 a page that calls notFound() at run time is served in Next's error shell,
 * `<html id="__next_error__">` without our layout's `lang` (vercel/next.js#97514), and the
 * page is then drawn in the browser. Screen readers read the live document: give it back
 * its language.
 */
export function DocumentLanguage({ lang }: { lang: string }) {
  useEffect(() => {
    if (!document.documentElement.lang) document.documentElement.lang = lang
  }, [lang])
  return null
}
