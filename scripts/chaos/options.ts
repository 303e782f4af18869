/** Command-line options of `npm run chaos`. */

export interface ChaosOptions {
  /** Scenario names to run; empty = all. */
  only: string[];
  burst: number;
  workers: number;
  pollMs: number;
  patients: number;
  /** Keep every process's log here (the temp dir is removed at the end otherwise). */
  logs?: string;
}

export const USAGE = `Usage: npm run chaos -- [--only a,b] [--burst 10000] [--workers 3] [--poll-ms 1000]
                        [--patients 200] [--logs DIR]`;

function positiveInt(flag: string, value: string | undefined, min = 1): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${flag} needs a whole number >= ${min}`);
  return n;
}

export function parseOptions(args: string[], known: string[]): ChaosOptions {
  const options: ChaosOptions = { only: [], burst: 10_000, workers: 3, pollMs: 1000, patients: 200 };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    const value = args[i + 1];
    switch (flag) {
      case '--only':
        options.only = (value ?? '').split(',').filter(Boolean);
        for (const name of options.only) {
          if (!known.includes(name)) throw new Error(`unknown scenario ${name}; known: ${known.join(', ')}`);
        }
        i++;
        break;
      case '--burst':
        options.burst = positiveInt(flag, value, 100);
        i++;
        break;
      case '--workers':
        options.workers = positiveInt(flag, value);
        i++;
        break;
      case '--poll-ms':
        options.pollMs = positiveInt(flag, value, 100);
        i++;
        break;
      case '--patients':
        options.patients = positiveInt(flag, value);
        i++;
        break;
      case '--logs':
        if (!value) throw new Error('--logs needs a directory');
        options.logs = value;
        i++;
        break;
      case '--help':
      case '-h':
        throw new Error(USAGE);
      default:
        throw new Error(`unknown option ${flag}\n${USAGE}`);
    }
  }
  return options;
}
