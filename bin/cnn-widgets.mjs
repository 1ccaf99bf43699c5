#!/usr/bin/env node
// `npx cnn-widgets pack SRC OUT`: packs a dataset for <cnn-trainer data-src> (see bin/pack/cli.mjs).
import { main } from './pack/cli.mjs';

process.exitCode = await main(process.argv.slice(2));
