import { classify } from './src/triage';
console.log(JSON.stringify(classify(process.argv[2]), null, 1));
