// @ts-check
/**
 * The layer boundaries, as one ESLint rule: every import (static, dynamic, re-export, require)
 * of a file in a layer must resolve to a folder or a package that the layer may use. Relative
 * paths are resolved, so `../../main/window` from the core is caught however it is spelled.
 *
 * Options per layer: { name, allow: [folders relative to the repo root], packages: [names or
 * prefixes ending in '/*'], builtins: boolean (node: modules allowed) }.
 */
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const BUILTINS = new Set(builtinModules);

/** 'react-dom/client' → 'react-dom'; '@scope/pkg/x' → '@scope/pkg'. */
function packageOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function isBuiltin(specifier) {
  return specifier.startsWith('node:') || BUILTINS.has(packageOf(specifier));
}

/** @type {import('eslint').Rule.RuleModule} */
const allowedImports = {
  meta: {
    type: 'problem',
    docs: { description: 'A layer imports only the folders and packages it is allowed to.' },
    schema: [
      {
        type: 'object',
        properties: {
          name: { type: 'string' },
          allow: { type: 'array', items: { type: 'string' } },
          packages: { type: 'array', items: { type: 'string' } },
          builtins: { type: 'boolean' },
        },
        required: ['name', 'allow', 'packages'],
        additionalProperties: false,
      },
    ],
    messages: {
      folder: "{{layer}} may not import '{{specifier}}' ({{target}}): it may import only {{allowed}}.",
      package: "{{layer}} may not use the package '{{specifier}}': it may use only {{allowed}}.",
      builtin: "{{layer}} may not use Node's '{{specifier}}': it does no I/O.",
    },
  },
  create(context) {
    const options = context.options[0];
    const layer = options.name;
    const allowedFolders = options.allow.map((folder) => resolve(ROOT, folder));
    const file = context.physicalFilename ?? context.filename;

    function check(node, specifier) {
      if (typeof specifier !== 'string') return;
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const target = resolve(dirname(file), specifier);
        const inside = allowedFolders.some((folder) => target === folder || target.startsWith(folder + sep) || target.startsWith(folder + '.'));
        if (!inside) {
          context.report({
            node,
            messageId: 'folder',
            data: { layer, specifier, target: relative(ROOT, target).split(sep).join('/'), allowed: options.allow.join(', ') },
          });
        }
        return;
      }
      if (isBuiltin(specifier)) {
        if (!options.builtins) context.report({ node, messageId: 'builtin', data: { layer, specifier } });
        return;
      }
      const name = packageOf(specifier);
      const ok = options.packages.some((p) => p === '*' || p === name || p === specifier || (p.endsWith('/*') && specifier.startsWith(p.slice(0, -1))));
      const denied = options.packages.some((p) => p.startsWith('!') && (p.slice(1) === name || p.slice(1) === specifier));
      if (!ok || denied) {
        context.report({ node, messageId: 'package', data: { layer, specifier, allowed: options.packages.join(', ') || 'none' } });
      }
    }

    const literal = (source) => (source && source.type === 'Literal' ? source.value : undefined);
    return {
      ImportDeclaration: (node) => check(node, literal(node.source)),
      ExportNamedDeclaration: (node) => node.source && check(node, literal(node.source)),
      ExportAllDeclaration: (node) => check(node, literal(node.source)),
      ImportExpression: (node) => check(node, literal(node.source)),
      TSImportEqualsDeclaration: (node) =>
        node.moduleReference.type === 'TSExternalModuleReference' && check(node, literal(node.moduleReference.expression)),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1) check(node, literal(node.arguments[0]));
      },
    };
  },
};

export default { rules: { 'allowed-imports': allowedImports } };
