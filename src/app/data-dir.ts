import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Secrets Sightline generates for itself on first embedded start, kept in DATA_DIR with 0600
 * permissions: the master key (when SIGHTLINE_MASTER_KEY is unset) and demo-mode credentials.
 */
export function readOrCreateSecretFile<T extends object>(dataDir: string, name: string, create: () => T): T {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, name);
  if (fs.existsSync(file)) {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  }
  const value = create();
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  return value;
}

export interface DemoSecrets {
  appSecret: string;
  verifyToken: string;
  accessToken: string;
  adminEmail: string;
  adminPassword: string;
}

export const DEMO_NUMBER = {
  phoneNumberId: '100000000000001',
  displayPhoneNumber: '15550001234',
  wabaId: '100000000000002',
};

export function createDemoSecrets(): DemoSecrets {
  const token = () => randomBytes(24).toString('base64url');
  return {
    appSecret: token(),
    verifyToken: token(),
    accessToken: `EAAdemo${token()}`,
    adminEmail: 'admin@sightline.local',
    adminPassword: randomBytes(9).toString('base64url'),
  };
}

export function createMasterKeyFile(): { masterKey: string } {
  return { masterKey: randomBytes(32).toString('hex') };
}
