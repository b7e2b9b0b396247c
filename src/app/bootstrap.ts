import type { AuthService } from '../auth/index.ts';
import type { Config } from '../config/index.ts';
import type { DemoSecrets } from './data-dir.ts';

/**
 * The first admin: from SIGHTLINE_ADMIN_EMAIL/PASSWORD when set, else (demo mode) the demo admin.
 * Returns the login to print, when there is one to print.
 */
export async function ensureFirstAdmin(
  auth: AuthService,
  config: Readonly<Config>,
  demo: DemoSecrets | undefined,
): Promise<{ email: string; password: string } | undefined> {
  const wanted =
    config.admin ?? (demo ? { email: demo.adminEmail, password: demo.adminPassword } : undefined);
  if (wanted && (await auth.countUsers()) === 0) {
    await auth.createUser({
      email: wanted.email,
      name: 'Administrator',
      role: 'admin',
      password: wanted.password,
    });
  }
  return demo && !config.admin ? { email: demo.adminEmail, password: demo.adminPassword } : undefined;
}
