import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { adminOnly } from '../access/adminOnly'
import { payInvoiceEndpoint } from '../endpoints/payInvoice'
import { recheckPaymentEndpoint } from '../endpoints/recheckPayment'
import { simulatePaymentEndpoint } from '../endpoints/simulatePayment'
import { invoiceOwnerOrAdmin } from '../access/invoiceOwnerOrAdmin'
import { validateRupiah } from '../fields/validators'
import { auditHooks } from '../hooks/recordAudit'
import { biInvalidationHooks } from '../bi/invalidateOnChange'
import { INVOICE_STATUSES, newInvoiceNumber } from '../invoices/invoiceNumber'
import type { Invoice } from '../payload-types'
import { onInvoicesPaid } from '../payments/onInvoicePaid'
import { notifyPaymentUpdate } from '../realtime/notifyPaymentUpdate'

const assignNumber: CollectionBeforeChangeHook<Invoice> = ({ data, operation, originalDoc }) => {
  if (operation === 'create') return { ...data, number: newInvoiceNumber() }
  return { ...data, number: originalDoc?.number }
}

/** An invoice that becomes paid gets its paidAt, whoever marks it (an admin may do it by hand). */
const stampPaidAt: CollectionBeforeChangeHook<Invoice> = ({ data, originalDoc }) => {
  if (data.status === 'paid' && originalDoc?.status !== 'paid' && !data.paidAt) return { ...data, paidAt: new Date().toISOString() }
  return data
}

const runPaidSideEffects: CollectionAfterChangeHook<Invoice> = async ({ doc, previousDoc, req, context }) => {
  if (doc.status === 'paid' && previousDoc?.status !== 'paid') await onInvoicesPaid(req, [{ invoice: doc, late: context.paidLate === true }])
  return doc
}

export const Invoices: CollectionConfig = {
  slug: 'invoices',
  labels: { singular: 'Tagihan', plural: 'Tagihan' },
  admin: {
    useAsTitle: 'number',
    defaultColumns: ['number', 'project', 'amount', 'status', 'dueDate'],
    group: 'Klien & Proyek',
  },
  access: {
    read: invoiceOwnerOrAdmin,
    create: adminOnly,
    update: adminOnly,
    delete: adminOnly,
  },
  endpoints: [payInvoiceEndpoint, simulatePaymentEndpoint, recheckPaymentEndpoint],
  hooks: {
    beforeChange: [assignNumber, stampPaidAt],
    afterChange: [runPaidSideEffects, notifyPaymentUpdate, ...auditHooks.afterChange, ...biInvalidationHooks.afterChange],
    afterDelete: [...auditHooks.afterDelete, ...biInvalidationHooks.afterDelete],
  },
  fields: [
    { name: 'number', type: 'text', unique: true, index: true, admin: { readOnly: true, position: 'sidebar' } },
    { name: 'project', type: 'relationship', relationTo: 'projects', required: true, index: true },
    {
      name: 'amount',
      type: 'number',
      required: true,
      min: 0,
      validate: validateRupiah,
      admin: { description: 'Rupiah, bilangan bulat.' },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'unpaid',
      options: INVOICE_STATUSES.map((value) => ({ label: value, value })),
      admin: { position: 'sidebar' },
    },
    { name: 'dueDate', type: 'date', required: true, admin: { position: 'sidebar' } },
    { name: 'paidAt', type: 'date', index: true, admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } },
    {
      // Reminder stages already emailed (days to the due date, negative once overdue): each goes out once.
      name: 'remindersSent',
      type: 'json',
      access: { create: () => false, update: () => false },
      admin: { readOnly: true, position: 'sidebar', description: 'Pengingat terkirim (hari terhadap jatuh tempo).' },
    },
    {
      name: 'recheckPayment',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/src/components/admin/RecheckPaymentButton#RecheckPaymentButton' } },
    },
    {
      name: 'paymentAttempts',
      type: 'array',
      admin: { readOnly: true, initCollapsed: true, description: 'Percobaan pembayaran QRIS melalui Midtrans.' },
      fields: [
        { name: 'orderId', type: 'text', required: true, maxLength: 50, unique: true, index: true },
        { name: 'transactionId', type: 'text', maxLength: 100 },
        { name: 'qrString', type: 'textarea', maxLength: 4000 },
        { name: 'qrUrl', type: 'text', maxLength: 2048 },
        { name: 'expiresAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'midtransStatus', type: 'text', maxLength: 40 },
        { name: 'createdAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
      ],
    },
    {
      // Midtrans notifications about this invoice, newest first (read access: admins only).
      name: 'paymentEvents',
      type: 'join',
      collection: 'payment-events',
      on: 'invoice',
      defaultSort: '-createdAt',
      admin: { allowCreate: false, defaultColumns: ['orderId', 'transactionStatus', 'verified', 'result', 'createdAt'] },
    },
  ],
}
