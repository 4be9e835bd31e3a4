/**
 * type-graphql's auth checker: a field marked `@Authorized('EDITOR')` (or READER, ADMIN, AUDIT) runs
 * only for a caller with at least that role. It throws the error itself so that the codes are
 * Collier's: UNAUTHENTICATED without a credential, FORBIDDEN with too low a role (type-graphql's own
 * errors would say UNAUTHORIZED). The resolver never runs, so nothing is written.
 */
import { AuthChecker } from 'type-graphql';
import { GraphQLError } from 'graphql';
import { decideAccess } from '../domain/auth';
import { Context } from './context';

export const collierAuthChecker: AuthChecker<Context, string> = ({ context, info }, requirements) => {
  const decision = decideAccess(context.auth.principal, requirements, context.auth.auditRole);
  if (decision === 'ALLOWED') return true;
  const field = `${info.parentType.name}.${info.fieldName}`;
  const needs = requirements.map((r) => (r === 'AUDIT' ? context.auth.auditRole : r.toLowerCase())).join(' or ');
  if (decision === 'UNAUTHENTICATED') {
    throw new GraphQLError(`${field} needs the ${needs} role: send "Authorization: Bearer <key>".`, {
      extensions: { code: 'UNAUTHENTICATED' },
    });
  }
  throw new GraphQLError(
    `${field} needs the ${needs} role; ${context.auth.principal!.name} has ${context.auth.principal!.role}.`,
    {
      extensions: { code: 'FORBIDDEN' },
    },
  );
};
