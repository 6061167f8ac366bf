import plugin = require('@fx/adr-nx/eslint');
export = plugin;
