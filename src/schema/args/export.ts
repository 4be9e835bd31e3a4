/** The arguments of `exportSubgraph`: where to start, how far, which format. */
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { ExportFormat } from '../export';
import { WalkArgs } from './walk';

@ArgsType()
export class ExportArgs extends WalkArgs {
  @Field(() => [ID], { description: 'The entities to start from (1 to 100).' })
  ids!: string[];

  @Field(() => Int, {
    defaultValue: 1,
    description: 'Hops around them, 0 to 3 (0: the entities and the ties among them).',
  })
  depth!: number;

  @Field(() => ExportFormat, { description: 'The file format: GRAPHML, GEXF, CSV, JSONL or FTM.' })
  format!: ExportFormat;

  @Field(() => Int, { defaultValue: 500, description: 'Most nodes, 1 to 2000; the nearest are kept.' })
  limit!: number;
}
