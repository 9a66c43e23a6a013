import { dirname, relative, resolve, sep } from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ROOT = import.meta.dirname;
// Without its extension: a specifier says demo-command.js, the file is demo-command.ts.
const DEMO_COMMAND = 'src/cli/demo-command.';

// The layers of docs/architecture.md, bottom to top, and what each may import. A file's layer is the first
// prefix (of its path from the package root) that matches. Imports stay inside the package's own layers:
// `import type` counts too — a type from a higher layer is still a dependency on it.
const LAYERS = [
  ['src/domain/', 'domain'],
  ['src/messages/', 'messages'],
  ['src/config/', 'config'],
  ['src/db/', 'db'],
  ['src/files/', 'files'],
  ['src/reports/', 'reports'],
  ['src/services/', 'services'],
  ['src/outbox/', 'outbox'],
  ['src/jobs/', 'jobs'],
  ['src/bot/', 'bot'],
  // src/channels/*.ts is the channel interface every feature may know; src/channels/<platform>/ the adapters.
  [/^src\/channels\/[^/]+$/, 'channel'],
  ['src/channels/', 'channels'],
  ['src/web/', 'web'],
  // `sohoa demo` is the one production door to the demo, and main.ts opens it only with import().
  [DEMO_COMMAND, 'demo'],
  ['src/cli/', 'cli'],
  ['src/main.ts', 'main'],
  ['src/demo/', 'demo'],
  ['src/', 'src'],
  ['migrations/', 'migrations'],
  ['test/', 'test'],
];
const TOP = ['domain', 'messages', 'config', 'db', 'files', 'reports', 'services', 'outbox', 'jobs'];
const ALLOWED = {
  domain: ['domain'],
  messages: ['messages', 'domain'],
  config: ['config', 'domain', 'messages'],
  db: ['db', 'domain', 'migrations'],
  files: ['files', 'domain', 'messages'],
  reports: ['reports', 'domain', 'messages'],
  // Services return codes and data: words are for the callers (features, jobs, cli) to add.
  services: ['services', 'domain', 'config', 'db', 'files', 'reports'],
  // Migrations are frozen once landed: they may not depend on code that keeps changing.
  migrations: ['migrations'],
  outbox: [...TOP, 'channel'],
  jobs: [...TOP, 'channel'],
  channel: ['channel', 'domain', 'messages', 'db'],
  // Chat features are channel-neutral: they know the channel interface, never a platform's adapter.
  bot: [...TOP, 'channel', 'bot'],
  channels: [...TOP, 'channel', 'bot', 'channels'],
  web: [...TOP, 'channel', 'bot', 'channels', 'web'],
  cli: [...TOP, 'channel', 'bot', 'channels', 'web', 'cli', 'main', 'src'],
  main: [...TOP, 'channel', 'bot', 'channels', 'web', 'cli', 'main', 'src'],
  src: [...TOP, 'channel', 'src'],
  demo: [...TOP, 'channel', 'bot', 'channels', 'web', 'cli', 'main', 'src', 'demo', 'test'],
};
// Packages that belong to one layer: a platform's client library stays in its adapter.
const PACKAGE_HOMES = [
  { pattern: /^telegraf(\/|$)/, homes: ['src/channels/telegram/', 'src/demo/', 'test/'] },
];

function layerOf(path) {
  const matches = (prefix) =>
    typeof prefix === 'string' ? path === prefix || path.startsWith(prefix) : prefix.test(path);
  return LAYERS.find(([prefix]) => matches(prefix))?.[1];
}

const fromRoot = (file) => relative(ROOT, file).split(sep).join('/');

/** Fails on an import that points up the layers (or into the demo and tests from production code). */
const layerRule = {
  meta: {
    type: 'problem',
    docs: { description: 'imports follow the layers of docs/architecture.md' },
    schema: [],
  },
  create(context) {
    const file = fromRoot(context.filename);
    const layer = layerOf(file);
    if (layer === undefined || layer === 'test') return {};
    const check = (node, dynamic) => {
      const source = node.source;
      if (source?.type !== 'Literal' || typeof source.value !== 'string') return;
      const spec = source.value;
      if (!spec.startsWith('.')) {
        const rule = PACKAGE_HOMES.find(({ pattern }) => pattern.test(spec));
        if (rule && !rule.homes.some((home) => file.startsWith(home)))
          context.report({
            node: source,
            message: `'${spec}' belongs in ${rule.homes[0]} only: ${file} must not know the platform.`,
          });
        return;
      }
      const target = fromRoot(resolve(dirname(context.filename), spec));
      const targetLayer = layerOf(target);
      if (targetLayer === undefined) return;
      // The only door into the demo: the cli's command table, with import().
      if (dynamic && layer === 'cli' && target.startsWith(DEMO_COMMAND)) return;
      if (
        layer === 'channels' &&
        targetLayer === 'channels' &&
        target.split('/').length > 3 &&
        file.split('/').length > 3 &&
        target.split('/')[2] !== file.split('/')[2]
      ) {
        context.report({
          node: source,
          message: `${file} must not import another platform's adapter (${target}).`,
        });
        return;
      }
      if (!ALLOWED[layer]?.includes(targetLayer))
        context.report({
          node: source,
          message: `${layer} must not import ${targetLayer} (${file} → ${target}); see docs/architecture.md.`,
        });
    };
    return {
      ImportDeclaration: (node) => check(node, false),
      ExportNamedDeclaration: (node) => check(node, false),
      ExportAllDeclaration: (node) => check(node, false),
      ImportExpression: (node) => check(node, true),
    };
  },
};

export default tseslint.config(
  { ignores: ['node_modules', 'data', 'dist', 'demo-out', 'coverage', 'bin', '.scratch'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { sohoa: { rules: { layers: layerRule } } },
    rules: {
      // A forgotten await loses errors and breaks "nothing is lost": make it a build failure.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'sohoa/layers': 'error',
    },
  },
  {
    // Scripts served to the browser by the web side (plain files: the CSP allows no inline script).
    files: ['assets/**/*.js', 'src/web/**/assets/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: Object.fromEntries(
        ['window', 'document', 'fetch', 'FormData', 'URL', 'Chart', 'console', 'setTimeout'].map((g) => [
          g,
          'readonly',
        ]),
      ),
    },
  },
);
