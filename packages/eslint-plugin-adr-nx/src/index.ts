/*
 * eslintrc resolves `plugins: ["@fx/adr-nx"]` to the package `@fx/eslint-plugin-adr-nx`, never to
 * `@fx/adr-nx` itself. This package is that name: the very same plugin object, so flat and
 * eslintrc configs run the same rules with the same per-process caches.
 */
import plugin = require('@fx/adr-nx/eslint');

export = plugin;
