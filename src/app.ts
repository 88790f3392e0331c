import { readFileSync } from 'node:fs';
import { App } from 'cdktf';
import { loadConfig } from './config/load';
import { ConfigError } from './config/problems';
import { EXAMPLE_CONFIG } from './synth/paths';
import { addStacks } from './synth/terraform-json';

/**
 * The app that `cdktf synth` runs. It reads the config named by
 * TELEPORT_RECORDINGS_CONFIG, or the bundled example.
 */
function main(): void {
  const configPath = process.env.TELEPORT_RECORDINGS_CONFIG || EXAMPLE_CONFIG;
  let bytes: Buffer;
  try {
    bytes = readFileSync(configPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    process.stderr.write(`TELEPORT_RECORDINGS_CONFIG: cannot read ${configPath} (${code})\n`);
    process.exitCode = 2;
    return;
  }
  try {
    // Stack traces in construct metadata cost time and appear in no Terraform file.
    const app = new App({ stackTraces: false });
    addStacks(app, loadConfig(bytes));
    app.synth();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  }
}

main();
