// Preloaded by the benchmark: writes the process's peak resident memory on exit.
const { appendFileSync } = require('node:fs');

process.on('exit', () => {
  const file = process.env.BENCH_PEAK_RSS_FILE;
  if (file) appendFileSync(file, `${process.resourceUsage().maxRSS}\n`);
});
