import type { Testimonial } from '../../../payload-types'
import { QuoteIcon } from './icons'

const initials = (name: string) =>
  name
    .replace(/^(dra?|drs|ir|prof|h|hj)\.\s*/i, '')
    .split(/\s+/)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('')

export function Testimonials({ items }: { items: Testimonial[] }) {
  return (
    <ul className="grid grid--3 plain-list" role="list">
      {items.map((item) => (
        <li key={item.id} className="card">
          <figure className="testimonial">
            <QuoteIcon />
            <blockquote>
              <p>{item.quote}</p>
            </blockquote>
            <figcaption>
              <span className="avatar" aria-hidden="true">
                {initials(item.name)}
              </span>
              <span className="testimonial__who">
                <strong>{item.name}</strong>
                <span>{[item.role, item.organization].filter(Boolean).join(', ')}</span>
              </span>
            </figcaption>
          </figure>
        </li>
      ))}
    </ul>
  )
}
