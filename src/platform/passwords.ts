import { hash, verify } from '@node-rs/argon2';
import { passwordProblems } from '../domain/password-policy.ts';
import { AppError } from './errors.ts';

// OWASP's argon2id baseline: 19 MiB memory, 2 iterations, 1 lane (argon2id is the library default).
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, options);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verified against when the username is unknown, so both paths cost the same time. */
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = () => {
  dummyHash ??= hashPassword('dummy-password-for-timing');
  return dummyHash;
};

/** Throws a 422 naming the password field when the policy is not met. */
export function assertPasswordPolicy(password: string, username: string, field = 'password') {
  const problems = passwordProblems(password, username);
  if (problems.length === 0) return;
  const errors = problems.map((message) => ({ path: field, message }));
  throw new AppError('VALIDATION', `字段 ${field}：${problems.join('；')}`, errors);
}
