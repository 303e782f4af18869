import { runTriageCli } from './src/triage/cli';
runTriageCli(['/tmp/in.jsonl'], process.stdout).then((c) => console.log('exit', c));
