export interface ShutdownOptions {
  /** Run in order: stop taking work, let requests finish, close the database. */
  steps: (() => Promise<unknown>)[];
  timeoutMs: number;
  log: (message: string) => void;
  exit: (code: number) => void;
}

/**
 * Stops on SIGTERM/SIGINT even when a request or the database never finishes: after `timeoutMs` it exits
 * anyway, saying so. A second signal exits at once.
 */
export function createShutdown(opts: ShutdownOptions) {
  let stopping = false;
  return async (signal: string) => {
    if (stopping) {
      opts.log(`再次收到 ${signal}，立即退出`);
      return opts.exit(1);
    }
    stopping = true;
    opts.log(`收到 ${signal}，正在停止服务……`);
    const force = setTimeout(() => {
      opts.log(`停止超时（${opts.timeoutMs} 毫秒内仍有请求或数据库操作未结束），强制退出`);
      opts.exit(1);
    }, opts.timeoutMs);
    try {
      for (const step of opts.steps) await step();
      clearTimeout(force);
      opts.exit(0);
    } catch (err) {
      clearTimeout(force);
      opts.log(`停止时出错，退出：${err instanceof Error ? err.message : String(err)}`);
      opts.exit(1);
    }
  };
}
