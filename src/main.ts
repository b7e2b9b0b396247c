import { ensureFirstAdmin } from './app/bootstrap.ts';
import { createMasterKeyFile, readOrCreateSecretFile } from './app/data-dir.ts';
import { createRuntime, type Role } from './app/runtime.ts';
import { type Config, ConfigError, loadConfig } from './config/index.ts';
import { createLogger } from './kernel/index.ts';

/** Loads config (exiting with one line per bad variable), builds the runtime and serves until a signal. */
export async function serve(role: Role, env: Record<string, string | undefined>): Promise<void> {
  const config = loadOrExit(env);
  const logger = createLogger(config.logLevel);
  if (config.database.kind === 'sqlite' && !config.masterKeyHex) {
    readOrCreateSecretFile(config.dataDir, 'master-key.json', createMasterKeyFile);
  }
  const runtime = await createRuntime({ config, logger, role });
  const login = await ensureFirstAdmin(runtime.auth, config, runtime.demo?.secrets);
  const url = await runtime.start();
  printBanner(config, role, url, login);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await runtime.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

export function loadOrExit(env: Record<string, string | undefined>): Readonly<Config> {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const problem of error.problems) {
        process.stderr.write(`sightline: configuration error: ${problem}\n`);
      }
      process.exit(78);
    }
    throw error;
  }
}

function printBanner(
  config: Readonly<Config>,
  role: Role,
  url: string,
  login: { email: string; password: string } | undefined,
) {
  const lines = [
    '',
    `  Sightline is running (${role === 'all' ? 'api + worker' : role}, ${config.database.kind === 'sqlite' ? 'embedded SQLite' : 'PostgreSQL'}).`,
  ];
  if (role !== 'worker') {
    lines.push(`  Dashboard and API:  ${url}/`, `  OpenAPI:            ${url}/api/openapi.json`);
  }
  if (config.whatsapp.mode === 'demo') {
    lines.push(
      '  WhatsApp:           demo mode (built-in simulator; set WHATSAPP_* variables to connect Meta)',
    );
    lines.push(`  Customer phone:     ${url}/phone`);
  } else {
    lines.push(`  Webhook for Meta:   ${url}/webhooks/whatsapp`);
  }
  if (login) {
    lines.push(`  Demo login:         ${login.email} / ${login.password}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}
