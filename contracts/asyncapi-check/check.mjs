// Runs the official AsyncAPI parser on each file given (or each *.asyncapi.yaml under the folders given) and exits
// non-zero when any document has a diagnostic of severity error.
import { Parser, DiagnosticSeverity } from '@asyncapi/parser';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function files(args) {
  return args.flatMap((a) => statSync(a).isDirectory()
    ? readdirSync(a, { recursive: true }).map((f) => join(a, f)).filter((f) => f.endsWith('.asyncapi.yaml'))
    : [a]).sort();
}

const parser = new Parser();
let failed = 0;
const documents = files(process.argv.slice(2));
for (const file of documents) {
  const { diagnostics } = await parser.parse(readFileSync(file, 'utf8'), { source: file });
  const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
  for (const d of errors) {
    console.error(`${file}: /${d.path.join('/')}: ${d.message}`);
  }
  const warnings = diagnostics.length - errors.length;
  console.log(`${file}: ${errors.length} errors, ${warnings} other diagnostics`);
  failed += errors.length;
}
if (documents.length === 0) {
  console.error('no AsyncAPI documents found');
  process.exit(2);
}
process.exit(failed === 0 ? 0 : 1);
