import { parseArgs } from 'node:util';
import { resolveMasterKeyHex } from './app/index.ts';
import { createAuditLog } from './audit/index.ts';
import { createAuthService, createSecretBox, ROLES, type Role as UserRole } from './auth/index.ts';
import { parseMasterKey } from './blobs/index.ts';
import { readEnvironment } from './config/index.ts';
import { systemClock } from './kernel/index.ts';
import { loadOrExit, serve } from './main.ts';
import { migrateToLatest, openStore } from './store/index.ts';

const USAGE = `Usage: sightline <command> [options]

  serve [--role all|api|worker]   Serve the API and dashboard and/or run background jobs (default: all)
  worker                          Same as: serve --role worker
  migrate                         Bring the database schema up to date and exit
  user create --email E --name N --role R --password P
                                  Create a user (roles: ${ROLES.join(', ')})
  token create --role R [--name N]
                                  Create an API token and print it once
  audit verify                    Walk the audit trail's hash chain; exit 1 if an entry was edited or deleted
`;

async function main(argv: string[]): Promise<void> {
  const [command, sub, ...rest] = argv;
  const env = readEnvironment();
  switch (command) {
    case 'serve':
    case 'start': {
      const { values } = parseArgs({
        args: [sub, ...rest].filter((a): a is string => a !== undefined),
        options: { role: { type: 'string', default: 'all' } },
      });
      const role = values.role;
      if (role !== 'all' && role !== 'api' && role !== 'worker') {
        fail(`--role must be all, api or worker (got ${role})`);
      }
      return serve(role, env);
    }
    case 'worker':
      return serve('worker', env);
    case 'migrate': {
      const config = loadOrExit(env);
      const store = await openStore(config.database, { migrate: false });
      const applied = await migrateToLatest(store.db, store.dialect);
      process.stdout.write(
        applied.length > 0 ? `Applied: ${applied.join(', ')}\n` : 'The schema is up to date.\n',
      );
      return store.destroy();
    }
    case 'user':
    case 'token':
      return manageAccess(command, sub, rest, env);
    case 'audit':
      return verifyAudit(sub, env);
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(USAGE);
      return;
    default:
      fail(`unknown command "${command}"\n\n${USAGE}`);
  }
}

async function manageAccess(
  command: 'user' | 'token',
  sub: string | undefined,
  args: string[],
  env: NodeJS.ProcessEnv,
) {
  if (sub !== 'create') {
    fail(`usage: sightline ${command} create …\n\n${USAGE}`);
  }
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
    },
  });
  const role = values.role as UserRole | undefined;
  if (!role || !ROLES.includes(role)) {
    fail(`--role must be one of ${ROLES.join(', ')}`);
  }
  const config = loadOrExit(env);
  const store = await openStore(config.database);
  const auth = createAuthService({
    db: store.db,
    clock: systemClock,
    bootstrapToken: undefined,
    secrets: createSecretBox(parseMasterKey(resolveMasterKeyHex(config)), 'totp'),
  });
  try {
    if (command === 'token') {
      const { token } = await auth.tokens.create({
        name: values.name ?? `${role} token`,
        role,
        userId: null,
      });
      process.stdout.write(`${token}\n`);
    } else {
      if (!values.email || !values.name || !values.password) {
        fail('user create needs --email, --name, --role and --password');
      }
      const user = await auth.createUser({
        email: values.email,
        name: values.name,
        role,
        password: values.password,
      });
      process.stdout.write(`Created ${user.role} ${user.email} (${user.id})\n`);
    }
  } finally {
    await store.destroy();
  }
}

async function verifyAudit(sub: string | undefined, env: NodeJS.ProcessEnv) {
  if (sub !== 'verify') {
    fail(`usage: sightline audit verify\n\n${USAGE}`);
  }
  const config = loadOrExit(env);
  const store = await openStore(config.database);
  try {
    const verdict = await createAuditLog({
      db: store.db,
      dialect: store.dialect,
      clock: systemClock,
    }).verify();
    if (verdict.ok) {
      process.stdout.write(`Audit chain intact: ${verdict.checked} entries, head #${verdict.headId}.\n`);
    } else {
      process.stdout.write(
        `Audit chain BROKEN at entry #${verdict.firstBroken.id} (${verdict.firstBroken.reason}); ` +
          `${verdict.checked} entries verified before it.\n`,
      );
      process.exitCode = 1;
    }
  } finally {
    await store.destroy();
  }
}

function fail(message: string): never {
  process.stderr.write(`sightline: ${message}\n`);
  process.exit(2);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`sightline: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
