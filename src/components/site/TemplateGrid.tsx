import Link from 'next/link'

import { populatedMedia } from '@/lib/site/media'
import { servicePath } from '@/lib/site/paths'
import { serviceForProjectType } from '@/lib/site/services'

import type { Template } from '../../../payload-types'
import { EmptyState } from './EmptyState'
import { ExternalIcon } from './icons'
import { MediaImage } from './MediaImage'

export function TemplateGrid({ templates, emptyText = 'Template untuk kategori ini sedang kami siapkan.' }: { templates: Template[]; emptyText?: string }) {
  if (templates.length === 0) {
    return (
      <EmptyState title="Belum ada template">
        <p>{emptyText}</p>
        <p>
          <Link href="/template">Lihat semua template</Link>
        </p>
      </EmptyState>
    )
  }
  return (
    <ul className="grid grid--3 plain-list" role="list">
      {templates.map((template) => {
        const service = serviceForProjectType(template.category)
        return (
          <li key={template.id} className="card template-card">
            <div className="template-card__image">
              <MediaImage media={populatedMedia(template.image)} alt={`Tampilan template ${template.name}`} sizes="(min-width: 1160px) 360px, (min-width: 700px) 50vw, 100vw" />
            </div>
            <div className="template-card__body">
              {service && (
                <Link href={servicePath(service.slug)} className="tag">
                  {service.name}
                </Link>
              )}
              <h3>{template.name}</h3>
              {template.description && <p>{template.description}</p>}
              <div className="template-card__actions">
                <a href={template.demoUrl} className="button button--secondary button--small" target="_blank" rel="noopener noreferrer">
                  Lihat demo <ExternalIcon />
                  <span className="visually-hidden">{template.name} (membuka tab baru)</span>
                </a>
              </div>
            </div>
          </li>
        )
      })}
    </ul>
  )
}
