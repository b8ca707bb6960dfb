import { z } from 'zod';

// Validation messages in Chinese everywhere the contracts are used (server and web).
z.config(z.locales.zhCN());
// In the browser the CSP forbids eval: zod would only probe `new Function` (when the first object schema is
// built) and fall back, but the probe is reported as a CSP violation. The server keeps the faster JIT.
if (typeof window !== 'undefined') z.config({ jitless: true });

export { z };
