import { after, afterEach } from 'node:test';

/**
 * Makes every test of the calling file fail if a promise rejection went
 * unhandled while it ran (a bot that forgets a `catch` would otherwise pass,
 * or crash the file with no test to blame). Call once at the top of a test file.
 */
export function failOnUnhandledRejections(): void {
  const seen: unknown[] = [];
  const onRejection = (reason: unknown): void => void seen.push(reason);
  process.on('unhandledRejection', onRejection);
  const check = (): void => {
    if (seen.length === 0) return;
    const reasons = seen.splice(0);
    throw new AggregateError(
      reasons.map((reason) => (reason instanceof Error ? reason : new Error(String(reason)))),
      `${reasons.length} unhandled promise rejection(s): ${reasons.map((reason) => (reason instanceof Error ? reason.message : String(reason))).join('; ')}`,
    );
  };
  afterEach(check);
  after(() => {
    process.off('unhandledRejection', onRejection);
    check();
  });
}
