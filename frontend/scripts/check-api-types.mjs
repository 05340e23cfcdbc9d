// Fails when src/api/schema.gen.ts is stale with respect to ../openapi/openapi.json.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const spec = resolve(root, '../openapi/openapi.json');
const committed = resolve(root, 'src/api/schema.gen.ts');
if (!existsSync(spec)) {
  console.error(`${spec} is missing: run \`thidua openapi\` (make openapi) first.`);
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'thidua-api-types-'));
const fresh = join(dir, 'schema.gen.ts');
try {
  execFileSync(
    process.execPath,
    [resolve(root, 'node_modules/openapi-typescript/bin/cli.js'), spec, '-o', fresh],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const a = readFileSync(committed, 'utf8');
  const b = readFileSync(fresh, 'utf8');
  if (a !== b) {
    console.error(
      'src/api/schema.gen.ts is stale: it differs from what openapi/openapi.json generates.\n' +
        'Run `npm run gen:api` in frontend/ and commit the result.',
    );
    process.exitCode = 1;
  } else {
    console.log('src/api/schema.gen.ts is up to date with openapi/openapi.json.');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
