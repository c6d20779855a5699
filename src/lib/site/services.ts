import type { ProjectType } from '../../../fields/projectType'

/**
 * The three services the agency sells: their public address, the project type their
 * templates and prices are filed under, and the copy of their pages. Prices never live
 * here: they come from the `pricing` collection.
 */
export type ServiceSlug = 'sekolah' | 'berita' | 'company-profile'

export type Service = {
  slug: ServiceSlug
  projectType: ProjectType
  name: string
  /** One line for cards and the page's description. */
  tagline: string
  summary: string
  benefits: { title: string; text: string }[]
  faqs: { question: string; answer: string }[]
}

const paymentFaq = {
  question: 'Bagaimana cara membayarnya?',
  answer:
    'Setelah memesan, tagihan muncul di portal klien. Bayar dengan QRIS dari aplikasi bank atau dompet digital mana pun; status proyek langsung berubah begitu pembayaran diterima.',
}

export const SERVICES: readonly Service[] = [
  {
    slug: 'sekolah',
    projectType: 'sekolah',
    name: 'Website Sekolah',
    tagline: 'Website sekolah yang dipercaya orang tua dan memudahkan PPDB.',
    summary:
      'Profil sekolah, berita kegiatan, galeri prestasi, sampai PPDB online dalam satu situs yang mudah diperbarui oleh guru dan staf tata usaha.',
    benefits: [
      { title: 'PPDB online', text: 'Formulir pendaftaran siswa baru yang nyaman diisi dari ponsel, lengkap dengan pengumuman hasil seleksi.' },
      { title: 'Berita & agenda', text: 'Guru dan staf memperbarui berita kegiatan dan kalender akademik sendiri, tanpa menunggu teknisi.' },
      { title: 'Galeri prestasi', text: 'Prestasi siswa dan kegiatan ekstrakurikuler tampil rapi untuk membangun kepercayaan orang tua.' },
      { title: 'Domain .sch.id', text: 'Kami bantu pengurusan domain resmi sekolah sehingga alamat situs mudah diingat.' },
    ],
    faqs: [
      { question: 'Berapa lama website sekolah selesai?', answer: 'Umumnya dua sampai empat minggu sejak pembayaran diterima, tergantung paket dan kelengkapan materi dari sekolah.' },
      { question: 'Apakah guru bisa mengisi berita sendiri?', answer: 'Bisa. Setiap paket dilengkapi panel admin dan panduan singkat untuk staf sekolah.' },
      paymentFaq,
    ],
  },
  {
    slug: 'berita',
    projectType: 'berita',
    name: 'Portal Berita',
    tagline: 'Portal berita yang cepat dibuka, mudah ditemukan, dan siap menampung iklan.',
    summary:
      'Untuk media lokal dan redaksi daring: halaman ringan untuk pembaca ponsel, alur kerja redaksi dengan banyak penulis, dan struktur yang ramah mesin pencari.',
    benefits: [
      { title: 'Cepat di ponsel', text: 'Tata letak ringan dan gambar yang dioptimalkan agar pembaca tidak pergi sebelum berita terbuka.' },
      { title: 'Alur redaksi', text: 'Penulis menyimpan draf, editor meninjau dan menerbitkan; semua tercatat.' },
      { title: 'SEO berita', text: 'Judul, deskripsi, sitemap, dan data terstruktur disiapkan agar artikel mudah ditemukan.' },
      { title: 'Slot iklan', text: 'Posisi iklan yang rapi dan tidak mengganggu kenyamanan membaca.' },
    ],
    faqs: [
      { question: 'Bisakah redaksi kami memakai banyak akun penulis?', answer: 'Bisa. Paket Berita Pro dirancang untuk redaksi dengan banyak penulis dan editor.' },
      { question: 'Apakah artikel dari situs lama bisa dipindahkan?', answer: 'Bisa dibicarakan saat pemesanan; kami bantu memindahkan arsip artikel dari situs lama Anda.' },
      paymentFaq,
    ],
  },
  {
    slug: 'company-profile',
    projectType: 'company',
    name: 'Company Profile',
    tagline: 'Wajah digital perusahaan Anda: profesional, jelas, dan mudah dihubungi.',
    summary:
      'Perkenalkan perusahaan, layanan, dan portofolio Anda kepada calon klien dan mitra, dengan formulir kontak dan tombol WhatsApp yang siap menerima pertanyaan.',
    benefits: [
      { title: 'Tampil profesional', text: 'Desain bersih yang menyampaikan siapa Anda dan apa yang Anda tawarkan dalam beberapa detik.' },
      { title: 'Mudah dihubungi', text: 'Formulir kontak dan integrasi WhatsApp agar calon klien langsung bertanya.' },
      { title: 'Katalog & portofolio', text: 'Tampilkan produk, proyek, dan klien Anda dengan halaman yang mudah diperbarui.' },
      { title: 'Siap dwibahasa', text: 'Paket premium menyediakan versi bahasa Inggris untuk mitra dari luar negeri.' },
    ],
    faqs: [
      { question: 'Apakah saya bisa mengubah isi website sendiri?', answer: 'Bisa. Anda mendapat akses admin untuk memperbarui teks, gambar, dan artikel kapan saja.' },
      { question: 'Apa yang saya terima saat proyek selesai?', answer: 'Alamat situs dan akun admin diserahkan lewat portal klien setelah Anda menyetujui hasil akhirnya.' },
      paymentFaq,
    ],
  },
]

export function serviceBySlug(slug: string): Service | undefined {
  return SERVICES.find((service) => service.slug === slug)
}

export function serviceForProjectType(projectType: string | null | undefined): Service | undefined {
  return SERVICES.find((service) => service.projectType === projectType)
}
