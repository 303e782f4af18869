/**
 * Command-line entry point: `tsx src/cli.ts COMMAND [args]`. Each command lives in its feature;
 * this file only dispatches, so `npm run -s triage -- FILE` and `npm run -s draft -- FILE` stay thin.
 */
import { runDraftCli } from './drafting/cli';
import { runTriageCli } from './triage/cli';

const commands: Record<string, (args: string[]) => Promise<number>> = {
  triage: (args) => runTriageCli(args, process.stdout),
  draft: (args) => runDraftCli(args, process.stdout, process.env),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    console.error(`usage: cli <${Object.keys(commands).join('|')}> FILE.jsonl`);
    return 2;
  }
  return command(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
