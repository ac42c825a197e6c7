/**
 * Which voice a site uses: the one the person chose for it in Sites, else the active profile. A
 * choice naming a profile that no longer exists falls back too, so a deleted voice never strands a site.
 */
export function profileIdForSite(
  host: string | null,
  siteProfiles: Readonly<Record<string, string>>,
  activeProfileId: string | null,
  existingProfileIds: ReadonlySet<string>,
): string | null {
  const chosen = host === null ? undefined : siteProfiles[host.toLowerCase()];
  if (chosen !== undefined && existingProfileIds.has(chosen)) return chosen;
  return activeProfileId;
}
