import { z } from 'zod';

// Validation messages in Chinese everywhere the contracts are used (server and web).
z.config(z.locales.zhCN());

export { z };
