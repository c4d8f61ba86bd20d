/** Turns a map of French labels into react-admin choices, in the map's order. */
export function choicesOf<Id extends string>(labels: Record<Id, string>): { id: Id; name: string }[] {
  return (Object.entries(labels) as [Id, string][]).map(([id, name]) => ({ id, name }));
}
