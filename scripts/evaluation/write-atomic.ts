import { rename, writeFile } from 'node:fs/promises';

/** Written beside the target, then renamed over it: a reader never sees half a file. */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, content, 'utf8');
  await rename(temporary, path);
}
