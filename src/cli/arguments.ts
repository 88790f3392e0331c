import { suggest } from '../config/check-schema';
import { inert, shown } from '../config/problems';

export interface CliOptions {
  readonly config?: string;
  readonly out?: string;
  readonly outputs?: string;
  readonly help: boolean;
}

/** Arguments or files that the command cannot use; each line is one problem. */
export class UsageError extends Error {
  constructor(
    readonly problems: readonly string[],
    /** Whether the usage line would help: the arguments themselves were wrong. */
    readonly showUsage = false,
  ) {
    super(problems.map(inert).join('\n'));
    this.name = 'UsageError';
  }
}

export const USAGE_LINE = 'Usage: npm run generate -- [--config FILE] [--out DIR] [--outputs FILE]';

export const USAGE = `${USAGE_LINE}

Renders the Terraform, the module, the runbooks and the policy files of a config.

  --config FILE   config file to render (default: the bundled example)
  --out DIR       folder to write; replaced as a whole on success (default: generated/)
  --outputs FILE  \`terraform output -json\` of the applied stack: fills in the real key ARN
  --help          show this text

Exit status: 0 written, 1 invalid config, 2 usage error, 3 internal error.`;

const VALUE_OPTIONS = { config: 'FILE', out: 'DIR', outputs: 'FILE' } as const;
type ValueOption = keyof typeof VALUE_OPTIONS;
const FLAGS = ['--config', '--out', '--outputs', '--help'];

/** Reads the command line; every problem in it is reported at once. */
export function parseArguments(argv: readonly string[]): CliOptions {
  const values: Partial<Record<ValueOption, string>> = {};
  const problems: string[] = [];
  let help = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    const match = /^--([^=]*)(?:=([\s\S]*))?$/.exec(arg);
    const name = match?.[1];
    if (!match || !isValueOption(name)) {
      problems.push(unknownArgument(arg, Boolean(match)));
      // `--confg x`: x is the misspelt option's value, not a second problem.
      if (match && match[2] === undefined && !argv[i + 1]?.startsWith('-')) i++;
      continue;
    }
    // A following option is not a value: `--config --out x` lacks the config.
    const next = argv[i + 1];
    const value = match[2] ?? (next !== undefined && !next.startsWith('-') ? argv[++i] : undefined);
    if (!value) problems.push(`--${name}: needs a value (--${name} ${VALUE_OPTIONS[name]})`);
    else if (values[name] !== undefined) problems.push(`--${name}: is given twice (give it once)`);
    else values[name] = value;
  }
  // Someone asking for help gets it, whatever else the line holds.
  if (problems.length > 0 && !help) throw new UsageError(problems, true);
  return { ...values, help };
}

function isValueOption(name: string | undefined): name is ValueOption {
  return name !== undefined && Object.hasOwn(VALUE_OPTIONS, name);
}

function unknownArgument(arg: string, looksLikeOption: boolean): string {
  if (!looksLikeOption) {
    return `${shown(arg)}: is not an option (name files with --config FILE, --out DIR or --outputs FILE)`;
  }
  const name = arg.split('=')[0];
  return `${name}: is not an option (${suggest(name, FLAGS, 'options')})`;
}
