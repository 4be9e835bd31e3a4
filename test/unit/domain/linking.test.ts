import {
  arrivalSeekDay,
  compatibleCargo,
  departureSeekDay,
  followerSeekRange,
  LegTiming,
  linkBetween,
  linkUnderWait,
  ONWARD_ANY,
  ONWARD_NONE,
  onwardFact,
  onwardWait,
  predecessorSeekRange,
  SEEK_SPAN_DAYS,
  waitBounds,
  WIDE_SEEK_DAY,
} from '../../../src/domain/linking';
import { inferredLinkFactor, routeConfidence } from '../../../src/domain/routeConfidence';
import { computeNextLinks } from '../../../src/db/trace';

const leg = (id: string, over: Partial<LegTiming> = {}): LegTiming => ({
  id,
  vesselId: `vessel:${id}`,
  departureFrom: null,
  departureTo: null,
  arrivalFrom: null,
  arrivalTo: null,
  discharged: null,
  ...over,
});

const day = (d: string) => ({ from: d, to: d });
const arrived = (d: string) => ({ arrivalFrom: day(d).from, arrivalTo: day(d).to });
const left = (d: string) => ({ departureFrom: day(d).from, departureTo: day(d).to });

describe('the link rule', () => {
  it('never chains a leg that left before the previous one arrived', () => {
    expect(linkBetween(leg('a', arrived('2017-09-05')), leg('b', left('2017-09-01')), false)).toBeNull();
  });

  it('chains a later departure within the wait as a certain inferred link', () => {
    const l = linkBetween(leg('a', arrived('2017-09-05')), leg('b', left('2017-09-20')), false, 60);
    expect(l).toMatchObject({ kind: 'INFERRED', certainty: 'CERTAIN', waitMinDays: 15, waitMaxDays: 15 });
  });

  it('breaks an inferred link when the wait exceeds maxWaitDays', () => {
    expect(linkBetween(leg('a', arrived('2017-09-05')), leg('b', left('2018-01-05')), false, 60)).toBeNull();
  });

  it('keeps a documented transfer whatever the wait (Wise Honest → Dong Thanh a year later)', () => {
    const l = linkBetween(
      leg('a', arrived('2018-04-02')),
      leg('b', { departureFrom: '2019-03-01', departureTo: '2019-04-30' }),
      true,
      60,
    );
    expect(l).toMatchObject({ kind: 'TRANSFER', certainty: 'CERTAIN' });
  });

  it('keeps the same vessel sailing on with its cargo aboard whatever the wait', () => {
    const a = leg('a', { ...arrived('2019-04-15'), vesselId: 'vessel:x', discharged: false });
    const b = leg('b', { departureFrom: '2019-05-01', departureTo: '2019-11-08', vesselId: 'vessel:x' });
    expect(linkBetween(a, b, false, 60)).toMatchObject({ kind: 'CONTINUATION', certainty: 'CERTAIN' });
  });

  it('gives a possible link when date ranges only allow the order (Jul–Sep arrival, departure by 2 Oct)', () => {
    const a = leg('a', { arrivalFrom: '2017-07-01', arrivalTo: '2017-09-30' });
    const b = leg('b', { departureFrom: null, departureTo: '2017-10-02' });
    const l = linkBetween(a, b, false, 60)!;
    expect(l.kind).toBe('INFERRED');
    expect(l.certainty).toBe('POSSIBLE');
    expect(l.waitMinDays).toBeNull();
    expect(l.waitMaxDays).toBe(93);
  });

  it('uses the departure as the earliest arrival and the arrival as the latest departure', () => {
    expect(waitBounds(leg('a', left('2017-01-10')), leg('b', { arrivalTo: '2017-01-05' }))).toEqual({
      min: null,
      max: -5,
    });
    expect(linkBetween(leg('a', left('2017-01-10')), leg('b', { arrivalTo: '2017-01-05' }), false)).toBeNull();
  });

  it('re-judges a stored inferred link under a shorter wait', () => {
    const stored = linkBetween(leg('a', arrived('2017-09-05')), leg('b', left('2017-10-20')), false)!;
    expect(linkUnderWait(stored, 60)).toBe('CERTAIN');
    expect(linkUnderWait(stored, 30)).toBeNull();
    expect(linkUnderWait({ ...stored, kind: 'TRANSFER' }, 0)).toBe('CERTAIN');
  });
});

describe('the onward fact', () => {
  const c = (l: LegTiming, commodity: string | null = 'COAL') => ({ ...l, commodity });
  const a = c(leg('a', arrived('2017-09-05')));

  it('is the least wait within the cap, by the least id of the departures giving it (the Cypher ORDER BY w, by)', () => {
    const followers = [
      c(leg('d', left('2017-09-20'))),
      c(leg('c', left('2017-09-10'))),
      c(leg('b', left('2017-09-10'))),
      c(leg('x', left('2017-09-07')), 'IRON_ORE'),
    ];
    expect(onwardFact(a, followers)).toEqual({ wait: 5, by: 'b' });
    expect(onwardWait(a, followers)).toBe(5);
  });

  it('is ONWARD_ANY for a departure of unknown day, ONWARD_NONE with no departure when none links within the cap', () => {
    expect(onwardFact(a, [c(leg('b', left('2017-09-10'))), c(leg('z'))])).toEqual({ wait: ONWARD_ANY, by: 'z' });
    expect(onwardFact(a, [c(leg('b', left('2018-01-04'))), c(leg('e', left('2017-09-01')))])).toEqual({
      wait: ONWARD_NONE,
      by: null,
    });
    // the cap itself holds: 120 days, not 121
    expect(onwardFact(a, [c(leg('b', left('2018-01-03')))])).toEqual({ wait: 120, by: 'b' });
  });
});

describe('NEXT links from candidate pairs (documented links only)', () => {
  it('stores no inferred link: cargo landed and reloaded onto another vessel is found when a trace asks', () => {
    const links = computeNextLinks([
      {
        a: leg('a', arrived('2017-09-05')),
        b: leg('b', left('2017-09-06')),
        transferId: null,
        portId: 'port:x',
        placeUncertain: false,
      },
    ]);
    expect(links).toEqual([]);
  });

  it('prefers a transfer over a shared port and never links a leg to itself', () => {
    const a = leg('a', arrived('2017-09-05'));
    const b = leg('b', left('2017-09-06'));
    const links = computeNextLinks([
      { a, b, transferId: null, portId: 'port:x', placeUncertain: false },
      { a, b, transferId: 'transfer:t', portId: null, placeUncertain: false },
      { a, b: a, transferId: null, portId: 'port:x', placeUncertain: false },
    ]);
    expect(links).toHaveLength(1);
    expect(links[0].props).toMatchObject({ kind: 'TRANSFER', transferId: 'transfer:t' });
  });

  it('makes a link through an alternative port only possible', () => {
    const [l] = computeNextLinks([
      {
        a: leg('a', { ...arrived('2017-09-05'), vesselId: 'vessel:v', discharged: false }),
        b: leg('b', { ...left('2017-09-10'), vesselId: 'vessel:v' }),
        transferId: null,
        portId: 'port:x',
        placeUncertain: true,
      },
    ]);
    expect(l.props.certainty).toBe('POSSIBLE');
  });
});

describe('the departure index keys', () => {
  it('indexes a departure by its earliest day, an arrival by its latest, and wide or open ranges apart', () => {
    expect(departureSeekDay(leg('b', { departureFrom: '2020-01-01', departureTo: '2020-01-31' }))).toBe('2020-01-01');
    expect(departureSeekDay(leg('b', { departureFrom: '2020-01-01' }))).toBe(WIDE_SEEK_DAY);
    expect(departureSeekDay(leg('b', { departureFrom: '2020-01-01', departureTo: '2020-06-01' }))).toBe(WIDE_SEEK_DAY);
    expect(arrivalSeekDay(leg('a', { arrivalFrom: '2020-01-01', arrivalTo: '2020-01-31' }))).toBe('2020-01-31');
    expect(arrivalSeekDay(leg('a', { departureFrom: '2020-01-01', arrivalTo: '2020-01-05' }))).toBe('2020-01-05');
    expect(arrivalSeekDay(leg('a', arrived('2020-01-05')))).toBe('2020-01-05');
  });

  it('seeks a range that holds every indexed departure the rule can link (exhaustive check over days)', () => {
    const a = leg('a', { arrivalFrom: '2020-03-01', arrivalTo: '2020-03-10' });
    for (const wait of [0, 30, 60]) {
      const r = followerSeekRange(a, wait);
      for (let start = -120; start <= 120; start += 3) {
        for (const span of [0, 5, SEEK_SPAN_DAYS]) {
          const from = new Date(Date.UTC(2020, 2, 1) + start * 86_400_000).toISOString().slice(0, 10);
          const to = new Date(Date.UTC(2020, 2, 1) + (start + span) * 86_400_000).toISOString().slice(0, 10);
          const b = leg('b', { departureFrom: from, departureTo: to });
          const link = linkBetween(a, b, false, wait);
          const key = departureSeekDay(b);
          if (link) expect(key === WIDE_SEEK_DAY || (key >= r.from && key <= r.to)).toBe(true);
          const back = predecessorSeekRange(b, wait);
          if (link) expect(arrivalSeekDay(a) >= back.from && arrivalSeekDay(a) <= back.to).toBe(true);
        }
      }
    }
  });

  it('calls the same commodity, coal and "coal or pig iron", or unknown cargo compatible', () => {
    expect(compatibleCargo('COAL', 'COAL_OR_PIG_IRON')).toBe(true);
    expect(compatibleCargo('COAL', 'UNKNOWN')).toBe(true);
    expect(compatibleCargo('COAL', null)).toBe(true);
    expect(compatibleCargo('IRON_ORE', 'COAL')).toBe(false);
  });
});

describe('route confidence', () => {
  it('weighs an inferred link among k compatible departures at most 1/k of a documented one', () => {
    expect(inferredLinkFactor(1)).toBe(0.9);
    expect(inferredLinkFactor(300)).toBeLessThanOrEqual(1 / 300);
    expect(routeConfidence([0.9], [{ kind: 'INFERRED', certainty: 'CERTAIN', alternatives: 300 }])).toBeLessThan(0.05);
    expect(routeConfidence([0.9], [{ kind: 'TRANSFER', certainty: 'CERTAIN', alternatives: 300 }])).toBe(0.9);
  });

  it('is the weakest leg, lowered for inferred and possible links', () => {
    expect(routeConfidence([0.9, 0.75], [{ kind: 'TRANSFER', certainty: 'CERTAIN' }])).toBe(0.75);
    expect(routeConfidence([0.9, 0.9], [{ kind: 'INFERRED', certainty: 'POSSIBLE' }])).toBeCloseTo(0.9 * 0.9 * 0.8, 3);
  });
});
