/** How two voice names are compared: "Work email", " work EMAIL " and "Work email" are one name. */
export function sameProfileName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}

/**
 * Why `name` cannot be a voice's name beside the others, in words the person can act on, or null
 * when it can. `exceptId` is the voice being renamed (keeping its own name, or changing its case, is fine).
 */
export function profileNameProblem(name: string, others: ReadonlyArray<{ id: string; name: string }>, exceptId?: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'Give the voice a name.';
  if (trimmed.length > 80) return 'A voice’s name can be at most 80 characters.';
  const clash = others.find((other) => other.id !== exceptId && sameProfileName(other.name, trimmed));
  return clash ? `There is already a voice called “${clash.name}”. Choose another name.` : null;
}
