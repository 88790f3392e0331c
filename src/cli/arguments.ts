import { parseArgs } from 'node:util';

export interface CliOptions {
  readonly config?: string;
  readonly out?: string;
  readonly outputs?: string;
  readonly help: boolean;
}

export class UsageError extends Error {}

export const USAGE = `Usage: npm run generate -- [--config FILE] [--out DIR] [--outputs FILE]

Renders the Terraform, the module, the runbooks and the policy files of a config.

  --config FILE   config file to render (default: the bundled example)
  --out DIR       folder to write; replaced as a whole on success (default: generated/)
  --outputs FILE  \`terraform output -json\` of the applied stack: fills in the real key ARN
  --help          show this text

Exit status: 0 written, 1 invalid config, 2 usage error.`;

export function parseArguments(argv: readonly string[]): CliOptions {
  try {
    const { values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        config: { type: 'string' },
        out: { type: 'string' },
        outputs: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    for (const name of ['config', 'out', 'outputs'] as const) {
      if (values[name] === '') throw new UsageError(`--${name} needs a value`);
    }
    return { ...values, help: values.help ?? false };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError((error as Error).message);
  }
}
