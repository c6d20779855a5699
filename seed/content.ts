import type { ProjectType } from '../fields/projectType'
import { richText } from './lexical'

/** Demo data: what a visitor, a client and an admin see on a fresh install. */

export const pricingTiers: { name: string; description: string; price: number; projectType: ProjectType; isPopular: boolean; features: string[] }[] = [
  { name: 'Sekolah Dasar', description: 'Profil sekolah, berita kegiatan dan galeri.', price: 2_500_000, projectType: 'sekolah', isPopular: false, features: ['5 halaman', 'Berita & pengumuman', 'Galeri foto', 'Domain .sch.id'] },
  { name: 'Sekolah Lengkap', description: 'Portal sekolah dengan PPDB online.', price: 5_500_000, projectType: 'sekolah', isPopular: true, features: ['Halaman tanpa batas', 'PPDB online', 'Agenda & kalender akademik', 'Akun guru'] },
  { name: 'Berita Starter', description: 'Portal berita untuk media lokal.', price: 4_000_000, projectType: 'berita', isPopular: false, features: ['Kategori & tag', 'SEO berita', 'Slot iklan'] },
  { name: 'Berita Pro', description: 'Redaksi multi-penulis dan alur editorial.', price: 9_000_000, projectType: 'berita', isPopular: true, features: ['Multi-penulis', 'Alur editor', 'Breaking news', 'Arsip cepat'] },
  { name: 'Company Profile', description: 'Wajah digital perusahaan Anda.', price: 3_500_000, projectType: 'company', isPopular: true, features: ['5 halaman', 'Formulir kontak', 'Integrasi WhatsApp'] },
  { name: 'Company Premium', description: 'Company profile dwibahasa dengan katalog.', price: 7_500_000, projectType: 'company', isPopular: false, features: ['Dwibahasa', 'Katalog produk', 'Blog perusahaan', 'Laporan analitik'] },
]

export const templates: { name: string; category: ProjectType; description: string; image: string; demoUrl: string }[] = [
  { name: 'Cendekia', category: 'sekolah', description: 'Tampilan bersih untuk SD dan SMP.', image: 'sekolah-cendekia.jpg', demoUrl: 'https://demo.jasaweb.id/cendekia' },
  { name: 'Nusantara', category: 'sekolah', description: 'Untuk SMA/SMK dengan PPDB online.', image: 'sekolah-nusantara.jpg', demoUrl: 'https://demo.jasaweb.id/nusantara' },
  { name: 'Kabar Kini', category: 'berita', description: 'Portal berita cepat dan padat.', image: 'berita-kabar.jpg', demoUrl: 'https://demo.jasaweb.id/kabar-kini' },
  { name: 'Warta Daerah', category: 'berita', description: 'Media lokal dengan rubrik daerah.', image: 'berita-warta.jpg', demoUrl: 'https://demo.jasaweb.id/warta-daerah' },
  { name: 'Karya Prima', category: 'company', description: 'Company profile korporat yang elegan.', image: 'company-karya.jpg', demoUrl: 'https://demo.jasaweb.id/karya-prima' },
  { name: 'Mitra Usaha', category: 'company', description: 'Untuk UMKM yang ingin tampil profesional.', image: 'company-mitra.jpg', demoUrl: 'https://demo.jasaweb.id/mitra-usaha' },
]

export const posts = [
  {
    title: 'Lima Hal yang Wajib Ada di Website Sekolah',
    excerpt: 'Dari profil sampai PPDB online: daftar periksa untuk website sekolah yang dipercaya orang tua.',
    content: richText([
      { paragraph: 'Orang tua calon siswa kini mencari informasi sekolah lewat internet. Website sekolah adalah kesan pertama.' },
      { heading: 'Yang perlu ada' },
      { list: ['Profil dan visi-misi', 'Berita kegiatan terbaru', 'Informasi PPDB', 'Kontak dan peta lokasi', 'Galeri prestasi'] },
      { paragraph: 'Dengan lima hal ini, website sekolah Anda sudah menjawab pertanyaan yang paling sering diajukan.' },
    ]),
  },
  {
    title: 'Mengapa Portal Berita Butuh Situs yang Cepat',
    excerpt: 'Pembaca berita pindah dalam tiga detik. Kecepatan adalah soal pendapatan iklan.',
    content: richText([
      { paragraph: 'Sebagian besar pembaca berita datang dari ponsel dan media sosial. Halaman yang lambat kehilangan mereka.' },
      { heading: 'Apa yang membuat situs berita cepat' },
      { list: ['Gambar yang dioptimalkan', 'Cache di tepi jaringan', 'Tata letak yang ringan'] },
    ]),
  },
  {
    title: 'Company Profile: Investasi, Bukan Biaya',
    excerpt: 'Calon mitra memeriksa website Anda sebelum membalas email Anda.',
    content: richText([
      { paragraph: 'Website company profile bekerja 24 jam memperkenalkan perusahaan Anda kepada calon klien dan mitra.' },
      { paragraph: 'Mulailah dengan halaman yang sedikit tetapi jelas: siapa Anda, apa layanan Anda, dan cara menghubungi Anda.' },
    ]),
  },
]

export const pages = [
  {
    title: 'Tentang Kami',
    slug: 'tentang-kami',
    content: richText([
      { paragraph: 'JasaWeb adalah agensi web yang membangun website untuk sekolah, media berita, dan perusahaan di seluruh Indonesia.' },
      { heading: 'Cara kami bekerja' },
      { list: ['Pesan paket dan bayar dengan QRIS', 'Kami bangun situs Anda', 'Anda review dan setujui', 'Situs tayang, akses diserahkan'] },
    ]),
  },
  {
    title: 'Kebijakan Privasi',
    slug: 'kebijakan-privasi',
    content: richText([{ paragraph: 'Kami hanya menyimpan data yang diperlukan untuk mengerjakan dan menagih proyek Anda, dan tidak membagikannya kepada pihak lain.' }]),
  },
]

export const testimonials: { name: string; role: string; organization: string; quote: string; projectType: ProjectType }[] = [
  {
    name: 'Dra. Sri Rahayu',
    role: 'Kepala Sekolah',
    organization: 'SD Harapan Bangsa',
    quote: 'Sejak punya website, pendaftaran siswa baru jauh lebih tertib. Orang tua bisa mendaftar dari rumah dan guru kami mengisi berita kegiatan sendiri.',
    projectType: 'sekolah',
  },
  {
    name: 'Sari Wulandari',
    role: 'Pemimpin Redaksi',
    organization: 'Kabar Kini',
    quote: 'Portal kami sekarang terbuka cepat di ponsel pembaca. Alur draf dan tinjauan editor membuat redaksi bekerja lebih rapi.',
    projectType: 'berita',
  },
  {
    name: 'Hendra Gunawan',
    role: 'Direktur',
    organization: 'CV Karya Prima Teknik',
    quote: 'Prosesnya jelas dari awal: bayar lewat QRIS, pantau progres di portal, lalu tinggal menyetujui hasil akhirnya. Calon klien kini menghubungi kami lewat website.',
    projectType: 'company',
  },
]
