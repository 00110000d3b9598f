#!/usr/bin/env node
// Launcher only: the CLI is TypeScript, run through tsx's loader scoped to this import, so no build step is needed.
import { tsImport } from 'tsx/esm/api';

await tsImport('../src/cli.ts', import.meta.url);
