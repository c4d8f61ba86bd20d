/** Props of a NumberInput for an amount the API counts in integer cents: typed and shown in euros. */
export const eurosInput = {
  format: (cents: unknown) => (typeof cents === 'number' ? cents / 100 : cents),
  parse: (euros: unknown) => (euros === '' || euros === null ? null : Math.round(Number(euros) * 100)),
  min: 0,
  step: 0.01,
};
