// Sprig's bcrypt and htpasswd: bcrypt at x/crypto's DefaultCost (10), salted from the render's
// seeded source. Sprig prints a failure into the output rather than failing the render.
import { FuncDef, def } from '../../funcs';
import { bcrypt, BcryptError } from './bcrypt';

const DEFAULT_COST = 10;

function bcryptString(input: string, random: () => number): string {
  const salt = Uint8Array.from({ length: 16 }, () => Math.floor(random() * 256));
  try {
    return bcrypt(new TextEncoder().encode(input), DEFAULT_COST, salt);
  } catch (e) {
    if (e instanceof BcryptError) return `failed to encrypt string with bcrypt: ${e.message}`;
    throw e;
  }
}

export const PASSWORD_FUNCS: Record<string, FuncDef> = {
  bcrypt: def(['string'], ([s], ctx) => bcryptString(s as string, () => ctx.random())),
  htpasswd: def(['string', 'string'], ([user, pass], ctx) => {
    if ((user as string).includes(':')) return `invalid username: ${user}`;
    return `${user}:${bcryptString(pass as string, () => ctx.random())}`;
  }),
};
