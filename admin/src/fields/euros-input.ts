/** Props of a NumberInput for a value the API counts in hundredths (cents, basis points): typed in units. */
const inHundredths = {
  format: (hundredths: unknown) => (typeof hundredths === 'number' ? hundredths / 100 : hundredths),
  parse: (units: unknown) => (units === '' || units === null ? null : Math.round(Number(units) * 100)),
};

/** Props of a NumberInput for an amount the API counts in integer cents: typed and shown in euros. */
export const eurosInput = { ...inHundredths, min: 0, step: 0.01 };

/** Props of a NumberInput for a share the API counts in basis points (2000): typed and shown in percent (20). */
export const percentInput = { ...inHundredths, min: 0, max: 100 };
