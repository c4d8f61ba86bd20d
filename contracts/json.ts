/** A response as the admin reads it from JSON: every instant (a Date on the API's side) is an ISO-8601 string. */
export type Json<T> = T extends Date
  ? string
  : T extends readonly (infer Item)[]
    ? Json<Item>[]
    : T extends object
      ? { [Key in keyof T]: Json<T[Key]> }
      : T;
