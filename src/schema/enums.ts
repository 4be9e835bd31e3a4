/** Registers the domain vocabularies as GraphQL enums. */
import { registerEnumType } from 'type-graphql';
import {
  Authority,
  CargoOrigin,
  Commodity,
  ConfidenceTier,
  DatePrecision,
  DesignationStatus,
  IdentityKind,
  IdentityStatus,
  Legality,
  PartyKind,
  PortKind,
  RelationType,
  SourceKind,
  TransferKind,
  VesselStatus,
} from '../domain/enums';

registerEnumType(ConfidenceTier, {
  name: 'ConfidenceTier',
  description:
    'How sure the sources make a fact: official actions HIGH, investigative reporting MEDIUM_HIGH, reposts MEDIUM, forums LOW.',
  valuesConfig: {
    HIGH: { description: 'Official actions: UN, OFAC, courts, customs (confidence 0.9).' },
    MEDIUM_HIGH: { description: 'Investigative reporting with its own evidence (confidence 0.75).' },
    MEDIUM: { description: 'Reposts and secondary news (confidence 0.6).' },
    LOW: { description: 'Forums and unattributed claims (confidence 0.3).' },
  },
});
registerEnumType(DatePrecision, {
  name: 'DatePrecision',
  description: 'How a date was stated by the sources; `from`/`to` of the DateRange hold the days it can fall on.',
  valuesConfig: {
    DAY: { description: 'One stated day ("5 Sep 2017"): from = to.' },
    APPROXIMATE_DAY: { description: 'A day given as approximate ("~14 Mar 2018"): from = to, but not exact.' },
    PART_OF_MONTH: { description: 'Early, mid or late in a month ("late Aug 2017" is 21–31 Aug).' },
    MONTH: { description: 'A calendar month: its first to its last day.' },
    MONTH_RANGE: { description: 'Several months ("Aug-Sep 2017" is 1 Aug–30 Sep).' },
    SEASON: { description: 'A season of a year ("summer 2018"), as the months it spans.' },
    YEAR: { description: 'A calendar year: 1 January to 31 December.' },
    OPEN: { description: 'Bounded on one side only ("before Oct 2017"): the other bound is null.' },
    UNKNOWN: { description: 'The sources give no date: both bounds are null.' },
  },
});
registerEnumType(SourceKind, {
  name: 'SourceKind',
  description: "What kind of document a source is; it sets the source's usual reliability tier.",
  valuesConfig: {
    OFFICIAL: { description: 'A government or UN document: Panel of Experts report, sanction notice, customs record.' },
    COURT: { description: 'A court filing or judgment (e.g. a US forfeiture complaint).' },
    INVESTIGATIVE: {
      description: 'Investigative reporting or research with its own evidence (imagery, AIS, documents).',
    },
    NEWS: { description: 'News reporting.' },
    REPOST: { description: "A copy or summary of another outlet's reporting." },
    FORUM: { description: 'A forum, blog or social post; unattributed claims.' },
    REFERENCE: {
      description: 'A reference work (Wikipedia, UN/LOCODE lists) used for names, codes and positions.',
    },
  },
});
registerEnumType(PortKind, {
  name: 'PortKind',
  description:
    'A port, a ship-to-ship transfer area, an anchorage, waters, a river route, or "a port in this country, not named".',
  valuesConfig: {
    PORT: { description: 'A named port (usually with a UN/LOCODE).' },
    STS_AREA: { description: 'A sea area where ship-to-ship transfers take place (e.g. the Gulf of Tonkin).' },
    ANCHORAGE: { description: 'An anchorage outside a port.' },
    WATERS: {
      description:
        'A bay or stretch of water the sources name instead of a port ("Hangzhou Bay ports", "Rongcheng Bay").',
    },
    RIVER_ROUTE: { description: 'A river or inland waterway route (e.g. barges up the Yangtze).' },
    UNSPECIFIED_IN_COUNTRY: { description: 'The sources name only the country: "a port in this country, not named".' },
  },
});
registerEnumType(VesselStatus, {
  name: 'VesselStatus',
  description: 'Where the sources leave a vessel: implicated, cleared (not a violation), or not established.',
  valuesConfig: {
    IMPLICATED: { description: 'The sources tie the vessel to carrying or transferring sanctioned coal.' },
    CLEARED: { description: 'Investigated and found not to have broken the sanctions.' },
    UNCONFIRMED: { description: 'Named in the sources, but its part is not established.' },
  },
});
registerEnumType(IdentityStatus, {
  name: 'IdentityStatus',
  description: 'ASSERTED in a source, VERIFIED by an official record, or FALSE (spoofed, fraudulent, forged).',
  valuesConfig: {
    ASSERTED: { description: 'Stated by a source, not checked against an official record.' },
    VERIFIED: { description: 'Confirmed by an official record (registry, sanction notice).' },
    FALSE: { description: 'Shown to be false: a spoofed AIS identity, a fraudulent registration or forged papers.' },
  },
});
registerEnumType(IdentityKind, {
  name: 'IdentityKind',
  description: 'Where a claimed identity of a vessel comes from.',
  valuesConfig: {
    REGISTRATION: { description: 'A registration in a flag registry (name, IMO, flag, call sign).' },
    FORMER_NAME: { description: 'A name the vessel sailed under before.' },
    AIS_BROADCAST: { description: 'What the vessel broadcast on AIS (name, MMSI), often spoofed.' },
    DOCUMENTS: { description: 'What shipping papers (bills of lading, certificates) gave.' },
    ALTERNATIVE_SPELLING: { description: 'Another spelling or transliteration of a name.' },
  },
});
registerEnumType(PartyKind, {
  name: 'PartyKind',
  description: 'Whether a party is a company or a natural person.',
  valuesConfig: {
    COMPANY: { description: 'A company or other organisation (ids "company:…").' },
    PERSON: { description: 'A natural person (ids "person:…").' },
  },
});
registerEnumType(RelationType, {
  name: 'RelationType',
  description: 'How a company or person is tied to a vessel or another company.',
  valuesConfig: {
    OWNS: { description: 'Registered or beneficial owner (of a vessel or a company).' },
    MANAGES: { description: 'Ship manager or ISM manager of a vessel.' },
    OPERATES: { description: 'Commercial operator of a vessel.' },
    CONTROLS: {
      description:
        'Controls a vessel or company other than as its registered owner: parent, controller, the person behind it.',
    },
    CHARTERED: { description: 'Chartered the vessel for a voyage or a period.' },
    BROKERED: { description: 'Brokered a deal, a charter or a cargo sale involving it.' },
    CONSIGNEE_OF: { description: 'Named as consignee of a cargo the vessel carried.' },
    ASSOCIATED_WITH: { description: 'Tied to it in a way the sources do not specify.' },
  },
});
registerEnumType(Commodity, {
  name: 'Commodity',
  description: 'What a leg carried, as the sources give it.',
  valuesConfig: {
    COAL: { description: 'Coal.' },
    COAL_OR_PIG_IRON: { description: 'Coal or pig iron: the sources do not say which. A coal trace includes it.' },
    UNKNOWN: { description: 'The sources do not name the cargo.' },
  },
});
registerEnumType(CargoOrigin, {
  name: 'CargoOrigin',
  description: 'Where the cargo came from, as far as the sources establish it.',
  valuesConfig: {
    DPRK: { description: 'North Korean, as the sources establish.' },
    DPRK_SUSPECTED: {
      description:
        'Suspected North Korean: the sources imply or presume it (e.g. a matching ship imaged at a DPRK terminal).',
    },
    RUSSIA: { description: 'Russian coal (e.g. shipped through Rajin): exempt from the sanctions.' },
    UNCONFIRMED: { description: 'The origin is not established.' },
  },
});
registerEnumType(Legality, {
  name: 'Legality',
  description: 'Whether a movement broke the sanctions, as far as the sources establish it.',
  valuesConfig: {
    VIOLATION: { description: 'A breach of the sanctions, as the sources establish it.' },
    SUSPECTED_VIOLATION: { description: 'A suspected breach that the sources do not establish.' },
    NOT_A_VIOLATION: { description: 'Found not to breach the sanctions (e.g. exempt Russian coal).' },
    PRE_BAN: {
      description: 'Before the full UN ban on DPRK coal (UNSCR 2371, August 2017): not a violation at the time.',
    },
    UNDETERMINED: { description: 'The sources do not say.' },
  },
});
registerEnumType(TransferKind, {
  name: 'TransferKind',
  description: 'How cargo passed from one vessel to another.',
  valuesConfig: {
    SHIP_TO_SHIP: { description: 'Ship-to-ship at sea, usually in an STS area or an anchorage.' },
    AT_PORT: { description: 'Unloaded and reloaded in a port.' },
    TO_BARGES: { description: 'Transloaded onto barges (e.g. for a river route).' },
  },
});
registerEnumType(Authority, {
  name: 'Authority',
  description: 'Who imposed a sanction.',
  valuesConfig: {
    UN_1718_COMMITTEE: { description: 'The UN Security Council 1718 Committee (DPRK sanctions).' },
    US_OFAC: { description: 'The US Treasury Office of Foreign Assets Control (SDN list).' },
    US_DOJ: { description: 'The US Department of Justice (seizures, forfeiture, indictments).' },
    ROK_GOVERNMENT: { description: 'The government of the Republic of Korea.' },
    EU: { description: 'The European Union.' },
    UK: { description: 'The United Kingdom.' },
    OTHER: { description: 'Another authority (see the measure and reference).' },
  },
});
registerEnumType(DesignationStatus, {
  name: 'DesignationStatus',
  description: 'Where a sanction stands.',
  valuesConfig: {
    IN_FORCE: { description: 'Imposed and in force.' },
    PROPOSED: { description: 'Proposed (e.g. a US proposal to the 1718 Committee), not adopted.' },
    WITHDRAWN: { description: 'A proposal withdrawn before it was adopted (e.g. a proposed UN listing).' },
    LIFTED: { description: 'Imposed once, later lifted or expired (its end date has passed).' },
  },
});

export {
  Authority,
  CargoOrigin,
  Commodity,
  ConfidenceTier,
  DatePrecision,
  DesignationStatus,
  IdentityKind,
  IdentityStatus,
  Legality,
  PartyKind,
  PortKind,
  RelationType,
  SourceKind,
  TransferKind,
  VesselStatus,
};
