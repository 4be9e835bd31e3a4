/** Who writes, as the audit trail records it: the caller's name, the operation and the request. */
import { Context } from './context';

/** The caller's name; 'anonymous' when the request carries no principal. */
export function callerName(ctx: Context): string {
  return ctx.auth.principal?.name ?? 'anonymous';
}

/** The writer of an operation of this request (watchlists, investigations, facts, merges). */
export function writerOf(ctx: Context, operation: string): { actor: string; operation: string; requestId: string } {
  return { actor: callerName(ctx), operation, requestId: ctx.requestId };
}
