// The bench's "cores to themselves" experiment (`npm run bench -- --dedicated`), Linux only.
//
// A reader with N cores gets N − 1 training Workers (`workers="auto"`), so each Worker has a core and the page
// and the browser share the last one. A 2-core machine cannot show that for 2 Workers: they share both cores with
// the page, the browser's other processes and the bench itself, and since the Workers step in lockstep (one
// barrier per batch), any of them descheduled holds every other one up. This gives the Workers the cores as a
// machine with a spare core would: while it runs, every thread of every Chromium process is put under
// SCHED_IDLE (it runs only when a core has nothing else to do, and never preempts) at nice 19, except the
// dedicated Worker threads (named "DedicatedWorker") and the renderer's thread pool ("ThreadPoolForeground"),
// where V8 compiles the Workers' WebAssembly to optimised code and marks their heaps: on a machine with a core to
// spare that work has it, and starved it would keep the Workers on baseline code. Nice alone was not enough (a
// waking nice-19 thread still preempts: the same runs measured the same as without it). Giving a thread its
// policy and nice back needs root (CAP_SYS_NICE); without it, or off Linux, `dedicate()` says why.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { spawnSync } from 'node:child_process';

const WORKER = /^DedicatedWorker/;
const POOL = /^ThreadPoolForeg/;

const list = (dir) => {
  try {
    return readdirSync(dir).filter((d) => /^\d+$/.test(d));
  } catch {
    return [];
  }
};
const isChromium = (pid) => {
  try {
    return /chrom/i.test(readlinkSync(`/proc/${pid}/exe`));
  } catch {
    return false;
  }
};

const commOf = (pid, tid) => {
  try {
    return readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8');
  } catch {
    return null;
  }
};

/**
 * Starts keeping the priorities (every 100 ms, for threads that appear later). Returns `{ stop() }`, which puts
 * every thread it touched back to where it was, or `{ reason }` where this machine cannot do it.
 */
export function dedicate() {
  if (process.platform !== 'linux') return { reason: 'needs Linux (/proc and per-thread nice)' };
  if (typeof process.getuid === 'function' && process.getuid() !== 0)
    return { reason: 'needs root (giving a thread its nice 0 back needs CAP_SYS_NICE)' };
  const before = new Map();
  const workers = new Set();
  const idle = new Set();
  const set = (tid, nice) => {
    try {
      if (!before.has(tid)) before.set(tid, getPriority(Number(tid)));
      if (getPriority(Number(tid)) !== nice) setPriority(Number(tid), nice);
    } catch {
      // The thread has ended meanwhile.
    }
  };
  const tick = () => {
    for (const pid of list('/proc')) {
      if (!isChromium(pid)) continue;
      for (const tid of list(`/proc/${pid}/task`)) {
        const comm = commOf(pid, tid);
        if (comm === null) continue;
        const worker = WORKER.test(comm);
        if (worker) workers.add(tid);
        const keep = worker || POOL.test(comm);
        set(tid, keep ? 0 : 19);
        if (!keep && !idle.has(tid)) {
          idle.add(tid);
          spawnSync('chrt', ['--idle', '--pid', '0', tid], { stdio: 'ignore' });
        }
      }
    }
  };
  tick();
  const timer = setInterval(tick, 100);
  return {
    /** How many Worker threads it has seen at nice 0 so far. */
    get workers() {
      return workers.size;
    },
    stop() {
      clearInterval(timer);
      for (const tid of idle) spawnSync('chrt', ['--other', '--pid', '0', tid], { stdio: 'ignore' });
      for (const [tid, nice] of before) {
        try {
          setPriority(Number(tid), nice);
        } catch {
          // Ended.
        }
      }
    },
  };
}
