#!/usr/bin/env node
// The sources are TypeScript run without a build step, as everywhere in this repository; tsx compiles them on load.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
