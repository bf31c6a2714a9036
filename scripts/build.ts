import { relative } from 'node:path';
import { compile, DIST_DIR } from '../src/build/compile.ts';
import { runCommand } from '../src/cli/run.ts';

await runCommand(async () => {
  await compile();
  const dist = relative(process.cwd(), DIST_DIR) || '.';
  process.stdout.write(
    `Compiled src/ to ${dist}/: \`node ${dist}/main.js\` starts the bot as \`npm start\` does.\n`,
  );
});
