/** The closed vocabularies of Collier's model, shared by the data layer and the GraphQL schema. */

export enum ConfidenceTier {
  HIGH = 'HIGH',
  MEDIUM_HIGH = 'MEDIUM_HIGH',
  MEDIUM = 'MEDIUM',
  LOW = 'LOW',
}

export enum DatePrecision {
  DAY = 'DAY',
  APPROXIMATE_DAY = 'APPROXIMATE_DAY',
  PART_OF_MONTH = 'PART_OF_MONTH',
  MONTH = 'MONTH',
  MONTH_RANGE = 'MONTH_RANGE',
  SEASON = 'SEASON',
  YEAR = 'YEAR',
  OPEN = 'OPEN',
  UNKNOWN = 'UNKNOWN',
}

export enum SourceKind {
  OFFICIAL = 'OFFICIAL',
  COURT = 'COURT',
  INVESTIGATIVE = 'INVESTIGATIVE',
  NEWS = 'NEWS',
  REPOST = 'REPOST',
  FORUM = 'FORUM',
  REFERENCE = 'REFERENCE',
}

export enum PortKind {
  PORT = 'PORT',
  STS_AREA = 'STS_AREA',
  ANCHORAGE = 'ANCHORAGE',
  WATERS = 'WATERS',
  RIVER_ROUTE = 'RIVER_ROUTE',
  UNSPECIFIED_IN_COUNTRY = 'UNSPECIFIED_IN_COUNTRY',
}

export enum VesselStatus {
  IMPLICATED = 'IMPLICATED',
  CLEARED = 'CLEARED',
  UNCONFIRMED = 'UNCONFIRMED',
}

export enum IdentityStatus {
  ASSERTED = 'ASSERTED',
  VERIFIED = 'VERIFIED',
  FALSE = 'FALSE',
}

export enum IdentityKind {
  REGISTRATION = 'REGISTRATION',
  FORMER_NAME = 'FORMER_NAME',
  AIS_BROADCAST = 'AIS_BROADCAST',
  DOCUMENTS = 'DOCUMENTS',
  ALTERNATIVE_SPELLING = 'ALTERNATIVE_SPELLING',
}

export enum PartyKind {
  COMPANY = 'COMPANY',
  PERSON = 'PERSON',
}

/** How a company or person is tied to a vessel or another company. */
export enum RelationType {
  OWNS = 'OWNS',
  MANAGES = 'MANAGES',
  OPERATES = 'OPERATES',
  CONTROLS = 'CONTROLS',
  CHARTERED = 'CHARTERED',
  BROKERED = 'BROKERED',
  CONSIGNEE_OF = 'CONSIGNEE_OF',
  ASSOCIATED_WITH = 'ASSOCIATED_WITH',
}

export enum Commodity {
  COAL = 'COAL',
  COAL_OR_PIG_IRON = 'COAL_OR_PIG_IRON',
  UNKNOWN = 'UNKNOWN',
}

export enum CargoOrigin {
  DPRK = 'DPRK',
  DPRK_SUSPECTED = 'DPRK_SUSPECTED',
  RUSSIA = 'RUSSIA',
  UNCONFIRMED = 'UNCONFIRMED',
}

export enum Legality {
  VIOLATION = 'VIOLATION',
  SUSPECTED_VIOLATION = 'SUSPECTED_VIOLATION',
  NOT_A_VIOLATION = 'NOT_A_VIOLATION',
  PRE_BAN = 'PRE_BAN',
  UNDETERMINED = 'UNDETERMINED',
}

export enum TransferKind {
  SHIP_TO_SHIP = 'SHIP_TO_SHIP',
  AT_PORT = 'AT_PORT',
  TO_BARGES = 'TO_BARGES',
}

export enum Authority {
  UN_1718_COMMITTEE = 'UN_1718_COMMITTEE',
  US_OFAC = 'US_OFAC',
  US_DOJ = 'US_DOJ',
  ROK_GOVERNMENT = 'ROK_GOVERNMENT',
  EU = 'EU',
  UK = 'UK',
  OTHER = 'OTHER',
}

export enum DesignationStatus {
  IN_FORCE = 'IN_FORCE',
  PROPOSED = 'PROPOSED',
  WITHDRAWN = 'WITHDRAWN',
  LIFTED = 'LIFTED',
}
