/** A filled-in /daftar form, as the browser submits it; override the fields a test is about. */
export function registrationForm(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    name: 'Rina Marlina',
    email: 'rina@smkmaju.sch.id',
    phone: '+62 811 2222 3333',
    password: 'rahasia-123',
    confirmPassword: 'rahasia-123',
    terms: 'on',
    ...overrides,
  }
}
