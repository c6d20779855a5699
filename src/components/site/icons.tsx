import type { SVGProps } from 'react'

/** Small inline icons (stroke follows currentColor); decorative unless given a title by the caller. */
type IconProps = SVGProps<SVGSVGElement>

const base = (props: IconProps): IconProps => ({
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.8,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
  focusable: false,
  ...props,
})

export const SchoolIcon = (props: IconProps) => (
  <svg {...base(props)}>
    <path d="M3 10 12 5l9 5-9 5-9-5Z" />
    <path d="M7 12.2V17c0 1 2.2 2.5 5 2.5s5-1.5 5-2.5v-4.8" />
    <path d="M21 10v5" />
  </svg>
)

export const NewsIcon = (props: IconProps) => (
  <svg {...base(props)}>
    <path d="M5 5h12v14H6a1 1 0 0 1-1-1V5Z" />
    <path d="M17 9h2v9a1 1 0 0 1-1 1h-1" />
    <path d="M8 9h6M8 12.5h6M8 16h4" />
  </svg>
)

export const BuildingIcon = (props: IconProps) => (
  <svg {...base(props)}>
    <path d="M4 20V6l8-3v17" />
    <path d="M12 9h7a1 1 0 0 1 1 1v10" />
    <path d="M3 20h18M7.5 8h1M7.5 11.5h1M7.5 15h1M15.5 13h1M15.5 16.5h1" />
  </svg>
)

export const CheckIcon = (props: IconProps) => (
  <svg {...base(props)}>
    <path d="m5 12.5 4.2 4L19 7" />
  </svg>
)

export const CheckCircleIcon = (props: IconProps) => (
  <svg {...base(props)}>
    <circle cx="12" cy="12" r="9" />
    <path d="m8.2 12.3 2.6 2.5 5-5.3" />
  </svg>
)

export const ArrowRightIcon = (props: IconProps) => (
  <svg {...base({ width: 18, height: 18, ...props })}>
    <path d="M5 12h14M13 6l6 6-6 6" />
  </svg>
)

export const ExternalIcon = (props: IconProps) => (
  <svg {...base({ width: 16, height: 16, ...props })}>
    <path d="M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5" />
  </svg>
)

export const QuoteIcon = (props: IconProps) => (
  <svg viewBox="0 0 32 32" fill="currentColor" aria-hidden focusable={false} {...props}>
    <path d="M13 7C7.6 8.6 4 12.8 4 18.4 4 22.5 6.5 25 9.8 25c2.9 0 5-2.1 5-4.9 0-2.7-1.9-4.6-4.5-4.6-.5 0-1 .1-1.3.2.6-2.9 3.1-5.4 6-6.5L13 7Zm14 0c-5.4 1.6-9 5.8-9 11.4 0 4.1 2.5 6.6 5.8 6.6 2.9 0 5-2.1 5-4.9 0-2.7-1.9-4.6-4.5-4.6-.5 0-1 .1-1.3.2.6-2.9 3.1-5.4 6-6.5L27 7Z" />
  </svg>
)

export const MenuIcon = (props: IconProps) => (
  <svg {...base(props)}>
    <path d="M4 7h16M4 12h16M4 17h16" />
  </svg>
)

export const CloseIcon = (props: IconProps) => (
  <svg {...base(props)}>
    <path d="M6 6l12 12M18 6 6 18" />
  </svg>
)

export const AlertIcon = (props: IconProps) => (
  <svg {...base({ width: 18, height: 18, ...props })}>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 7.5v5.5M12 16.5h.01" />
  </svg>
)

export function ServiceIcon({ projectType, ...props }: IconProps & { projectType: string }) {
  if (projectType === 'sekolah') return <SchoolIcon {...props} />
  if (projectType === 'berita') return <NewsIcon {...props} />
  return <BuildingIcon {...props} />
}

/** The JasaWeb mark: a browser window with a check. */
export const BrandMark = (props: IconProps) => (
  <svg viewBox="0 0 36 36" aria-hidden focusable={false} {...props}>
    <rect width="36" height="36" rx="10" fill="#1d4ed8" />
    <rect x="7" y="9" width="22" height="18" rx="3" fill="none" stroke="#fff" strokeWidth="2.2" />
    <path d="M7 14h22" stroke="#fff" strokeWidth="2.2" />
    <path d="m13 20.5 3 3 6.5-6.5" fill="none" stroke="#fbbf24" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
)
