import { EmailForm, PasswordForm, ProfileForm } from '@/components/portal/AccountForms'
import { requireClient } from '@/lib/portal/requireClient'

export const metadata = { title: 'Akun Saya' }

export default async function AccountPage() {
  const { user } = await requireClient()
  return (
    <>
      <h1 className="portal__title">Akun Saya</h1>
      <div className="account-grid">
        <section className="card" aria-labelledby="profile-heading">
          <h2 id="profile-heading">Profil</h2>
          <ProfileForm name={user.name} phone={user.phone ?? ''} />
        </section>
        <section className="card" aria-labelledby="email-heading">
          <h2 id="email-heading">Email</h2>
          <EmailForm email={user.email} />
        </section>
        <section className="card" aria-labelledby="password-heading">
          <h2 id="password-heading">Kata sandi</h2>
          <PasswordForm />
        </section>
      </div>
    </>
  )
}
