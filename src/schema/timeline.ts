/** A timeline page: the events of a vessel, company, person or port, in date order. */
import { Connection } from './connection';
import { TimelineEvent } from './trace';

export const TimelineEventConnection = Connection('TimelineEvent', () => TimelineEvent);
