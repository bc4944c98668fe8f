#!/usr/bin/env node
// `npm run lint:electron`: runs Electronegativity over the sources and gates on its findings.
//  - fails on any HIGH or MEDIUM finding: fix it, or justify it on the flagged line with
//    `// eng-disable CHECK_ID: why this is safe` (Electronegativity then skips it);
//  - fails on any `eng-disable` comment that gives no reason, and on files it could not parse;
//  - writes every finding to a CSV report.
// Electronegativity runs through its library API, not its CLI: the CLI writes its CSV header and
// rows with two racing asynchronous writes, which can overwrite the first findings (seen here), so a
// gate reading that file could miss a MEDIUM finding.
// Usage: node scripts/check-electronegativity.mjs [--input src] [--electron <version>] [--output test-output/electronegativity.csv]
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import console from 'node:console';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

const BLOCKING = new Set(['HIGH', 'MEDIUM']);
/** Shorter than this is not a reason ("ok", "fine", "safe"). */
const MIN_REASON_LENGTH = 15;

function csvField(value) {
  return `"${String(value ?? '')
    .replace(/"/g, '""')
    .replace(/\r?\n/g, ' ')}"`;
}

/** Findings as CSV (the same columns as Electronegativity's own report). */
export function findingsCsv(issues) {
  const lines = ['issue,severity,confidence,filename,location,sample,description,url'];
  for (const issue of issues) {
    lines.push(
      [
        issue.id,
        issue.severity?.name,
        issue.confidence?.name,
        issue.file,
        `${issue.location?.line ?? ''}:${issue.location?.column ?? ''}`,
        issue.sample,
        issue.description,
        `https://github.com/doyensec/electronegativity/wiki/${issue.id}`,
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

const ENG_DISABLE = /(?:\/\/|\/\*|<!--)[ \t]*eng-disable[ \t]+([\w \t]+)(.*)$/;

/** `eng-disable` comments without a reason: `[{ file, line, text }]`. */
export function unjustifiedExceptions(files) {
  const problems = [];
  for (const { file, text } of files) {
    text.split(/\r?\n/).forEach((lineText, index) => {
      const match = ENG_DISABLE.exec(lineText);
      if (!match) return;
      const reason = (match[2] ?? '')
        .replace(/\*\/|-->|\}/g, '')
        .replace(/^[\s:–—-]+/, '')
        .trim();
      if (reason.length < MIN_REASON_LENGTH) problems.push({ file, line: index + 1, text: lineText.trim() });
    });
  }
  return problems;
}

function sourceFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(?:[cm]?[jt]sx?|html)$/.test(name)) out.push(path);
  }
  return out;
}

function option(args, name, fallback) {
  const index = args.indexOf(name);
  return index >= 0 && args[index + 1] !== undefined ? args[index + 1] : fallback;
}

function electronVersionFromPackage() {
  const pkg = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'package.json'), 'utf8'));
  const range = pkg.devDependencies?.electron ?? pkg.dependencies?.electron;
  const version = typeof range === 'string' ? /\d+\.\d+\.\d+/.exec(range)?.[0] : undefined;
  if (!version) throw new Error('No Electron version in package.json');
  return version;
}

async function main() {
  const args = process.argv.slice(2);
  const input = option(args, '--input', 'src');
  const output = option(args, '--output', 'test-output/electronegativity.csv');
  const electronVersion = option(args, '--electron', electronVersionFromPackage());
  if (!existsSync(input)) {
    console.error(`No sources at ${input}`);
    return 2;
  }

  const run = require('@doyensec/electronegativity');
  const result = await run(
    { input, isRelative: true, electronVersionOverride: electronVersion, customScan: [], excludeFromScan: [] },
    false,
  );
  const issues = result.issues ?? [];
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, findingsCsv(issues));

  const blocking = issues.filter((issue) => BLOCKING.has(String(issue.severity?.name).toUpperCase()));
  const parseErrors = (result.errors ?? []).filter((error) => !error.tolerable);
  const exceptions = unjustifiedExceptions(
    sourceFiles(input).map((file) => ({ file: relative(process.cwd(), file), text: readFileSync(file, 'utf8') })),
  );

  for (const issue of issues) {
    const where = `${join(input, issue.file)}:${issue.location?.line}`;
    const line = `${issue.severity?.name} ${issue.id} at ${where}: ${issue.description}`;
    if (blocking.includes(issue))
      console.error(`${line}\n    ${issue.sample}\n    https://github.com/doyensec/electronegativity/wiki/${issue.id}`);
    else console.log(line);
  }
  for (const error of parseErrors) console.error(`Could not check ${error.file}: ${error.message}`);
  for (const problem of exceptions)
    console.error(`eng-disable without a reason at ${problem.file}:${problem.line}\n    ${problem.text}`);

  console.log(
    `Electronegativity (Electron ${electronVersion}, ${result.atomicChecks} + ${result.globalChecks} checks): ${blocking.length} HIGH/MEDIUM finding(s), ` +
      `${issues.length - blocking.length} lower (not blocking), ${parseErrors.length} unparsed file(s), ${exceptions.length} unjustified exception(s). Report: ${output}`,
  );
  if (blocking.length > 0)
    console.error('Fix each HIGH/MEDIUM finding, or justify it on its line: // eng-disable CHECK_ID: why this is safe');
  return blocking.length === 0 && parseErrors.length === 0 && exceptions.length === 0 ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      console.error('Electronegativity could not run:', error);
      process.exitCode = 1;
    },
  );
}
