import type { CollectionConfig } from 'payload'

import { adminOnly } from '../access/adminOnly'
import { nobody } from '../access/nobody'

/** Every Midtrans notification as received, verified or not, with what was done with it. */
export const PaymentEvents: CollectionConfig = {
  slug: 'payment-events',
  labels: { singular: 'Event Pembayaran', plural: 'Event Pembayaran' },
  admin: { useAsTitle: 'orderId', defaultColumns: ['orderId', 'transactionStatus', 'verified', 'result', 'createdAt'], group: 'Sistem' },
  defaultSort: '-createdAt',
  access: { read: adminOnly, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'orderId', type: 'text', index: true, maxLength: 100 },
    { name: 'transactionStatus', type: 'text', maxLength: 40 },
    { name: 'verified', type: 'checkbox', defaultValue: false },
    { name: 'result', type: 'text', required: true, maxLength: 200 },
    { name: 'invoice', type: 'relationship', relationTo: 'invoices', index: true },
    { name: 'raw', type: 'json', required: true },
  ],
}
