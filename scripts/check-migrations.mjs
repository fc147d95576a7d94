// Fails when the Drizzle schema and the committed SQL migrations disagree: it regenerates the
// migrations and looks for any change in the migrations folder.
import { execSync } from 'node:child_process';

const dir = 'src/server/db/migrations';
const out = execSync('npx drizzle-kit generate', { encoding: 'utf8' });
const changed = execSync(`git status --porcelain -- ${dir}`, { encoding: 'utf8' }).trim();
if (changed) {
  console.error(out);
  console.error(`The schema and the committed migrations disagree. drizzle-kit generated:\n${changed}\nRun \`npm run db:generate\` and commit the migration.`);
  process.exit(1);
}
console.log('migrations match the schema');
