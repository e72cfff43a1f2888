/** `values[index] += amount` for typed arrays under noUncheckedIndexedAccess. */
export function addAt(values: Float64Array, index: number, amount: number): void {
  values[index] = (values[index] as number) + amount;
}
