/**
 * Preloaded (node --require) into each command-line run: on exit, writes the process's CPU time
 * (user + system, ms) and peak resident memory (MB) to the file named by OKR_BENCH_CPU_FILE, so the benchmark can report it beside
 * the wall time — wall time on a shared machine grows with the load average, CPU time much less.
 */
import { writeFileSync } from 'fs';

const file = process.env.OKR_BENCH_CPU_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.cpuUsage();
    // maxRSS is in kilobytes: the process's peak resident memory.
    writeFileSync(file, JSON.stringify({ cpuMs: Math.round((u.user + u.system) / 1000), peakMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
  });
}
