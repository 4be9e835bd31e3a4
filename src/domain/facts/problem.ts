/** Why a fact was refused: the field (a dotted path into the input) and what is wrong with it. */
export class FactProblem extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(field ? `${field}: ${problem}` : problem);
    this.name = 'FactProblem';
  }
}
