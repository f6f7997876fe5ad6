/**
 * Who is running: "<pid>:<start>", the process id and when the process started
 * (ms since 1970). A pid alone is reused — in a container every run may get the
 * same one — so this process is told apart from an earlier one with its pid.
 */
export const THIS_PROCESS = `${process.pid}:${Math.round(performance.timeOrigin)}`;

/**
 * Could the process that wrote `runner` (see {@link THIS_PROCESS}) still be
 * running? False when its pid is gone, or is this process's pid with another
 * start; true when it is this process, or a live process has its pid (then it
 * may be another run going on beside this one: leave its work alone).
 */
export function mayStillRun(runner: string | null): boolean {
  if (!runner) return false;
  if (runner === THIS_PROCESS) return true;
  const pid = Number(runner.split(':')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, another user's
  }
}
