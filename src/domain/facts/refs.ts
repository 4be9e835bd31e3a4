/** Every reference a fact makes to another entity. */
import { Fact, Ref } from './types';

/** Every reference a fact makes, with the field it came from. */
export function factRefs(fact: Fact): { field: string; ref: Ref }[] {
  const out: { field: string; ref: Ref }[] = [];
  const add = (field: string, ref: Ref | undefined) => {
    if (ref) out.push({ field, ref });
  };
  switch (fact.type) {
    case 'identityClaim':
      add('vessel', fact.vessel);
      break;
    case 'leg':
      add('vessel', fact.vessel);
      fact.from.forEach((r, i) => add(`from[${i}]`, r));
      fact.to.forEach((r, i) => add(`to[${i}]`, r));
      break;
    case 'transfer':
      add('fromVessel', fact.fromVessel);
      add('toVessel', fact.toVessel);
      add('port', fact.port);
      add('fromLeg', fact.fromLeg);
      add('toLeg', fact.toLeg);
      break;
    case 'relation':
      add('from', fact.from);
      add('to', fact.to);
      break;
    case 'designation':
      add('target', fact.target);
      break;
    case 'statistic':
      fact.fromPorts.forEach((r, i) => add(`fromPorts[${i}]`, r));
      fact.toPorts.forEach((r, i) => add(`toPorts[${i}]`, r));
      break;
    case 'tacticUse':
      add('subject', fact.subject);
      break;
    default:
      break;
  }
  return out;
}
