// Builds the Tanne calendar widget with rspack: `node widgets/tanne-calendar/build.mjs`, or from scripts/build.mjs.
import { rspack } from '@rspack/core';
import config from './rspack.config.mjs';

/** Runs the rspack build once and fails on any error, with rspack's own messages. */
export function buildWidget() {
  return new Promise((resolve, reject) => {
    rspack(config, (error, stats) => {
      if (error) return reject(error);
      if (!stats) return reject(new Error('rspack gave no stats'));
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true, colors: false })));
      if (stats.hasWarnings()) console.warn(stats.toString({ all: false, warnings: true, colors: false }));
      resolve(stats);
    });
  });
}

if (process.argv[1] && import.meta.filename === process.argv[1]) await buildWidget();
