// `npm run build` (also run by `npm ci` and `npm install` through the `prepare` script): compiles src/ and
// what it loads at run time (migrations/, the demo's fake Bot API in test/support) to JavaScript in dist/,
// so `sohoa` starts without transpiling TypeScript. Run: node --import tsx scripts/build.ts
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const CONFIG = 'tsconfig.build.json';
// Read from disk relative to the package root (`new URL('../../assets/…', import.meta.url)`): dist/src sits
// one folder deeper than src, so dist gets links to the real folders instead of copies that could go stale.
const LINKED_FOLDERS = ['assets', 'campaigns'];
// CommonJS packages that dist/ imports through an ES-module facade. Importing a CommonJS package from an
// ES module makes Node scan its source (and every file it re-exports) for export names: for pdf-lib's 139
// files that scan cost more CPU than loading it (≈100 ms of `sohoa check one.pdf`'s ≈230). The facade
// require()s the same package — same module instance, same classes — and lists its exports, read here once.
const FACADES = ['pdf-lib'];
/** Read by bin/sohoa.js (plain JavaScript, so the shape is written out in both places). */
const BUILD_STAMP = 'build-stamp.json';

/** dist/build-stamp.json: dist is current while no listed source is missing or newer than `startedMs`. */
interface BuildStamp {
  readonly sources: readonly string[];
  readonly startedMs: number;
  readonly builtAt: string;
}

async function loadTypeScript(): Promise<typeof import('typescript') | undefined> {
  try {
    return (await import('typescript')).default;
  } catch {
    return undefined;
  }
}

const ts = await loadTypeScript();
if (!ts) {
  // `npm ci --omit=dev` has no compiler: bin/sohoa.js then runs the sources through tsx, as before.
  console.log('sohoa build: typescript is not installed (production install); sohoa will run from src/.');
  process.exit(0);
}

const started = Date.now();
const parsed = ts.getParsedCommandLineOfConfigFile(join(ROOT, CONFIG), undefined, {
  ...ts.sys,
  onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
    throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  },
});
if (!parsed) throw new Error(`cannot read ${CONFIG}`);
rmSync(DIST, { recursive: true, force: true });
const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
// The build only transpiles (noCheck): a type error is `npm run typecheck`'s to report, never a failed
// install. Syntax errors still stop it.
const emitted = program.emit();
const errors = [...program.getSyntacticDiagnostics(), ...emitted.diagnostics].filter(
  (diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error,
);
if (errors.length > 0 || emitted.emitSkipped) {
  console.error(
    ts.formatDiagnostics(errors, {
      getCanonicalFileName: (name) => name,
      getCurrentDirectory: () => ROOT,
      getNewLine: () => '\n',
    }),
  );
  rmSync(DIST, { recursive: true, force: true });
  console.error('sohoa build failed: sohoa will run from src/ until it builds.');
  process.exit(1);
}

writeFacades();

for (const folder of LINKED_FOLDERS) {
  // 'junction' lets Windows link a folder without admin rights; elsewhere the type is ignored.
  if (existsSync(join(ROOT, folder))) symlinkSync(join('..', folder), join(DIST, folder), 'junction');
}

// Every file the compiler read from this package, so bin/sohoa.js can tell whether dist is current.
const sources = program
  .getSourceFiles()
  .map((file) => relative(ROOT, file.fileName))
  .filter((file) => !file.startsWith('node_modules') && !file.startsWith('..'))
  .concat(['tsconfig.json', CONFIG])
  .map((file) => file.split(sep).join('/'))
  .sort();
// The threshold is the time the build started, before it read anything: a file saved while it ran is newer,
// so its old compiled form is never used.
const editedDuringBuild = sources.filter((file) => statSync(join(ROOT, file)).mtimeMs > started);
const stamp: BuildStamp = { sources, startedMs: started, builtAt: new Date(started).toISOString() };
mkdirSync(DIST, { recursive: true });
writeFileSync(join(DIST, BUILD_STAMP), `${JSON.stringify(stamp, null, 1)}\n`);
if (editedDuringBuild.length > 0)
  console.log(`sohoa build: ${editedDuringBuild.join(', ')} changed during the build; sohoa runs from src/.`);
console.log(
  `sohoa build: ${sources.length} files → dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);

function writeFacades(): void {
  const require = createRequire(join(ROOT, 'package.json'));
  const facadeOf = (name: string) => join(DIST, 'vendor', `${name}.js`);
  for (const name of FACADES) {
    const names = Object.keys(require(name) as object).filter(
      (key) => /^[A-Za-z_$][\w$]*$/.test(key) && key !== 'default',
    );
    mkdirSync(dirname(facadeOf(name)), { recursive: true });
    writeFileSync(
      facadeOf(name),
      [
        `// Written by scripts/build.ts: ${name} through require(), without Node's export scan.`,
        "import { createRequire } from 'node:module';",
        `const m = createRequire(import.meta.url)(${JSON.stringify(name)});`,
        'export default m;',
        `export const { ${names.join(', ')} } = m;`,
        '',
      ].join('\n'),
    );
  }
  const pattern = new RegExp(`(from\\s*|import\\(\\s*)(['"])(${FACADES.join('|')})\\2`, 'g');
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && !entry.isSymbolicLink() && path !== join(DIST, 'vendor')) visit(path);
      else if (entry.isFile() && entry.name.endsWith('.js')) {
        const text = readFileSync(path, 'utf8');
        const rewritten = text.replace(pattern, (_match, lead: string, quote: string, name: string) => {
          const target = relative(dirname(path), facadeOf(name)).split(sep).join('/');
          return `${lead}${quote}${target.startsWith('.') ? target : `./${target}`}${quote}`;
        });
        if (rewritten !== text) writeFileSync(path, rewritten);
      }
    }
  };
  visit(DIST);
}
