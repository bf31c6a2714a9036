/** Numbers a value among a statement's parameters: keeps it and returns its placeholder (`$3`). */
export type Param = (value: unknown) => string;

/**
 * The values of a statement assembled from parts, and the function that numbers each part's values after
 * those given here ($1, $2… are the first ones).
 */
export function parameters(...first: unknown[]): { values: unknown[]; param: Param } {
  const values = [...first];
  return { values, param: (value) => `$${values.push(value)}` };
}
