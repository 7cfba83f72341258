/** Dutch lists sort "de Vries" under V: skip lowercase prefixes (tussenvoegsels) such as "van den" or "'t". */
export function surnameSortKey(lastName: string): string {
  return lastName.replace(/^(?:['’]?\p{Ll}+\s+)+/u, "");
}
