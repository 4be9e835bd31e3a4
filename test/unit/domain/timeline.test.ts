import { sortByDate, vesselEvents, VesselFacts } from '../../../src/domain/timeline';
import { EventRecord } from '../../../src/domain/timelineEvents';

/** A vessel's timeline as `vesselTimeline` answers it: its events in time order. */
const vesselTimelineEvents = (id: string, facts: unknown): EventRecord[] =>
  sortByDate(vesselEvents(id, facts as VesselFacts));
const TimelineEventKind = {
  LEG_DEPARTURE: 'LEG_DEPARTURE',
  LEG_ARRIVAL: 'LEG_ARRIVAL',
  TRANSFER: 'TRANSFER',
  IDENTITY: 'IDENTITY',
  DESIGNATION: 'DESIGNATION',
  TACTIC: 'TACTIC',
} as const;

const day = (d: string) => ({ from: d, to: d });

describe('vesselEvents in date order (vesselTimeline)', () => {
  const history = {
    legs: [
      {
        id: 'leg:1',
        departure: day('2019-03-02'),
        arrival: null,
        fromText: 'Nampho',
        toText: 'Vostochny',
        cargoText: 'coal',
        discharged: false,
        confidence: 0.8,
        sourceIds: ['source:a'],
      },
    ],
    transfers: [
      {
        id: 'transfer:1',
        when: day('2019-03-05'),
        fromVesselId: 'vessel:x',
        toVesselId: 'vessel:y',
        toVesselDescription: null,
        sourceIds: ['source:b'],
      },
      { id: 'transfer:2', when: day('2019-01-01'), fromVesselId: 'vessel:z', fromVesselDescription: 'a small tanker' },
    ],
    claims: [{ id: 'claim:1', period: null, status: 'FALSE', kind: 'NAME', name: 'OTHER NAME', flagText: 'Togo' }],
    designations: [
      { id: 'designation:1', date: day('2018-03-30'), authority: 'UN', measure: 'asset freeze', status: 'IN_FORCE' },
    ],
    tactics: [{ tacticId: 'tactic:AIS_OFF', period: day('2019-03-04'), note: 'dark for 3 days' }],
  };

  it('gives each record its event, a one-line summary and its evidence, in time order', () => {
    const events = vesselTimelineEvents('vessel:x', history);
    expect(events.map((e) => [e.kind, e.refId, e.summary])).toEqual([
      [TimelineEventKind.DESIGNATION, 'designation:1', 'UN: asset freeze (in force)'],
      [TimelineEventKind.TRANSFER, 'transfer:2', 'took cargo from a small tanker'],
      [TimelineEventKind.LEG_DEPARTURE, 'leg:1', 'left Nampho for Vostochny (coal)'],
      [TimelineEventKind.TACTIC, 'tactic:AIS_OFF', 'tactic AIS_OFF: dark for 3 days'],
      [TimelineEventKind.TRANSFER, 'transfer:1', 'passed cargo to vessel:y'],
      [TimelineEventKind.IDENTITY, 'claim:1', 'false identity: OTHER NAME, Togo'],
    ]);
    expect(events[2]).toMatchObject({ confidence: 0.8, sourceIds: ['source:a'] });
    expect(events[1]).toMatchObject({ confidence: null, sourceIds: [] });
  });

  it('shows an arrival only when it is dated, and says when the cargo was not landed', () => {
    const dated = { ...history.legs[0], arrival: day('2019-03-09') };
    const events = vesselTimelineEvents('vessel:x', { ...history, legs: [dated] });
    expect(events.find((e) => e.kind === TimelineEventKind.LEG_ARRIVAL)?.summary).toBe(
      'reached Vostochny (cargo not landed)',
    );
    expect(vesselTimelineEvents('vessel:x', history).some((e) => e.kind === TimelineEventKind.LEG_ARRIVAL)).toBe(false);
  });
});

describe('sortByDate', () => {
  it('orders by the earliest day and puts undated events last', () => {
    const out = sortByDate([{ date: null }, { date: { from: null, to: '2020-01-01' } }, { date: day('2019-01-01') }]);
    expect(out.map((e) => e.date?.from ?? e.date?.to ?? null)).toEqual(['2019-01-01', '2020-01-01', null]);
  });
});
