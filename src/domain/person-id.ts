/**
 * How two employee ids (Person.id) are compared: "E007", "e007" and a full-width "Ｅ００７" are one id
 * to a person, so they are one id here; spaces at the ends do not count. Zeros are kept: "007" is not "7".
 */
export function personIdKey(id: string): string {
  return id.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}
