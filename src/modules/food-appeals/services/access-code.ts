import { hashAccessCodeIn } from '../../../platform/access-code.ts';

export {
  looksLikeAccessCode,
  newAccessCode,
  normalizeAccessCode,
  wrongAccessCode,
} from '../../../platform/access-code.ts';

/** A food business's code (src/platform/access-code.ts), in its own namespace. */
export const hashAccessCode = (input: string) => hashAccessCodeIn('food-access', input);
